CREATE TABLE `ladder_evidence` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`kind` text NOT NULL,
	`target_rung` text NOT NULL,
	`details` text NOT NULL,
	`observed_at` integer NOT NULL,
	`recorded_by_id` text NOT NULL,
	`recorded_at` integer NOT NULL,
	`status` text DEFAULT 'proposed' NOT NULL,
	`decided_by_id` text,
	`decided_at` integer,
	`move_id` integer,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`move_id`) REFERENCES `ladder_moves`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ladder_evidence_account_idx` ON `ladder_evidence` (`account_id`,`recorded_at`);--> statement-breakpoint
CREATE INDEX `ladder_evidence_status_idx` ON `ladder_evidence` (`status`,`recorded_at`);--> statement-breakpoint
CREATE TABLE `order_imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`file_name` text NOT NULL,
	`file_hash` text NOT NULL,
	`by_user_id` text,
	`at` integer NOT NULL,
	`summary` text NOT NULL,
	FOREIGN KEY (`by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `order_imports_at_idx` ON `order_imports` (`at`);--> statement-breakpoint
ALTER TABLE `accounts` ADD `recommended_level` text;--> statement-breakpoint
CREATE INDEX `accounts_board_idx` ON `accounts` (`status`,`rung`,`search_name`,`id`);--> statement-breakpoint
CREATE INDEX `accounts_owner_board_idx` ON `accounts` (`owner_id`,`status`,`rung`,`search_name`,`id`);--> statement-breakpoint
CREATE INDEX `accounts_segment_board_idx` ON `accounts` (`segment`,`status`,`rung`,`search_name`,`id`);--> statement-breakpoint
ALTER TABLE `tasks` ADD `kind` text DEFAULT 'manual' NOT NULL;--> statement-breakpoint
ALTER TABLE `tasks` ADD `source_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `tasks_source_key_unique` ON `tasks` (`source_key`);