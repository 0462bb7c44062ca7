CREATE TABLE `deal_rollup` (
	`kind` text NOT NULL,
	`month` integer NOT NULL,
	`k1` text NOT NULL,
	`k2` text NOT NULL,
	`n` integer NOT NULL,
	`amount` integer NOT NULL,
	`agreed` integer NOT NULL,
	`price_claimed` integer NOT NULL,
	`price_given` integer NOT NULL,
	PRIMARY KEY(`kind`, `month`, `k1`, `k2`)
);
--> statement-breakpoint
-- Hand-written below the generated part: deal_rollup (the win/loss dashboard's counts per closing month; see
-- db/schema/deals.ts) backfilled from the deals and reviews so far, then kept by triggers on every writer of
-- deals and deal_reviews (app, seed, an account's deletion cascading). A row adds its counts (+1) when
-- inserted, takes them away (-1) when deleted, and does both when a column they read changes.
INSERT INTO `deal_rollup` (`kind`, `month`, `k1`, `k2`, `n`, `amount`, `agreed`, `price_claimed`, `price_given`)
SELECT kind, month, k1, k2, sum(n), sum(amount), sum(agreed), sum(price_claimed), sum(price_given) FROM (
    SELECT 'owner' AS kind, d.`closed_month` AS month, d.`status` AS k1, d.`owner_id` AS k2, 1 AS n,
      0 AS amount, 0 AS agreed, 0 AS price_claimed, 0 AS price_given FROM `deals` d WHERE d.`closed_month` IS NOT NULL
    UNION ALL SELECT 'segment', d.`closed_month`, d.`status`, coalesce(d.`segment`, ''), 1, 0, 0, 0, 0 FROM `deals` d WHERE d.`closed_month` IS NOT NULL
    UNION ALL SELECT 'reason', d.`closed_month`, d.`status`, coalesce(d.`owner_reason`, ''), 1, 0, 0, 0, 0 FROM `deals` d WHERE d.`closed_month` IS NOT NULL
    UNION ALL SELECT 'competitor', d.`closed_month`, coalesce(d.`competitor_id`, ''), d.`competitor_other` IS NOT NULL, 1,
      d.`amount`, 0, 0, 0 FROM `deals` d WHERE d.`closed_month` IS NOT NULL AND d.`status` = 'lost'
    UNION ALL
    SELECT 'buyer' AS kind, r.`closed_month` AS month, r.`outcome` AS k1, r.`primary_reason` AS k2, 1 AS n,
      0 AS amount, 0 AS agreed, 0 AS price_claimed, 0 AS price_given FROM `deal_reviews` r
    UNION ALL SELECT 'pair', r.`closed_month`, r.`owner_reason`, r.`primary_reason`, 1, 0, 0, 0, 0 FROM `deal_reviews` r
    UNION ALL SELECT 'reviewOwner', r.`closed_month`, r.`owner_id`, '', 1, 0,
      r.`owner_reason` = r.`primary_reason`, r.`owner_reason` = 'price',
      r.`primary_reason` = 'price' FROM `deal_reviews` r
) GROUP BY 1, 2, 3, 4;--> statement-breakpoint
CREATE TRIGGER `deals_rollup_insert` AFTER INSERT ON `deals` BEGIN
  INSERT INTO `deal_rollup` (`kind`, `month`, `k1`, `k2`, `n`, `amount`, `agreed`, `price_claimed`, `price_given`)
  SELECT * FROM (
    SELECT 'owner' AS kind, NEW.`closed_month` AS month, NEW.`status` AS k1, NEW.`owner_id` AS k2, 1 AS n,
      0 AS amount, 0 AS agreed, 0 AS price_claimed, 0 AS price_given WHERE NEW.`closed_month` IS NOT NULL
    UNION ALL SELECT 'segment', NEW.`closed_month`, NEW.`status`, coalesce(NEW.`segment`, ''), 1, 0, 0, 0, 0 WHERE NEW.`closed_month` IS NOT NULL
    UNION ALL SELECT 'reason', NEW.`closed_month`, NEW.`status`, coalesce(NEW.`owner_reason`, ''), 1, 0, 0, 0, 0 WHERE NEW.`closed_month` IS NOT NULL
    UNION ALL SELECT 'competitor', NEW.`closed_month`, coalesce(NEW.`competitor_id`, ''), NEW.`competitor_other` IS NOT NULL, 1,
      NEW.`amount`, 0, 0, 0 WHERE NEW.`closed_month` IS NOT NULL AND NEW.`status` = 'lost'
  ) WHERE true
  ON CONFLICT (`kind`, `month`, `k1`, `k2`) DO UPDATE SET `n` = `n` + excluded.`n`, `amount` = `amount` + excluded.`amount`,
    `agreed` = `agreed` + excluded.`agreed`, `price_claimed` = `price_claimed` + excluded.`price_claimed`,
    `price_given` = `price_given` + excluded.`price_given`;
END;--> statement-breakpoint
CREATE TRIGGER `deals_rollup_delete` AFTER DELETE ON `deals` BEGIN
  INSERT INTO `deal_rollup` (`kind`, `month`, `k1`, `k2`, `n`, `amount`, `agreed`, `price_claimed`, `price_given`)
  SELECT * FROM (
    SELECT 'owner' AS kind, OLD.`closed_month` AS month, OLD.`status` AS k1, OLD.`owner_id` AS k2, -1 AS n,
      0 AS amount, 0 AS agreed, 0 AS price_claimed, 0 AS price_given WHERE OLD.`closed_month` IS NOT NULL
    UNION ALL SELECT 'segment', OLD.`closed_month`, OLD.`status`, coalesce(OLD.`segment`, ''), -1, 0, 0, 0, 0 WHERE OLD.`closed_month` IS NOT NULL
    UNION ALL SELECT 'reason', OLD.`closed_month`, OLD.`status`, coalesce(OLD.`owner_reason`, ''), -1, 0, 0, 0, 0 WHERE OLD.`closed_month` IS NOT NULL
    UNION ALL SELECT 'competitor', OLD.`closed_month`, coalesce(OLD.`competitor_id`, ''), OLD.`competitor_other` IS NOT NULL, -1,
      -(OLD.`amount`), 0, 0, 0 WHERE OLD.`closed_month` IS NOT NULL AND OLD.`status` = 'lost'
  ) WHERE true
  ON CONFLICT (`kind`, `month`, `k1`, `k2`) DO UPDATE SET `n` = `n` + excluded.`n`, `amount` = `amount` + excluded.`amount`,
    `agreed` = `agreed` + excluded.`agreed`, `price_claimed` = `price_claimed` + excluded.`price_claimed`,
    `price_given` = `price_given` + excluded.`price_given`;
  DELETE FROM `deal_rollup` WHERE `kind` IN ('owner', 'segment', 'reason', 'competitor') AND `month` = OLD.`closed_month` AND `n` = 0;
END;--> statement-breakpoint
CREATE TRIGGER `deals_rollup_update` AFTER UPDATE OF `status`, `closed_month`, `owner_id`, `segment`, `owner_reason`, `competitor_id`, `competitor_other`, `amount` ON `deals`
WHEN OLD.`status` IS NOT NEW.`status` OR OLD.`closed_month` IS NOT NEW.`closed_month` OR OLD.`owner_id` IS NOT NEW.`owner_id` OR OLD.`segment` IS NOT NEW.`segment` OR OLD.`owner_reason` IS NOT NEW.`owner_reason` OR OLD.`competitor_id` IS NOT NEW.`competitor_id` OR OLD.`competitor_other` IS NOT NEW.`competitor_other` OR OLD.`amount` IS NOT NEW.`amount`
BEGIN
  INSERT INTO `deal_rollup` (`kind`, `month`, `k1`, `k2`, `n`, `amount`, `agreed`, `price_claimed`, `price_given`)
  SELECT * FROM (
    SELECT 'owner' AS kind, OLD.`closed_month` AS month, OLD.`status` AS k1, OLD.`owner_id` AS k2, -1 AS n,
      0 AS amount, 0 AS agreed, 0 AS price_claimed, 0 AS price_given WHERE OLD.`closed_month` IS NOT NULL
    UNION ALL SELECT 'segment', OLD.`closed_month`, OLD.`status`, coalesce(OLD.`segment`, ''), -1, 0, 0, 0, 0 WHERE OLD.`closed_month` IS NOT NULL
    UNION ALL SELECT 'reason', OLD.`closed_month`, OLD.`status`, coalesce(OLD.`owner_reason`, ''), -1, 0, 0, 0, 0 WHERE OLD.`closed_month` IS NOT NULL
    UNION ALL SELECT 'competitor', OLD.`closed_month`, coalesce(OLD.`competitor_id`, ''), OLD.`competitor_other` IS NOT NULL, -1,
      -(OLD.`amount`), 0, 0, 0 WHERE OLD.`closed_month` IS NOT NULL AND OLD.`status` = 'lost'
  ) WHERE true
  ON CONFLICT (`kind`, `month`, `k1`, `k2`) DO UPDATE SET `n` = `n` + excluded.`n`, `amount` = `amount` + excluded.`amount`,
    `agreed` = `agreed` + excluded.`agreed`, `price_claimed` = `price_claimed` + excluded.`price_claimed`,
    `price_given` = `price_given` + excluded.`price_given`;
  INSERT INTO `deal_rollup` (`kind`, `month`, `k1`, `k2`, `n`, `amount`, `agreed`, `price_claimed`, `price_given`)
  SELECT * FROM (
    SELECT 'owner' AS kind, NEW.`closed_month` AS month, NEW.`status` AS k1, NEW.`owner_id` AS k2, 1 AS n,
      0 AS amount, 0 AS agreed, 0 AS price_claimed, 0 AS price_given WHERE NEW.`closed_month` IS NOT NULL
    UNION ALL SELECT 'segment', NEW.`closed_month`, NEW.`status`, coalesce(NEW.`segment`, ''), 1, 0, 0, 0, 0 WHERE NEW.`closed_month` IS NOT NULL
    UNION ALL SELECT 'reason', NEW.`closed_month`, NEW.`status`, coalesce(NEW.`owner_reason`, ''), 1, 0, 0, 0, 0 WHERE NEW.`closed_month` IS NOT NULL
    UNION ALL SELECT 'competitor', NEW.`closed_month`, coalesce(NEW.`competitor_id`, ''), NEW.`competitor_other` IS NOT NULL, 1,
      NEW.`amount`, 0, 0, 0 WHERE NEW.`closed_month` IS NOT NULL AND NEW.`status` = 'lost'
  ) WHERE true
  ON CONFLICT (`kind`, `month`, `k1`, `k2`) DO UPDATE SET `n` = `n` + excluded.`n`, `amount` = `amount` + excluded.`amount`,
    `agreed` = `agreed` + excluded.`agreed`, `price_claimed` = `price_claimed` + excluded.`price_claimed`,
    `price_given` = `price_given` + excluded.`price_given`;
  DELETE FROM `deal_rollup` WHERE `kind` IN ('owner', 'segment', 'reason', 'competitor') AND `month` = OLD.`closed_month` AND `n` = 0;
END;--> statement-breakpoint
CREATE TRIGGER `deal_reviews_rollup_insert` AFTER INSERT ON `deal_reviews` BEGIN
  INSERT INTO `deal_rollup` (`kind`, `month`, `k1`, `k2`, `n`, `amount`, `agreed`, `price_claimed`, `price_given`)
  SELECT * FROM (
    SELECT 'buyer' AS kind, NEW.`closed_month` AS month, NEW.`outcome` AS k1, NEW.`primary_reason` AS k2, 1 AS n,
      0 AS amount, 0 AS agreed, 0 AS price_claimed, 0 AS price_given
    UNION ALL SELECT 'pair', NEW.`closed_month`, NEW.`owner_reason`, NEW.`primary_reason`, 1, 0, 0, 0, 0
    UNION ALL SELECT 'reviewOwner', NEW.`closed_month`, NEW.`owner_id`, '', 1, 0,
      NEW.`owner_reason` = NEW.`primary_reason`, NEW.`owner_reason` = 'price',
      NEW.`primary_reason` = 'price'
  ) WHERE true
  ON CONFLICT (`kind`, `month`, `k1`, `k2`) DO UPDATE SET `n` = `n` + excluded.`n`, `amount` = `amount` + excluded.`amount`,
    `agreed` = `agreed` + excluded.`agreed`, `price_claimed` = `price_claimed` + excluded.`price_claimed`,
    `price_given` = `price_given` + excluded.`price_given`;
END;--> statement-breakpoint
CREATE TRIGGER `deal_reviews_rollup_delete` AFTER DELETE ON `deal_reviews` BEGIN
  INSERT INTO `deal_rollup` (`kind`, `month`, `k1`, `k2`, `n`, `amount`, `agreed`, `price_claimed`, `price_given`)
  SELECT * FROM (
    SELECT 'buyer' AS kind, OLD.`closed_month` AS month, OLD.`outcome` AS k1, OLD.`primary_reason` AS k2, -1 AS n,
      0 AS amount, 0 AS agreed, 0 AS price_claimed, 0 AS price_given
    UNION ALL SELECT 'pair', OLD.`closed_month`, OLD.`owner_reason`, OLD.`primary_reason`, -1, 0, 0, 0, 0
    UNION ALL SELECT 'reviewOwner', OLD.`closed_month`, OLD.`owner_id`, '', -1, 0,
      -(OLD.`owner_reason` = OLD.`primary_reason`), -(OLD.`owner_reason` = 'price'),
      -(OLD.`primary_reason` = 'price')
  ) WHERE true
  ON CONFLICT (`kind`, `month`, `k1`, `k2`) DO UPDATE SET `n` = `n` + excluded.`n`, `amount` = `amount` + excluded.`amount`,
    `agreed` = `agreed` + excluded.`agreed`, `price_claimed` = `price_claimed` + excluded.`price_claimed`,
    `price_given` = `price_given` + excluded.`price_given`;
  DELETE FROM `deal_rollup` WHERE `kind` IN ('buyer', 'pair', 'reviewOwner') AND `month` = OLD.`closed_month` AND `n` = 0;
END;--> statement-breakpoint
CREATE TRIGGER `deal_reviews_rollup_update` AFTER UPDATE OF `closed_month`, `outcome`, `primary_reason`, `owner_reason`, `owner_id` ON `deal_reviews`
WHEN OLD.`closed_month` IS NOT NEW.`closed_month` OR OLD.`outcome` IS NOT NEW.`outcome` OR OLD.`primary_reason` IS NOT NEW.`primary_reason` OR OLD.`owner_reason` IS NOT NEW.`owner_reason` OR OLD.`owner_id` IS NOT NEW.`owner_id`
BEGIN
  INSERT INTO `deal_rollup` (`kind`, `month`, `k1`, `k2`, `n`, `amount`, `agreed`, `price_claimed`, `price_given`)
  SELECT * FROM (
    SELECT 'buyer' AS kind, OLD.`closed_month` AS month, OLD.`outcome` AS k1, OLD.`primary_reason` AS k2, -1 AS n,
      0 AS amount, 0 AS agreed, 0 AS price_claimed, 0 AS price_given
    UNION ALL SELECT 'pair', OLD.`closed_month`, OLD.`owner_reason`, OLD.`primary_reason`, -1, 0, 0, 0, 0
    UNION ALL SELECT 'reviewOwner', OLD.`closed_month`, OLD.`owner_id`, '', -1, 0,
      -(OLD.`owner_reason` = OLD.`primary_reason`), -(OLD.`owner_reason` = 'price'),
      -(OLD.`primary_reason` = 'price')
  ) WHERE true
  ON CONFLICT (`kind`, `month`, `k1`, `k2`) DO UPDATE SET `n` = `n` + excluded.`n`, `amount` = `amount` + excluded.`amount`,
    `agreed` = `agreed` + excluded.`agreed`, `price_claimed` = `price_claimed` + excluded.`price_claimed`,
    `price_given` = `price_given` + excluded.`price_given`;
  INSERT INTO `deal_rollup` (`kind`, `month`, `k1`, `k2`, `n`, `amount`, `agreed`, `price_claimed`, `price_given`)
  SELECT * FROM (
    SELECT 'buyer' AS kind, NEW.`closed_month` AS month, NEW.`outcome` AS k1, NEW.`primary_reason` AS k2, 1 AS n,
      0 AS amount, 0 AS agreed, 0 AS price_claimed, 0 AS price_given
    UNION ALL SELECT 'pair', NEW.`closed_month`, NEW.`owner_reason`, NEW.`primary_reason`, 1, 0, 0, 0, 0
    UNION ALL SELECT 'reviewOwner', NEW.`closed_month`, NEW.`owner_id`, '', 1, 0,
      NEW.`owner_reason` = NEW.`primary_reason`, NEW.`owner_reason` = 'price',
      NEW.`primary_reason` = 'price'
  ) WHERE true
  ON CONFLICT (`kind`, `month`, `k1`, `k2`) DO UPDATE SET `n` = `n` + excluded.`n`, `amount` = `amount` + excluded.`amount`,
    `agreed` = `agreed` + excluded.`agreed`, `price_claimed` = `price_claimed` + excluded.`price_claimed`,
    `price_given` = `price_given` + excluded.`price_given`;
  DELETE FROM `deal_rollup` WHERE `kind` IN ('buyer', 'pair', 'reviewOwner') AND `month` = OLD.`closed_month` AND `n` = 0;
END;
