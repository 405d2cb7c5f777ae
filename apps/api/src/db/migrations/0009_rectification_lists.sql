CREATE TABLE "rectlist_rows" (
	"city_id" uuid NOT NULL,
	"batch_id" uuid NOT NULL,
	"row" integer NOT NULL,
	"data" jsonb NOT NULL,
	"case_id" uuid,
	"error" text,
	CONSTRAINT "rectlist_rows_city_id_batch_id_row_pk" PRIMARY KEY("city_id","batch_id","row")
);
--> statement-breakpoint
CREATE TABLE "rectlists" (
	"city_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"upper_unit" text NOT NULL,
	"inspected_on" date,
	"region_path" text,
	"file_name" text NOT NULL,
	"file_hash" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_by_username" text NOT NULL,
	"uploaded_by_name" text NOT NULL,
	"state" text NOT NULL,
	"row_count" integer NOT NULL,
	"created_count" integer DEFAULT 0 NOT NULL,
	"failed_count" integer DEFAULT 0 NOT NULL,
	"job_id" uuid,
	"error" text,
	"created_at" timestamp (3) with time zone NOT NULL,
	"finished_at" timestamp (3) with time zone,
	CONSTRAINT "rectlists_city_id_id_pk" PRIMARY KEY("city_id","id")
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "rectify_by" timestamp (3) with time zone;--> statement-breakpoint
CREATE INDEX "rectlist_rows_case_idx" ON "rectlist_rows" USING btree ("city_id","case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rectlists_number_uq" ON "rectlists" USING btree ("city_id","number");--> statement-breakpoint
CREATE INDEX "rectlists_hash_idx" ON "rectlists" USING btree ("city_id","file_hash");--> statement-breakpoint
CREATE INDEX "rectlists_created_idx" ON "rectlists" USING btree ("city_id","created_at");