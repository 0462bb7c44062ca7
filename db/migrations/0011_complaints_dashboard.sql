ALTER TABLE `complaints` ADD `received_month` integer GENERATED ALWAYS AS ((CAST(strftime('%Y', "received_at" / 1000, 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', "received_at" / 1000, 'unixepoch') AS INTEGER) - 1)) VIRTUAL;--> statement-breakpoint
ALTER TABLE `complaints` ADD `next_order_at` integer;--> statement-breakpoint
ALTER TABLE `complaints` ADD `ack_ms` integer GENERATED ALWAYS AS (("acknowledged_at" - "received_at")) VIRTUAL;--> statement-breakpoint
ALTER TABLE `complaints` ADD `resolve_ms` integer GENERATED ALWAYS AS (("resolved_at" - "received_at")) VIRTUAL;--> statement-breakpoint
CREATE INDEX `complaints_dashboard_idx` ON `complaints` (`received_month`,`received_at`,`category`,`channel`,`account_id`,`acknowledged_at`,`ack_due_at`,`resolved_at`,`resolve_due_at`,`closed_at`,`root_cause`,`responsible_party`,`remedy_type`,`remedy_carried_out_at`,`remedy_value`,`next_order_at`);--> statement-breakpoint
CREATE INDEX `complaints_ack_month_idx` ON `complaints` (`received_month`,`ack_ms`,`received_at`,`category`,`channel`);--> statement-breakpoint
CREATE INDEX `complaints_ack_order_idx` ON `complaints` (`ack_ms`,`received_at`,`category`,`channel`);--> statement-breakpoint
CREATE INDEX `complaints_resolve_month_idx` ON `complaints` (`received_month`,`resolve_ms`,`received_at`,`category`,`channel`);--> statement-breakpoint
CREATE INDEX `complaints_resolve_order_idx` ON `complaints` (`resolve_ms`,`received_at`,`category`,`channel`);--> statement-breakpoint
CREATE INDEX `orders_date_account_idx` ON `orders` (`ordered_at`,`account_id`);
--> statement-breakpoint
-- Hand-written below the generated part: complaints.next_order_at, the account's first order after the
-- complaint, backfilled and then kept by triggers on complaints and orders.
UPDATE `complaints` SET `next_order_at` = (SELECT min(o.`ordered_at`) FROM `orders` o
  WHERE o.`account_id` = `complaints`.`account_id` AND o.`ordered_at` > `complaints`.`received_at`);--> statement-breakpoint
CREATE TRIGGER `complaints_next_order_on_insert` AFTER INSERT ON `complaints` BEGIN
  UPDATE `complaints` SET `next_order_at` = (SELECT min(o.`ordered_at`) FROM `orders` o
    WHERE o.`account_id` = NEW.`account_id` AND o.`ordered_at` > NEW.`received_at`) WHERE `id` = NEW.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `complaints_next_order_on_move` AFTER UPDATE OF `received_at`, `account_id` ON `complaints` BEGIN
  UPDATE `complaints` SET `next_order_at` = (SELECT min(o.`ordered_at`) FROM `orders` o
    WHERE o.`account_id` = NEW.`account_id` AND o.`ordered_at` > NEW.`received_at`) WHERE `id` = NEW.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `orders_next_order_on_insert` AFTER INSERT ON `orders` BEGIN
  UPDATE `complaints` SET `next_order_at` = NEW.`ordered_at`
  WHERE `account_id` = NEW.`account_id` AND `received_at` < NEW.`ordered_at`
    AND (`next_order_at` IS NULL OR `next_order_at` > NEW.`ordered_at`);
END;--> statement-breakpoint
CREATE TRIGGER `orders_next_order_on_delete` AFTER DELETE ON `orders` BEGIN
  UPDATE `complaints` SET `next_order_at` = (SELECT min(o.`ordered_at`) FROM `orders` o
    WHERE o.`account_id` = OLD.`account_id` AND o.`ordered_at` > `complaints`.`received_at`)
  WHERE `account_id` = OLD.`account_id` AND `next_order_at` = OLD.`ordered_at`;
END;--> statement-breakpoint
CREATE TRIGGER `orders_next_order_on_update` AFTER UPDATE OF `ordered_at`, `account_id` ON `orders` BEGIN
  UPDATE `complaints` SET `next_order_at` = (SELECT min(o.`ordered_at`) FROM `orders` o
    WHERE o.`account_id` = `complaints`.`account_id` AND o.`ordered_at` > `complaints`.`received_at`)
  WHERE `account_id` IN (OLD.`account_id`, NEW.`account_id`);
END;
