CREATE TABLE "supervision_order_lines" (
	"city_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"ref_id" uuid NOT NULL,
	CONSTRAINT "supervision_order_lines_city_id_order_id_seq_pk" PRIMARY KEY("city_id","order_id","seq")
);
--> statement-breakpoint
DROP INDEX "supervision_orders_number_uq";--> statement-breakpoint
ALTER TABLE "supervision_orders" ALTER COLUMN "case_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "supervision_orders" ADD COLUMN "office_region_id" uuid;--> statement-breakpoint
ALTER TABLE "supervision_orders" ADD COLUMN "state" text DEFAULT 'issued' NOT NULL;--> statement-breakpoint
ALTER TABLE "supervision_orders" ADD COLUMN "content" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "supervision_orders" ADD COLUMN "migrated" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "supervision_orders" ADD COLUMN "signed_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "supervision_orders" ADD COLUMN "signed_by_name" text;--> statement-breakpoint
ALTER TABLE "supervision_orders" ADD COLUMN "replied_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "supervision_orders" ADD COLUMN "reply_text" text;--> statement-breakpoint
ALTER TABLE "supervision_orders" ADD COLUMN "reply_photo_ids" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "supervision_orders" ADD COLUMN "closed_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "supervision_orders" ADD COLUMN "escalated_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "supervision_orders" ADD COLUMN "escalated_to_id" uuid;--> statement-breakpoint
ALTER TABLE "supervision_orders" ADD COLUMN "history" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
CREATE INDEX "supervision_order_lines_ref_idx" ON "supervision_order_lines" USING btree ("city_id","kind","ref_id");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_orders_office_number_uq" ON "supervision_orders" USING btree ("city_id","office_region_id","number");--> statement-breakpoint
CREATE INDEX "supervision_orders_unit_idx" ON "supervision_orders" USING btree ("city_id","unit_id","issued_at");--> statement-breakpoint
CREATE INDEX "supervision_orders_due_idx" ON "supervision_orders" USING btree ("city_id","deadline") WHERE state in ('issued', 'signed');--> statement-breakpoint
INSERT INTO "supervision_order_lines" ("city_id", "order_id", "seq", "kind", "ref_id")
SELECT "city_id", "id", 1, 'case', "case_id" FROM "supervision_orders" WHERE "case_id" IS NOT NULL;--> statement-breakpoint
UPDATE "supervision_orders" o SET
  "office_region_id" = o."city_id",
  "migrated" = true,
  "state" = CASE WHEN c."status" IN ('closed', 'voided') THEN 'closed' ELSE 'issued' END,
  "closed_at" = CASE WHEN c."status" IN ('closed', 'voided') THEN c."closed_at" ELSE NULL END,
  "history" = jsonb_build_array(jsonb_build_object(
    'at', to_char(o."issued_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'action', 'issue', 'byUserId', o."issued_by_user_id", 'byName', o."issued_by_name",
    'note', '登记簿启用前签发，内容按迁移时的案卷补录')),
  "content" = jsonb_build_object(
    'version', 1,
    'migrated', true,
    'cityName', coalesce(city."name", ''),
    'officeName', coalesce(city."name", '') || '创建工作办公室',
    'number', o."number",
    'level', least(greatest(o."level", 1), 2),
    'automatic', o."automatic",
    'unitName', coalesce(u."name", '—'),
    'deadline', to_char(o."deadline" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'requirements', o."requirements",
    'issuedAt', to_char(o."issued_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'issuedBy', o."issued_by_name",
    'utcOffsetMinutes', 480,
    'lines', CASE WHEN c."id" IS NULL THEN '[]'::jsonb ELSE jsonb_build_array(jsonb_build_object(
      'kind', 'case',
      'refId', c."id",
      'refNumber', c."number",
      'title', c."category_code" || ' ' || c."category_name",
      'description', c."description",
      'address', c."address",
      'gridName', CASE WHEN c."grid_code" IS NULL THEN NULL ELSE c."grid_code" || ' ' || coalesce(c."grid_name", '') END,
      'coUnitNames', coalesce((SELECT jsonb_agg(cu."name" ORDER BY cu."name") FROM "units" cu
        WHERE cu."id"::text IN (SELECT jsonb_array_elements_text(c."co_unit_ids"))), '[]'::jsonb),
      'reportedAt', to_char(c."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'originalDeadline', CASE WHEN o."automatic" THEN to_char(o."deadline" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') ELSE NULL END,
      'photos', coalesce((SELECT jsonb_agg(jsonb_build_object('fileId', p."id", 'caption', '现场照片 ' || p.rn) ORDER BY p.rn)
        FROM (SELECT ph."id", row_number() OVER (ORDER BY ph."created_at", ph."id") rn FROM "photos" ph
          WHERE ph."city_id" = c."city_id" AND ph."case_id" = c."id" AND ph."kind" = 'before') p WHERE p.rn <= 4), '[]'::jsonb)
    )) END
  )
FROM "supervision_orders" o2
LEFT JOIN "cases" c ON c."city_id" = o2."city_id" AND c."id" = o2."case_id"
LEFT JOIN "units" u ON u."id" = o2."unit_id"
LEFT JOIN "regions" city ON city."id" = o2."city_id"
WHERE o2."city_id" = o."city_id" AND o2."id" = o."id";
