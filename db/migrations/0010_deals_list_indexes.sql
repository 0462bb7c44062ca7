CREATE INDEX `deals_created_idx` ON `deals` (`created_at`);--> statement-breakpoint
CREATE INDEX `deals_owner_created_idx` ON `deals` (`owner_id`,`created_at`);