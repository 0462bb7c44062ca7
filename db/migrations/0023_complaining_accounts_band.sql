CREATE TABLE `account_band_counts` (
	`band` text PRIMARY KEY NOT NULL,
	`n` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `complaints` ADD `account_band` text;--> statement-breakpoint
CREATE INDEX `complaints_account_band_idx` ON `complaints` (`account_id`,`account_band`,`received_at`,`channel`,`category`);
--> statement-breakpoint
-- Hand-written below the generated part: complaints.account_band (the account's band now) and
-- account_band_counts (accounts per band), backfilled, then kept by triggers. On accounts only a change of band
-- (rung or status) does anything: it moves one count and rewrites that account's complaints (usually none: one
-- probe of complaints_account_band_idx).
UPDATE `complaints` SET `account_band` = (SELECT (CASE WHEN a.`status` = 'active' THEN a.`rung` ELSE a.`status` END) FROM `accounts` a
  WHERE a.`id` = `complaints`.`account_id`);--> statement-breakpoint
INSERT INTO `account_band_counts` (`band`, `n`) SELECT (CASE WHEN `status` = 'active' THEN `rung` ELSE `status` END), count(*) FROM `accounts` GROUP BY 1;--> statement-breakpoint
CREATE TRIGGER `complaints_band_on_insert` AFTER INSERT ON `complaints` BEGIN
  UPDATE `complaints` SET `account_band` = (SELECT (CASE WHEN a.`status` = 'active' THEN a.`rung` ELSE a.`status` END) FROM `accounts` a WHERE a.`id` = NEW.`account_id`)
  WHERE `id` = NEW.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `complaints_band_on_move` AFTER UPDATE OF `account_id` ON `complaints` BEGIN
  UPDATE `complaints` SET `account_band` = (SELECT (CASE WHEN a.`status` = 'active' THEN a.`rung` ELSE a.`status` END) FROM `accounts` a WHERE a.`id` = NEW.`account_id`)
  WHERE `id` = NEW.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `accounts_band_insert` AFTER INSERT ON `accounts` BEGIN
  INSERT INTO `account_band_counts` (`band`, `n`) VALUES ((CASE WHEN NEW.`status` = 'active' THEN NEW.`rung` ELSE NEW.`status` END), 1)
  ON CONFLICT (`band`) DO UPDATE SET `n` = `n` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `accounts_band_delete` AFTER DELETE ON `accounts` BEGIN
  UPDATE `account_band_counts` SET `n` = `n` - 1 WHERE `band` = (CASE WHEN OLD.`status` = 'active' THEN OLD.`rung` ELSE OLD.`status` END);
  DELETE FROM `account_band_counts` WHERE `band` = (CASE WHEN OLD.`status` = 'active' THEN OLD.`rung` ELSE OLD.`status` END) AND `n` = 0;
END;--> statement-breakpoint
CREATE TRIGGER `accounts_band_update` AFTER UPDATE OF `rung`, `status` ON `accounts`
WHEN (CASE WHEN OLD.`status` = 'active' THEN OLD.`rung` ELSE OLD.`status` END) IS NOT (CASE WHEN NEW.`status` = 'active' THEN NEW.`rung` ELSE NEW.`status` END)
BEGIN
  UPDATE `account_band_counts` SET `n` = `n` - 1 WHERE `band` = (CASE WHEN OLD.`status` = 'active' THEN OLD.`rung` ELSE OLD.`status` END);
  DELETE FROM `account_band_counts` WHERE `band` = (CASE WHEN OLD.`status` = 'active' THEN OLD.`rung` ELSE OLD.`status` END) AND `n` = 0;
  INSERT INTO `account_band_counts` (`band`, `n`) VALUES ((CASE WHEN NEW.`status` = 'active' THEN NEW.`rung` ELSE NEW.`status` END), 1)
  ON CONFLICT (`band`) DO UPDATE SET `n` = `n` + 1;
  UPDATE `complaints` SET `account_band` = (CASE WHEN NEW.`status` = 'active' THEN NEW.`rung` ELSE NEW.`status` END) WHERE `account_id` = NEW.`id`;
END;
