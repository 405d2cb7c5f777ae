ALTER TABLE "users" ADD COLUMN "system_admin" boolean DEFAULT false NOT NULL;--> statement-breakpoint
UPDATE "users" SET "system_admin" = ("role" = 'admin');
--> statement-breakpoint
INSERT INTO "memberships" ("id", "user_id", "city_id", "role", "region_id", "unit_id", "created_at")
SELECT u."id", u."id", u."city_id", u."role", u."region_id", u."unit_id", u."created_at" FROM "users" u
WHERE u."city_id" IS NOT NULL AND u."role" <> 'admin'
  AND NOT EXISTS (SELECT 1 FROM "memberships" m WHERE m."user_id" = u."id");
