CREATE TABLE "accountability_records" (
	"city_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid,
	"unit_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"by_user_id" uuid,
	"by_name" text NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "accountability_records_city_id_id_pk" PRIMARY KEY("city_id","id")
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"city_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"type" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"actor_role" text,
	"unit_id" uuid,
	"note" text,
	"photo_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "case_events_city_id_id_pk" PRIMARY KEY("city_id","id")
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"city_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"number" text NOT NULL,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"category_id" uuid,
	"category_code" text NOT NULL,
	"category_name" text NOT NULL,
	"category_kind" text NOT NULL,
	"category_path" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"severity" text DEFAULT 'normal' NOT NULL,
	"condition_id" uuid,
	"condition_text" text,
	"closing_condition" text,
	"limit_value" double precision,
	"limit_unit" text,
	"description" text NOT NULL,
	"address" text,
	"lng" double precision NOT NULL,
	"lat" double precision NOT NULL,
	"owner" text DEFAULT 'public' NOT NULL,
	"grid_id" uuid,
	"grid_code" text,
	"grid_name" text,
	"community_id" uuid,
	"street_id" uuid,
	"district_id" uuid,
	"block_id" uuid,
	"out_of_grid" boolean DEFAULT false NOT NULL,
	"lead_unit_id" uuid,
	"co_unit_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"route" jsonb,
	"stage_limits" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"reporter_user_id" uuid,
	"reporter_name" text,
	"reporter_phone" text,
	"idempotency_key" text,
	"verified" boolean DEFAULT false NOT NULL,
	"rectifier_user_id" uuid,
	"pending" jsonb,
	"resume_status" text,
	"supervision_level" integer DEFAULT 0 NOT NULL,
	"auto_supervised_at" timestamp (3) with time zone,
	"stage" text DEFAULT 'none' NOT NULL,
	"stage_started_at" timestamp (3) with time zone,
	"stage_deadline" timestamp (3) with time zone,
	"yellow_at" timestamp (3) with time zone,
	"light" text,
	"dispose_started_at" timestamp (3) with time zone,
	"dispose_deadline" timestamp (3) with time zone,
	"dispose_unit" text,
	"paused_remaining" double precision,
	"overdue_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"closed_at" timestamp (3) with time zone,
	"n_reported" integer DEFAULT 0 NOT NULL,
	"n_filed" integer DEFAULT 0 NOT NULL,
	"n_voided_after_filing" integer DEFAULT 0 NOT NULL,
	"n_need_dispatch" integer DEFAULT 0 NOT NULL,
	"n_dispatched_on_time" integer DEFAULT 0 NOT NULL,
	"n_dispatches" integer DEFAULT 0 NOT NULL,
	"n_returns" integer DEFAULT 0 NOT NULL,
	"n_need_dispose" integer DEFAULT 0 NOT NULL,
	"n_disposed" integer DEFAULT 0 NOT NULL,
	"n_disposed_on_time" integer DEFAULT 0 NOT NULL,
	"n_feedbacks" integer DEFAULT 0 NOT NULL,
	"n_reworks" integer DEFAULT 0 NOT NULL,
	"n_need_close" integer DEFAULT 0 NOT NULL,
	"n_closed" integer DEFAULT 0 NOT NULL,
	"n_closed_on_time" integer DEFAULT 0 NOT NULL,
	"n_dispose_minutes" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "cases_city_id_id_pk" PRIMARY KEY("city_id","id")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"city_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"case_id" uuid,
	"created_at" timestamp (3) with time zone NOT NULL,
	"read_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" uuid PRIMARY KEY NOT NULL,
	"city_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp (3) with time zone NOT NULL,
	"last_error" text,
	"created_at" timestamp (3) with time zone NOT NULL,
	"sent_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "photos" (
	"city_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid,
	"kind" text NOT NULL,
	"uploaded_by" uuid,
	"content_type" text NOT NULL,
	"bytes" integer NOT NULL,
	"width" integer,
	"height" integer,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"thumb_key" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "photos_city_id_id_pk" PRIMARY KEY("city_id","id")
);
--> statement-breakpoint
CREATE TABLE "saved_views" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"query" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sequences" (
	"city_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "sequences_city_id_scope_pk" PRIMARY KEY("city_id","scope")
);
--> statement-breakpoint
CREATE TABLE "supervision_orders" (
	"city_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"number" text NOT NULL,
	"level" integer NOT NULL,
	"unit_id" uuid,
	"requirements" text NOT NULL,
	"deadline" timestamp (3) with time zone,
	"automatic" boolean DEFAULT false NOT NULL,
	"issued_by_user_id" uuid,
	"issued_by_name" text NOT NULL,
	"issued_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "supervision_orders_city_id_id_pk" PRIMARY KEY("city_id","id")
);
--> statement-breakpoint
CREATE TABLE "calendars" (
	"city_id" uuid PRIMARY KEY NOT NULL,
	"data" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"city_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"note" text,
	"active" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "categories" (
	"id" uuid PRIMARY KEY NOT NULL,
	"city_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"parent_id" uuid,
	"kind" text NOT NULL,
	"level" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"department_id" uuid,
	"department_name" text,
	"severity" text DEFAULT 'normal' NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "filing_conditions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"city_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	"text" text NOT NULL,
	"limit_value" double precision NOT NULL,
	"limit_unit" text NOT NULL,
	"closing" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "routing_rules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"city_id" uuid NOT NULL,
	"priority" integer NOT NULL,
	"name" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"category_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"region_id" uuid,
	"block_id" uuid,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"owners" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"lead_unit_id" uuid NOT NULL,
	"co_unit_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"limits" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_city_id_case_id_cases_city_id_id_fk" FOREIGN KEY ("city_id","case_id") REFERENCES "public"."cases"("city_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accountability_unit_idx" ON "accountability_records" USING btree ("city_id","unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_events_seq_uq" ON "case_events" USING btree ("city_id","case_id","seq");--> statement-breakpoint
CREATE INDEX "case_events_at_idx" ON "case_events" USING btree ("city_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_number_uq" ON "cases" USING btree ("city_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_idem_uq" ON "cases" USING btree ("city_id","reporter_user_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "cases_created_idx" ON "cases" USING btree ("city_id","created_at");--> statement-breakpoint
CREATE INDEX "cases_status_idx" ON "cases" USING btree ("city_id","status","created_at");--> statement-breakpoint
CREATE INDEX "cases_unit_idx" ON "cases" USING btree ("city_id","lead_unit_id","status");--> statement-breakpoint
CREATE INDEX "cases_street_idx" ON "cases" USING btree ("city_id","street_id","created_at");--> statement-breakpoint
CREATE INDEX "cases_district_idx" ON "cases" USING btree ("city_id","district_id","created_at");--> statement-breakpoint
CREATE INDEX "cases_community_idx" ON "cases" USING btree ("city_id","community_id");--> statement-breakpoint
CREATE INDEX "cases_grid_idx" ON "cases" USING btree ("city_id","grid_id");--> statement-breakpoint
CREATE INDEX "cases_block_idx" ON "cases" USING btree ("city_id","block_id");--> statement-breakpoint
CREATE INDEX "cases_category_idx" ON "cases" USING btree ("city_id","category_id");--> statement-breakpoint
CREATE INDEX "cases_yellow_idx" ON "cases" USING btree ("yellow_at");--> statement-breakpoint
CREATE INDEX "cases_stage_deadline_idx" ON "cases" USING btree ("stage_deadline");--> statement-breakpoint
CREATE INDEX "cases_dispose_deadline_idx" ON "cases" USING btree ("dispose_deadline");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "photos_case_idx" ON "photos" USING btree ("city_id","case_id");--> statement-breakpoint
CREATE INDEX "saved_views_user_idx" ON "saved_views" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_orders_number_uq" ON "supervision_orders" USING btree ("city_id","number");--> statement-breakpoint
CREATE INDEX "supervision_orders_case_idx" ON "supervision_orders" USING btree ("city_id","case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_versions_uq" ON "catalog_versions" USING btree ("city_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "categories_code_uq" ON "categories" USING btree ("version_id","kind","code");--> statement-breakpoint
CREATE INDEX "categories_parent_idx" ON "categories" USING btree ("version_id","parent_id");--> statement-breakpoint
CREATE INDEX "filing_conditions_category_idx" ON "filing_conditions" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "routing_rules_city_idx" ON "routing_rules" USING btree ("city_id","priority");