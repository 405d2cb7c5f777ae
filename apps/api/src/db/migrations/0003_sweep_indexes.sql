DROP INDEX "cases_yellow_idx";--> statement-breakpoint
DROP INDEX "cases_stage_deadline_idx";--> statement-breakpoint
CREATE INDEX "cases_sweep_yellow_idx" ON "cases" USING btree ("yellow_at") WHERE status in ('filed', 'returned', 'dispatched', 'in_progress', 'feedback', 'self_handled') and light = 'green';--> statement-breakpoint
CREATE INDEX "cases_sweep_stage_idx" ON "cases" USING btree ("stage_deadline") WHERE status in ('filed', 'returned', 'dispatched', 'in_progress', 'feedback', 'self_handled') and light is distinct from 'red';--> statement-breakpoint
CREATE INDEX "cases_sweep_dispose_idx" ON "cases" USING btree ("dispose_deadline") WHERE status in ('dispatched', 'in_progress') and light is distinct from 'red';--> statement-breakpoint
CREATE INDEX "cases_sweep_escalate_idx" ON "cases" USING btree ("dispose_deadline") WHERE status in ('dispatched', 'in_progress') and overdue_at is null;