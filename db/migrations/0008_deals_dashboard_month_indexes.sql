DROP INDEX `deal_reviews_closed_idx`;--> statement-breakpoint
CREATE INDEX `deal_reviews_month_reason_idx` ON `deal_reviews` (`closed_month`,`outcome`,`primary_reason`,`owner_id`,`segment`);--> statement-breakpoint
CREATE INDEX `deal_reviews_month_pair_idx` ON `deal_reviews` (`closed_month`,`owner_reason`,`primary_reason`,`owner_id`,`segment`);--> statement-breakpoint
CREATE INDEX `deal_reviews_month_owner_idx` ON `deal_reviews` (`closed_month`,`owner_id`,`owner_reason`,`primary_reason`,`segment`);--> statement-breakpoint
DROP INDEX `deals_closed_idx`;--> statement-breakpoint
CREATE INDEX `deals_month_owner_idx` ON `deals` (`closed_month`,`status`,`owner_id`,`segment`);--> statement-breakpoint
CREATE INDEX `deals_month_segment_idx` ON `deals` (`closed_month`,`status`,`segment`,`owner_id`);--> statement-breakpoint
CREATE INDEX `deals_month_reason_idx` ON `deals` (`closed_month`,`status`,`owner_reason`,`owner_id`,`segment`);--> statement-breakpoint
CREATE INDEX `deals_lost_competitor_idx` ON `deals` (`status`,`closed_month`,`competitor`,`owner_id`,`segment`,`amount`);--> statement-breakpoint
CREATE INDEX `tasks_open_kind_idx` ON `tasks` (`kind`,`due_at`) WHERE "tasks"."done_at" IS NULL;