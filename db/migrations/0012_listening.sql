CREATE TABLE `feedback` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`contact_id` integer,
	`words` text NOT NULL,
	`interface` text NOT NULL,
	`channel` text NOT NULL,
	`sentiment` text NOT NULL,
	`theme` text NOT NULL,
	`received_at` integer NOT NULL,
	`received_month` integer GENERATED ALWAYS AS ((CAST(strftime('%Y', "received_at" / 1000, 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', "received_at" / 1000, 'unixepoch') AS INTEGER) - 1)) VIRTUAL,
	`recorded_by_id` text NOT NULL,
	`status` text DEFAULT 'noted' NOT NULL,
	`action_owner_id` text,
	`action_due_at` integer,
	`task_id` integer,
	`action_at` integer,
	`closed_at` integer,
	`closed_by_id` text,
	`resolution` text,
	`close_ms` integer GENERATED ALWAYS AS (("closed_at" - "action_at")) VIRTUAL,
	`customer_told_at` integer,
	`complaint_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`action_owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`closed_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `feedback_account_idx` ON `feedback` (`account_id`,`received_at`);--> statement-breakpoint
CREATE INDEX `feedback_received_idx` ON `feedback` (`received_at`,`id`);--> statement-breakpoint
CREATE INDEX `feedback_sentiment_idx` ON `feedback` (`sentiment`,`received_at`,`id`);--> statement-breakpoint
CREATE INDEX `feedback_theme_idx` ON `feedback` (`theme`,`received_at`,`id`);--> statement-breakpoint
CREATE INDEX `feedback_open_idx` ON `feedback` (`action_due_at`,`id`) WHERE "feedback"."status" = 'open';--> statement-breakpoint
CREATE INDEX `feedback_owner_open_idx` ON `feedback` (`action_owner_id`,`action_due_at`,`id`) WHERE "feedback"."status" = 'open';--> statement-breakpoint
CREATE INDEX `feedback_dashboard_idx` ON `feedback` (`received_month`,`received_at`,`theme`,`interface`,`sentiment`,`recorded_by_id`,`status`,`action_at`,`close_ms`);--> statement-breakpoint
CREATE INDEX `feedback_close_ms_idx` ON `feedback` (`close_ms`,`received_at`) WHERE "feedback"."close_ms" IS NOT NULL;--> statement-breakpoint
CREATE TABLE `surveys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`token` text NOT NULL,
	`account_id` integer NOT NULL,
	`contact_id` integer,
	`email` text,
	`locale` text DEFAULT 'en' NOT NULL,
	`source_key` text,
	`complaint_id` integer,
	`deal_id` integer,
	`complaint_outcome` text,
	`owner_id` text,
	`rung` text,
	`level` text,
	`segment` text,
	`sent_by_id` text,
	`sent_at` integer NOT NULL,
	`sent_month` integer GENERATED ALWAYS AS ((CAST(strftime('%Y', "sent_at" / 1000, 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', "sent_at" / 1000, 'unixepoch') AS INTEGER) - 1)) VIRTUAL,
	`expires_at` integer NOT NULL,
	`answered_at` integer,
	`answer_month` integer GENERATED ALWAYS AS ((CAST(strftime('%Y', "answered_at" / 1000, 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', "answered_at" / 1000, 'unixepoch') AS INTEGER) - 1)) VIRTUAL,
	`score` integer,
	`answer_class` text GENERATED ALWAYS AS ((CASE WHEN "score" IS NULL THEN NULL WHEN "kind" = 'nps' THEN
        CASE WHEN "score" >= 9 THEN 'promoter' WHEN "score" >= 7 THEN 'passive' ELSE 'detractor' END
        ELSE CASE WHEN "score" >= 4 THEN 'satisfied' WHEN "score" = 3 THEN 'neutral' ELSE 'dissatisfied' END END)) VIRTUAL,
	`comment` text,
	`follow_up_task_id` integer,
	`loop_closed_at` integer,
	`loop_closed_by_id` text,
	`loop_note` text,
	`loop_ms` integer GENERATED ALWAYS AS (("loop_closed_at" - "answered_at")) VIRTUAL,
	`next_order_at` integer,
	`defected_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`deal_id`) REFERENCES `deals`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sent_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`follow_up_task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`loop_closed_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `surveys_token_uq` ON `surveys` (`token`);--> statement-breakpoint
CREATE UNIQUE INDEX `surveys_source_uq` ON `surveys` (`source_key`);--> statement-breakpoint
CREATE INDEX `surveys_account_idx` ON `surveys` (`account_id`,`sent_at`);--> statement-breakpoint
CREATE INDEX `surveys_contact_idx` ON `surveys` (`contact_id`,`kind`,`sent_at`);--> statement-breakpoint
CREATE INDEX `surveys_complaint_idx` ON `surveys` (`complaint_id`);--> statement-breakpoint
CREATE INDEX `surveys_deal_idx` ON `surveys` (`deal_id`);--> statement-breakpoint
CREATE INDEX `surveys_answers_idx` ON `surveys` (`kind`,`answer_month`,`answered_at`,`answer_class`,`score`,`rung`,`level`,`segment`,`owner_id`,`complaint_outcome`,`next_order_at`,`defected_at`,`account_id`) WHERE "surveys"."answered_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `surveys_sent_idx` ON `surveys` (`kind`,`sent_month`,`sent_at`,`answered_at`,`rung`,`level`,`segment`,`owner_id`,`next_order_at`,`defected_at`,`account_id`);--> statement-breakpoint
CREATE INDEX `surveys_loop_open_idx` ON `surveys` (`answered_at`,`id`) WHERE "surveys"."follow_up_task_id" IS NOT NULL AND "surveys"."loop_closed_at" IS NULL;--> statement-breakpoint
CREATE INDEX `surveys_loop_ms_idx` ON `surveys` (`loop_ms`,`answered_at`) WHERE "surveys"."loop_ms" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `surveys_answered_idx` ON `surveys` (`answered_at`,`id`) WHERE "surveys"."answered_at" IS NOT NULL;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_ladder_evidence` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`kind` text NOT NULL,
	`target_rung` text NOT NULL,
	`details` text NOT NULL,
	`observed_at` integer NOT NULL,
	`recorded_by_id` text,
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
INSERT INTO `__new_ladder_evidence`("id", "account_id", "kind", "target_rung", "details", "observed_at", "recorded_by_id", "recorded_at", "status", "decided_by_id", "decided_at", "move_id") SELECT "id", "account_id", "kind", "target_rung", "details", "observed_at", "recorded_by_id", "recorded_at", "status", "decided_by_id", "decided_at", "move_id" FROM `ladder_evidence`;--> statement-breakpoint
DROP TABLE `ladder_evidence`;--> statement-breakpoint
ALTER TABLE `__new_ladder_evidence` RENAME TO `ladder_evidence`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `ladder_evidence_account_idx` ON `ladder_evidence` (`account_id`,`recorded_at`);--> statement-breakpoint
CREATE INDEX `ladder_evidence_status_idx` ON `ladder_evidence` (`status`,`recorded_at`);--> statement-breakpoint
ALTER TABLE `accounts` ADD `referred_by_account_id` integer REFERENCES accounts(id) ON DELETE SET NULL;--> statement-breakpoint
CREATE INDEX `accounts_referred_by_idx` ON `accounts` (`referred_by_account_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `accounts_created_idx` ON `accounts` (`created_at`,`referred_by_account_id`);--> statement-breakpoint
-- Hand-written (issue #13 §4, "does satisfaction predict staying"): each survey's next order and first
-- defection after its answer (unanswered: after sending), kept by every writer of orders, ladder moves and
-- surveys, as complaints.next_order_at is (migration 0011).
CREATE TRIGGER `surveys_staying_on_insert` AFTER INSERT ON `surveys` BEGIN
  UPDATE `surveys` SET
    `next_order_at` = (SELECT min(o.`ordered_at`) FROM `orders` o
      WHERE o.`account_id` = NEW.`account_id` AND o.`ordered_at` > coalesce(NEW.`answered_at`, NEW.`sent_at`)),
    `defected_at` = (SELECT min(m.`at`) FROM `ladder_moves` m
      WHERE m.`account_id` = NEW.`account_id` AND m.`at` > coalesce(NEW.`answered_at`, NEW.`sent_at`)
        AND m.`from_status` = 'active' AND m.`to_status` IN ('lapsed', 'lost'))
  WHERE `id` = NEW.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `surveys_staying_on_answer` AFTER UPDATE OF `answered_at`, `account_id` ON `surveys` BEGIN
  UPDATE `surveys` SET
    `next_order_at` = (SELECT min(o.`ordered_at`) FROM `orders` o
      WHERE o.`account_id` = NEW.`account_id` AND o.`ordered_at` > coalesce(NEW.`answered_at`, NEW.`sent_at`)),
    `defected_at` = (SELECT min(m.`at`) FROM `ladder_moves` m
      WHERE m.`account_id` = NEW.`account_id` AND m.`at` > coalesce(NEW.`answered_at`, NEW.`sent_at`)
        AND m.`from_status` = 'active' AND m.`to_status` IN ('lapsed', 'lost'))
  WHERE `id` = NEW.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `orders_survey_next_order_on_insert` AFTER INSERT ON `orders` BEGIN
  UPDATE `surveys` SET `next_order_at` = NEW.`ordered_at`
  WHERE `account_id` = NEW.`account_id` AND coalesce(`answered_at`, `sent_at`) < NEW.`ordered_at`
    AND (`next_order_at` IS NULL OR `next_order_at` > NEW.`ordered_at`);
END;--> statement-breakpoint
CREATE TRIGGER `orders_survey_next_order_on_delete` AFTER DELETE ON `orders` BEGIN
  UPDATE `surveys` SET `next_order_at` = (SELECT min(o.`ordered_at`) FROM `orders` o
    WHERE o.`account_id` = OLD.`account_id` AND o.`ordered_at` > coalesce(`surveys`.`answered_at`, `surveys`.`sent_at`))
  WHERE `account_id` = OLD.`account_id` AND `next_order_at` = OLD.`ordered_at`;
END;--> statement-breakpoint
CREATE TRIGGER `orders_survey_next_order_on_update` AFTER UPDATE OF `ordered_at`, `account_id` ON `orders` BEGIN
  UPDATE `surveys` SET `next_order_at` = (SELECT min(o.`ordered_at`) FROM `orders` o
    WHERE o.`account_id` = `surveys`.`account_id` AND o.`ordered_at` > coalesce(`surveys`.`answered_at`, `surveys`.`sent_at`))
  WHERE `account_id` IN (OLD.`account_id`, NEW.`account_id`);
END;--> statement-breakpoint
CREATE TRIGGER `ladder_moves_survey_defection` AFTER INSERT ON `ladder_moves`
WHEN NEW.`from_status` = 'active' AND NEW.`to_status` IN ('lapsed', 'lost') BEGIN
  UPDATE `surveys` SET `defected_at` = NEW.`at`
  WHERE `account_id` = NEW.`account_id` AND coalesce(`answered_at`, `sent_at`) < NEW.`at`
    AND (`defected_at` IS NULL OR `defected_at` > NEW.`at`);
END;
