CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"city_id" uuid NOT NULL,
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"revoked_at" timestamp (3) with time zone,
	"last_used_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "exposures" (
	"city_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"title" text NOT NULL,
	"comment" text,
	"published_by_name" text NOT NULL,
	"published_at" timestamp (3) with time zone NOT NULL,
	"withdrawn_at" timestamp (3) with time zone,
	CONSTRAINT "exposures_city_id_id_pk" PRIMARY KEY("city_id","id")
);
--> statement-breakpoint
CREATE TABLE "ranking_boards" (
	"city_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"title" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"payload" jsonb NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"published_at" timestamp (3) with time zone,
	CONSTRAINT "ranking_boards_city_id_id_pk" PRIMARY KEY("city_id","id")
);
--> statement-breakpoint
CREATE TABLE "rate_hits" (
	"key" text NOT NULL,
	"window_start" timestamp (3) with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rate_hits_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
CREATE TABLE "revisits" (
	"city_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"batch_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"due_date" date,
	"note" text,
	"relapse_case_id" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"done_by_name" text,
	"done_at" timestamp (3) with time zone,
	CONSTRAINT "revisits_city_id_id_pk" PRIMARY KEY("city_id","id")
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "reporter_phone_hash" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "tracking_code" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "priority" text DEFAULT 'normal' NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "media_ref" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "parent_case_id" uuid;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "relapse_of_case_id" uuid;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "rating_resolved" boolean;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "rating_score" integer;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "rating_comment" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "rated_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "photos" ADD COLUMN "public_key" text;--> statement-breakpoint
ALTER TABLE "photos" ADD COLUMN "exif_taken_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "photos" ADD COLUMN "exif_lng" double precision;--> statement-breakpoint
ALTER TABLE "photos" ADD COLUMN "exif_lat" double precision;--> statement-breakpoint
ALTER TABLE "photos" ADD COLUMN "captured_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "photos" ADD COLUMN "captured_lng" double precision;--> statement-breakpoint
ALTER TABLE "photos" ADD COLUMN "captured_lat" double precision;--> statement-breakpoint
ALTER TABLE "photos" ADD COLUMN "phash" text;--> statement-breakpoint
ALTER TABLE "photos" ADD COLUMN "flags" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_hash_uq" ON "api_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "api_keys_city_idx" ON "api_keys" USING btree ("city_id");--> statement-breakpoint
CREATE INDEX "exposures_published_idx" ON "exposures" USING btree ("city_id","published_at");--> statement-breakpoint
CREATE UNIQUE INDEX "exposures_case_uq" ON "exposures" USING btree ("city_id","case_id");--> statement-breakpoint
CREATE INDEX "ranking_boards_city_idx" ON "ranking_boards" USING btree ("city_id","created_at");--> statement-breakpoint
CREATE INDEX "rate_hits_window_idx" ON "rate_hits" USING btree ("window_start");--> statement-breakpoint
CREATE INDEX "revisits_batch_idx" ON "revisits" USING btree ("city_id","batch_id");--> statement-breakpoint
CREATE UNIQUE INDEX "revisits_case_batch_uq" ON "revisits" USING btree ("city_id","batch_id","case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_tracking_uq" ON "cases" USING btree ("tracking_code");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_public_idem_uq" ON "cases" USING btree ("city_id","idempotency_key") WHERE reporter_user_id is null and idempotency_key is not null;--> statement-breakpoint
CREATE INDEX "cases_parent_idx" ON "cases" USING btree ("city_id","parent_case_id");--> statement-breakpoint
CREATE INDEX "cases_spot_idx" ON "cases" USING btree ("city_id","category_code","lng");--> statement-breakpoint
CREATE INDEX "photos_phash_idx" ON "photos" USING btree ("city_id","phash");