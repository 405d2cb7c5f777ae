ALTER TABLE "accountability_records" ALTER COLUMN "decided_on" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "accountability_records" ALTER COLUMN "text" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "accountability_records" ALTER COLUMN "scope_path" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "accountability_records" DROP COLUMN "reason";