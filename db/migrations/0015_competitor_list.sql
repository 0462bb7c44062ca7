CREATE TABLE `competitors` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`created_by_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `competitors_name_key_unique` ON `competitors` (`name_key`);--> statement-breakpoint
DROP INDEX `deals_lost_competitor_idx`;--> statement-breakpoint
ALTER TABLE `deals` ADD `competitor_id` integer REFERENCES competitors(id);--> statement-breakpoint
ALTER TABLE `deals` ADD `competitor_other` text;--> statement-breakpoint
CREATE INDEX `deals_lost_competitor_idx` ON `deals` (`status`,`closed_month`,`competitor_id`,`competitor_other`,`owner_id`,`segment`,`amount`);--> statement-breakpoint
-- Hand-written below the generated part: the free-text competitors of existing deals become the list (one
-- entry per trimmed, lower-cased spelling; merging near-duplicates such as "Brightline" and "Brightline
-- Supply" is the admin's call, in settings), and each deal points at its entry. Migration 0016 drops the text.
INSERT INTO `competitors` (`name`, `name_key`, `created_at`, `updated_at`)
  SELECT min(trim(`competitor`)), lower(trim(`competitor`)), min(`created_at`), min(`created_at`) FROM `deals`
  WHERE `competitor` IS NOT NULL AND trim(`competitor`) <> '' GROUP BY lower(trim(`competitor`));--> statement-breakpoint
UPDATE `deals` SET `competitor_id` = (SELECT c.`id` FROM `competitors` c WHERE c.`name_key` = lower(trim(`deals`.`competitor`)))
  WHERE `competitor` IS NOT NULL AND trim(`competitor`) <> '';
