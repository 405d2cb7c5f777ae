CREATE TABLE "audit_log" (
	"city_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"request_id" text,
	"ip" text,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_log_city_id_seq_pk" PRIMARY KEY("city_id","seq")
);
--> statement-breakpoint
CREATE TABLE "meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY NOT NULL,
	"city_id" uuid,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"region_id" uuid,
	"unit_id" uuid,
	"disabled" boolean DEFAULT false NOT NULL,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_login_at" timestamp with time zone,
	"password_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "block_units" (
	"block_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	CONSTRAINT "block_units_block_id_unit_id_pk" PRIMARY KEY("block_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "blocks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"city_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"lead_unit_id" uuid NOT NULL,
	"leader_id" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grid_units" (
	"grid_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	CONSTRAINT "grid_units_grid_id_unit_id_pk" PRIMARY KEY("grid_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "grid_workers" (
	"grid_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "grid_workers_grid_id_person_id_pk" PRIMARY KEY("grid_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "grids" (
	"id" uuid PRIMARY KEY NOT NULL,
	"city_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"community_id" uuid NOT NULL,
	"block_id" uuid,
	"lead_unit_id" uuid,
	"leader_id" uuid,
	"geometry" jsonb NOT NULL,
	"min_lng" double precision NOT NULL,
	"min_lat" double precision NOT NULL,
	"max_lng" double precision NOT NULL,
	"max_lat" double precision NOT NULL,
	"area_m2" double precision NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY NOT NULL,
	"city_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"title" text,
	"phone" text,
	"duties" text[] DEFAULT '{}'::text[] NOT NULL,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"city_id" uuid NOT NULL,
	"parent_id" uuid,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" uuid PRIMARY KEY NOT NULL,
	"city_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"parent_id" uuid,
	"region_id" uuid,
	"contact_name" text,
	"contact_phone" text,
	"address" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "audit_entity_idx" ON "audit_log" USING btree ("city_id","entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_uq" ON "users" USING btree ("username");--> statement-breakpoint
CREATE UNIQUE INDEX "blocks_code_uq" ON "blocks" USING btree ("city_id","code");--> statement-breakpoint
CREATE INDEX "grid_units_unit_idx" ON "grid_units" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "grid_workers_person_idx" ON "grid_workers" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "grids_current_code_uq" ON "grids" USING btree ("city_id","code") WHERE valid_to is null;--> statement-breakpoint
CREATE INDEX "grids_code_idx" ON "grids" USING btree ("city_id","code");--> statement-breakpoint
CREATE INDEX "grids_community_idx" ON "grids" USING btree ("city_id","community_id");--> statement-breakpoint
CREATE INDEX "grids_block_idx" ON "grids" USING btree ("city_id","block_id");--> statement-breakpoint
CREATE INDEX "people_unit_idx" ON "people" USING btree ("city_id","unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "regions_code_uq" ON "regions" USING btree ("code");--> statement-breakpoint
CREATE INDEX "regions_parent_idx" ON "regions" USING btree ("city_id","parent_id");--> statement-breakpoint
CREATE INDEX "regions_path_idx" ON "regions" USING btree ("path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "units_code_uq" ON "units" USING btree ("city_id","code");--> statement-breakpoint
CREATE INDEX "units_region_idx" ON "units" USING btree ("city_id","region_id");