CREATE TABLE "assessment_rounds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"city_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"held_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"derive" boolean DEFAULT true NOT NULL,
	"total" double precision DEFAULT 0 NOT NULL,
	"verdict" text DEFAULT 'fail' NOT NULL,
	"veto_failed" integer DEFAULT 0 NOT NULL,
	"veto_unknown" integer DEFAULT 0 NOT NULL,
	"results" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"computed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_scores" (
	"city_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"node_id" uuid NOT NULL,
	"score" double precision,
	"occurrences" integer,
	"value" double precision,
	"passed" boolean,
	"note" text,
	"photo_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"assessor_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_scores_city_id_round_id_node_id_pk" PRIMARY KEY("city_id","round_id","node_id")
);
--> statement-breakpoint
CREATE TABLE "campaign_tasks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"city_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"node_id" uuid NOT NULL,
	"lead_unit_id" uuid,
	"co_unit_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"leader_name" text,
	"owner_name" text,
	"owner_phone" text
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY NOT NULL,
	"city_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"standard_id" uuid NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"pass_score" double precision NOT NULL,
	"basic_score" double precision NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"phases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"milestones" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evidence_files" (
	"city_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"node_id" uuid NOT NULL,
	"requirement" text NOT NULL,
	"period" text NOT NULL,
	"title" text NOT NULL,
	"doc_date" date NOT NULL,
	"issuing_unit" text,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evidence_files_city_id_id_pk" PRIMARY KEY("city_id","id")
);
--> statement-breakpoint
CREATE TABLE "indicator_cases" (
	"city_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"node_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_cases_city_id_campaign_id_node_id_case_id_pk" PRIMARY KEY("city_id","campaign_id","node_id","case_id")
);
--> statement-breakpoint
CREATE TABLE "indicator_links" (
	"id" uuid PRIMARY KEY NOT NULL,
	"city_id" uuid NOT NULL,
	"node_id" uuid NOT NULL,
	"linked_node_id" uuid NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "standard_nodes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"city_id" uuid NOT NULL,
	"standard_id" uuid NOT NULL,
	"parent_id" uuid,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"points" double precision DEFAULT 0 NOT NULL,
	"rule" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"unit_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"depth" integer NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "standards" (
	"id" uuid PRIMARY KEY NOT NULL,
	"city_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"sample" boolean DEFAULT false NOT NULL,
	"total_points" double precision NOT NULL,
	"pass_score" double precision NOT NULL,
	"basic_score" double precision NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "assessment_rounds_campaign_idx" ON "assessment_rounds" USING btree ("city_id","campaign_id","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_tasks_node_uq" ON "campaign_tasks" USING btree ("campaign_id","node_id");--> statement-breakpoint
CREATE INDEX "campaigns_city_idx" ON "campaigns" USING btree ("city_id");--> statement-breakpoint
CREATE INDEX "evidence_files_node_idx" ON "evidence_files" USING btree ("city_id","campaign_id","node_id","period");--> statement-breakpoint
CREATE INDEX "evidence_files_sha_idx" ON "evidence_files" USING btree ("city_id","sha256");--> statement-breakpoint
CREATE INDEX "indicator_cases_case_idx" ON "indicator_cases" USING btree ("city_id","case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_links_uq" ON "indicator_links" USING btree ("node_id","linked_node_id");--> statement-breakpoint
CREATE UNIQUE INDEX "standard_nodes_code_uq" ON "standard_nodes" USING btree ("standard_id","code");--> statement-breakpoint
CREATE INDEX "standard_nodes_parent_idx" ON "standard_nodes" USING btree ("standard_id","parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "standards_code_uq" ON "standards" USING btree ("city_id","code","version");--> statement-breakpoint
CREATE INDEX "cases_id_idx" ON "cases" USING btree ("id");