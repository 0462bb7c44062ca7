CREATE INDEX `deals_competitor_idx` ON `deals` (`competitor_id`);--> statement-breakpoint
CREATE INDEX `deals_competitor_other_idx` ON `deals` (`competitor_other`) WHERE "deals"."competitor_other" IS NOT NULL;--> statement-breakpoint
ALTER TABLE `deals` DROP COLUMN `competitor`;