CREATE TABLE "accountability_kinds" (
	"city_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"type" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "accountability_kinds_city_id_id_pk" PRIMARY KEY("city_id","id")
);
--> statement-breakpoint
ALTER TABLE "accountability_records" ADD COLUMN "situation_id" uuid;--> statement-breakpoint
ALTER TABLE "accountability_records" ADD COLUMN "method_id" uuid;--> statement-breakpoint
ALTER TABLE "accountability_records" ADD COLUMN "person_name" text;--> statement-breakpoint
ALTER TABLE "accountability_records" ADD COLUMN "person_post" text;--> statement-breakpoint
ALTER TABLE "accountability_records" ADD COLUMN "decided_on" date;--> statement-breakpoint
ALTER TABLE "accountability_records" ADD COLUMN "text" text;--> statement-breakpoint
ALTER TABLE "accountability_records" ADD COLUMN "case_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "accountability_records" ADD COLUMN "supervision_order_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "accountability_records" ADD COLUMN "scope_path" text;--> statement-breakpoint
CREATE UNIQUE INDEX "accountability_kinds_name_uq" ON "accountability_kinds" USING btree ("city_id","type","name");--> statement-breakpoint
CREATE INDEX "accountability_decided_idx" ON "accountability_records" USING btree ("city_id","decided_on");--> statement-breakpoint
-- Entries recorded on cases before the register: the reason becomes the text, 情形/方式 stay empty (未分类),
-- the decision date is the record's day in the city, the case is linked, and the entry lies where its unit
-- lies (a city-level unit: where the case lies).
UPDATE "accountability_records" r SET
	"text" = r."reason",
	"decided_on" = (r."at" AT TIME ZONE 'Asia/Shanghai')::date,
	"case_ids" = CASE WHEN r."case_id" IS NULL THEN '{}'::uuid[] ELSE ARRAY[r."case_id"] END,
	"scope_path" = COALESCE(
		(SELECT NULLIF(g."path", '/' || r."city_id" || '/') FROM "units" u JOIN "regions" g ON g."id" = u."region_id" WHERE u."id" = r."unit_id"),
		(SELECT g."path" FROM "cases" c JOIN "regions" g ON g."id" = COALESCE(c."community_id", c."street_id", c."district_id") WHERE c."city_id" = r."city_id" AND c."id" = r."case_id"),
		'/' || r."city_id" || '/'
	);
