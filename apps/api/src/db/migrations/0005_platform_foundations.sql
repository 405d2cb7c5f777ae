CREATE TABLE "memberships" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"city_id" uuid NOT NULL,
	"role" text NOT NULL,
	"region_id" uuid,
	"unit_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "security_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"minute" timestamp with time zone NOT NULL,
	"subject" text NOT NULL,
	"user_id" uuid,
	"city_id" uuid,
	"ip" text,
	"method" text NOT NULL,
	"route" text NOT NULL,
	"status" integer NOT NULL,
	"code" text NOT NULL,
	"count" integer DEFAULT 1 NOT NULL,
	"first_at" timestamp with time zone NOT NULL,
	"last_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"city_id" uuid,
	"created_by" uuid,
	"payload" jsonb NOT NULL,
	"state" text DEFAULT 'queued' NOT NULL,
	"singleton_key" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 1 NOT NULL,
	"run_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone,
	"progress" jsonb,
	"result" jsonb,
	"error" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "cases" ALTER COLUMN "lng" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ALTER COLUMN "lat" DROP NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_user_city_uq" ON "memberships" USING btree ("user_id","city_id");--> statement-breakpoint
CREATE INDEX "memberships_city_idx" ON "memberships" USING btree ("city_id","role");--> statement-breakpoint
CREATE UNIQUE INDEX "security_events_bucket_uq" ON "security_events" USING btree ("subject","method","route","minute");--> statement-breakpoint
CREATE INDEX "security_events_city_idx" ON "security_events" USING btree ("city_id","minute");--> statement-breakpoint
CREATE INDEX "jobs_due_idx" ON "jobs" USING btree ("state","run_at");--> statement-breakpoint
CREATE INDEX "jobs_city_idx" ON "jobs" USING btree ("city_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_singleton_uq" ON "jobs" USING btree ("singleton_key") WHERE state in ('queued', 'running');--> statement-breakpoint
INSERT INTO "memberships" ("id", "user_id", "city_id", "role", "region_id", "unit_id", "created_at")
SELECT "id", "id", "city_id", "role", "region_id", "unit_id", "created_at" FROM "users"
WHERE "city_id" IS NOT NULL AND "role" <> 'admin';
