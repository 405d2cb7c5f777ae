ALTER TABLE "evidence_files" ADD COLUMN "review_status" text DEFAULT 'pending_lead' NOT NULL;--> statement-breakpoint
-- Documents filed before the review step existed already counted: they stay counted (accepted).
UPDATE "evidence_files" SET "review_status" = 'accepted';--> statement-breakpoint
ALTER TABLE "evidence_files" ADD COLUMN "lead_reviewed_by_name" text;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD COLUMN "lead_reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD COLUMN "reviewed_by_name" text;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD COLUMN "reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD COLUMN "return_reason" text;--> statement-breakpoint
CREATE INDEX "evidence_files_review_idx" ON "evidence_files" USING btree ("city_id","campaign_id","review_status");