ALTER TABLE "users" DROP COLUMN "city_id";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "role";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "region_id";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "unit_id";