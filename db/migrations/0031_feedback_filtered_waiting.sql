DROP INDEX `accounts_created_idx`;--> statement-breakpoint
CREATE INDEX `accounts_created_idx` ON `accounts` (`created_at`,`referred_by_account_id`,`rung`,`level`,`segment`,`owner_id`);--> statement-breakpoint
DROP INDEX `feedback_close_ms_idx`;--> statement-breakpoint
CREATE INDEX `feedback_close_ms_idx` ON `feedback` (`close_ms`,`action_at`,`account_id`) WHERE "feedback"."close_ms" IS NOT NULL;--> statement-breakpoint
DROP INDEX `surveys_loop_ms_idx`;--> statement-breakpoint
CREATE INDEX `surveys_loop_ms_idx` ON `surveys` (`loop_ms`,`answered_at`,`account_id`) WHERE "surveys"."loop_ms" IS NOT NULL;