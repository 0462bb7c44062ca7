DROP INDEX `feedback_close_ms_idx`;--> statement-breakpoint
CREATE INDEX `feedback_close_ms_idx` ON `feedback` (`close_ms`,`action_at`) WHERE "feedback"."close_ms" IS NOT NULL;