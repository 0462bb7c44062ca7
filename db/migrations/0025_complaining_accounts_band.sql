ALTER TABLE `complaints` ADD `account_band` text;--> statement-breakpoint
CREATE INDEX `complaints_account_band_idx` ON `complaints` (`account_id`,`account_band`,`received_at`,`channel`,`category`);
--> statement-breakpoint
-- Hand-written below the generated part: complaints.account_band (the account's band now), backfilled, then
-- kept by triggers. On accounts only a change of band (rung or status) does anything: it rewrites that
-- account's complaints (usually none: one probe of complaints_account_band_idx). Accounts per band come from
-- 0024's account_totals.
UPDATE `complaints` SET `account_band` = (SELECT (CASE WHEN a.`status` = 'active' THEN a.`rung` ELSE a.`status` END) FROM `accounts` a
  WHERE a.`id` = `complaints`.`account_id`);--> statement-breakpoint
CREATE TRIGGER `complaints_band_on_insert` AFTER INSERT ON `complaints` BEGIN
  UPDATE `complaints` SET `account_band` = (SELECT (CASE WHEN a.`status` = 'active' THEN a.`rung` ELSE a.`status` END) FROM `accounts` a WHERE a.`id` = NEW.`account_id`)
  WHERE `id` = NEW.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `complaints_band_on_move` AFTER UPDATE OF `account_id` ON `complaints` BEGIN
  UPDATE `complaints` SET `account_band` = (SELECT (CASE WHEN a.`status` = 'active' THEN a.`rung` ELSE a.`status` END) FROM `accounts` a WHERE a.`id` = NEW.`account_id`)
  WHERE `id` = NEW.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `accounts_band_update` AFTER UPDATE OF `rung`, `status` ON `accounts`
WHEN (CASE WHEN OLD.`status` = 'active' THEN OLD.`rung` ELSE OLD.`status` END) IS NOT (CASE WHEN NEW.`status` = 'active' THEN NEW.`rung` ELSE NEW.`status` END)
BEGIN
  UPDATE `complaints` SET `account_band` = (CASE WHEN NEW.`status` = 'active' THEN NEW.`rung` ELSE NEW.`status` END) WHERE `account_id` = NEW.`id`;
END;
