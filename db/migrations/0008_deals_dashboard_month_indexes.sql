DROP INDEX `deal_reviews_closed_idx`;--> statement-breakpoint
CREATE INDEX `deal_reviews_month_reason_idx` ON `deal_reviews` (`closed_month`,`outcome`,`primary_reason`,`owner_id`,`segment`);--> statement-breakpoint
CREATE INDEX `deal_reviews_month_owner_idx` ON `deal_reviews` (`closed_month`,`owner_id`,`owner_reason`,`primary_reason`,`segment`);--> statement-breakpoint
DROP INDEX `deals_closed_idx`;--> statement-breakpoint
CREATE INDEX `deals_month_owner_idx` ON `deals` (`closed_month`,`owner_id`,`segment`,`status`);--> statement-breakpoint
CREATE INDEX `deals_month_reason_idx` ON `deals` (`closed_month`,`status`,`owner_reason`,`owner_id`,`segment`);--> statement-breakpoint
CREATE INDEX `deals_month_competitor_idx` ON `deals` (`closed_month`,`status`,`competitor`,`owner_id`,`segment`,`amount`);