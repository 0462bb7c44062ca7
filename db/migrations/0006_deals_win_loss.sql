CREATE TABLE `deal_review_actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`review_id` integer NOT NULL,
	`deal_id` integer NOT NULL,
	`task_id` integer NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `deal_reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`deal_id`) REFERENCES `deals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `deal_review_actions_deal_idx` ON `deal_review_actions` (`deal_id`);--> statement-breakpoint
CREATE INDEX `deal_review_actions_task_idx` ON `deal_review_actions` (`task_id`);--> statement-breakpoint
CREATE TABLE `deal_reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`deal_id` integer NOT NULL,
	`reviewer_id` text NOT NULL,
	`buyer_contact_id` integer,
	`spoke_at` integer NOT NULL,
	`primary_reason` text NOT NULL,
	`secondary_reasons` text DEFAULT '[]' NOT NULL,
	`buyer_words` text NOT NULL,
	`outcome` text NOT NULL,
	`closed_at` integer NOT NULL,
	`owner_id` text NOT NULL,
	`segment` text,
	`owner_reason` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`deal_id`) REFERENCES `deals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reviewer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`buyer_contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `deal_reviews_deal_id_unique` ON `deal_reviews` (`deal_id`);--> statement-breakpoint
CREATE INDEX `deal_reviews_closed_idx` ON `deal_reviews` (`closed_at`,`outcome`,`owner_id`,`segment`,`owner_reason`,`primary_reason`);--> statement-breakpoint
CREATE TABLE `deal_stage_moves` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`deal_id` integer NOT NULL,
	`from_stage` text,
	`to_stage` text NOT NULL,
	`at` integer NOT NULL,
	`by_user_id` text,
	FOREIGN KEY (`deal_id`) REFERENCES `deals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `deal_stage_moves_deal_idx` ON `deal_stage_moves` (`deal_id`,`at`);--> statement-breakpoint
CREATE TABLE `deals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`owner_id` text NOT NULL,
	`title` text NOT NULL,
	`amount` integer NOT NULL,
	`category` text,
	`segment` text,
	`expected_close_at` integer,
	`stage` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`closed_at` integer,
	`owner_reason` text,
	`owner_secondary_reasons` text DEFAULT '[]' NOT NULL,
	`competitor` text,
	`close_note` text,
	`order_id` integer,
	`reviewed_at` integer,
	`created_by_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `deals_account_idx` ON `deals` (`account_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `deals_owner_status_idx` ON `deals` (`owner_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `deals_status_created_idx` ON `deals` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `deals_closed_idx` ON `deals` (`closed_at`,`status`,`owner_id`,`segment`,`owner_reason`,`competitor`);--> statement-breakpoint
CREATE INDEX `deals_unreviewed_recent_idx` ON `deals` (`closed_at`,`id`) WHERE "deals"."reviewed_at" IS NULL AND "deals"."status" <> 'open';--> statement-breakpoint
CREATE INDEX `deals_unreviewed_amount_idx` ON `deals` (`amount`,`id`) WHERE "deals"."reviewed_at" IS NULL AND "deals"."status" <> 'open';