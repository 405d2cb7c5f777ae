CREATE TABLE "case_stages" (
	"city_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"role" text NOT NULL,
	"unit_id" uuid,
	"started_by" text NOT NULL,
	"started_at" timestamp (3) with time zone NOT NULL,
	"ended_at" timestamp (3) with time zone,
	"outcome" text,
	"deadline" timestamp (3) with time zone,
	"accept_deadline" timestamp (3) with time zone,
	"accepted_at" timestamp (3) with time zone,
	"paused_minutes" integer DEFAULT 0 NOT NULL,
	"paused_since" timestamp (3) with time zone,
	"pending_since" timestamp (3) with time zone,
	"closes" boolean DEFAULT false NOT NULL,
	CONSTRAINT "case_stages_city_id_case_id_seq_pk" PRIMARY KEY("city_id","case_id","seq")
);
--> statement-breakpoint
ALTER TABLE "case_stages" ADD CONSTRAINT "case_stages_city_id_case_id_cases_city_id_id_fk" FOREIGN KEY ("city_id","case_id") REFERENCES "public"."cases"("city_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_stages_unit_idx" ON "case_stages" USING btree ("city_id","unit_id","started_at") WHERE unit_id is not null;--> statement-breakpoint
CREATE INDEX "case_stages_kind_idx" ON "case_stages" USING btree ("city_id","kind","started_at");