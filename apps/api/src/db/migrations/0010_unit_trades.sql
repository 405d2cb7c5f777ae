CREATE TABLE "unit_trades" (
	"id" uuid PRIMARY KEY NOT NULL,
	"city_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "unit_trades_uq" ON "unit_trades" USING btree ("city_id","unit_id","kind","code");--> statement-breakpoint
CREATE INDEX "unit_trades_code_idx" ON "unit_trades" USING btree ("city_id","kind","code");