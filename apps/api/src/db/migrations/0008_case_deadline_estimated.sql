ALTER TABLE "cases" ADD COLUMN "stage_deadline_estimated" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "dispose_deadline_estimated" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "cases_deadline_estimated_idx" ON "cases" USING btree ("city_id") WHERE "cases"."stage_deadline_estimated" or "cases"."dispose_deadline_estimated";