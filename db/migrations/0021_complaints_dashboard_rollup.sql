CREATE TABLE `complaint_rollup` (
	`kind` text NOT NULL,
	`month` integer NOT NULL,
	`channel` text NOT NULL,
	`category` text NOT NULL,
	`k1` text NOT NULL,
	`k2` text NOT NULL,
	`n` integer NOT NULL,
	`ack_n` integer NOT NULL,
	`ack_met` integer NOT NULL,
	`res_n` integer NOT NULL,
	`res_met` integer NOT NULL,
	`value` integer NOT NULL,
	PRIMARY KEY(`kind`, `month`, `channel`, `category`, `k1`, `k2`)
);
--> statement-breakpoint
CREATE INDEX `complaints_ack_waiting_idx` ON `complaints` (`ack_due_at`,`received_month`,`channel`,`category`) WHERE "complaints"."acknowledged_at" IS NULL;--> statement-breakpoint
CREATE INDEX `complaints_pending_idx` ON `complaints` (`resolve_due_at`,`received_month`,`final_outcome`,`channel`,`category`) WHERE "complaints"."resolved_at" IS NULL AND "complaints"."closed_at" IS NULL;
--> statement-breakpoint
-- Hand-written below the generated part: complaint_rollup (the dashboard's counts per received month, channel
-- and category; see db/schema/complaints.ts) backfilled from the complaints so far, then kept by triggers on
-- every writer of complaints (app, API, import, seed, an account's deletion cascading). A complaint adds its
-- rows (+1) when inserted, takes them away (-1) when deleted, and does both when a column they read changes.
INSERT INTO `complaint_rollup` (`kind`, `month`, `channel`, `category`, `k1`, `k2`, `n`, `ack_n`, `ack_met`, `res_n`, `res_met`, `value`)
SELECT kind, month, channel, category, k1, k2, sum(n), sum(ack_n), sum(ack_met), sum(res_n), sum(res_met), sum(value)
FROM (
    SELECT 'outcome' AS kind, c.`received_month` AS month, c.`channel` AS channel, c.`category` AS category,
      c.`final_outcome` AS k1, '' AS k2, 1 AS n,
      c.`acknowledged_at` IS NOT NULL AS ack_n,
      c.`acknowledged_at` IS NOT NULL AND c.`acknowledged_at` <= c.`ack_due_at` AS ack_met,
      c.`resolved_at` IS NOT NULL AS res_n,
      c.`resolved_at` IS NOT NULL AND c.`resolved_at` <= c.`resolve_due_at` AS res_met, 0 AS value FROM `complaints` c
    UNION ALL SELECT 'cause', c.`received_month`, c.`channel`, c.`category`, c.`root_cause`,
      coalesce(c.`responsible_party`, ''), 1, 0, 0, 0, 0, 0 FROM `complaints` c WHERE c.`root_cause` IS NOT NULL
    UNION ALL SELECT 'remedy', c.`received_month`, c.`channel`, c.`category`, c.`remedy_type`, '', 1, 0, 0, 0, 0,
      coalesce(c.`remedy_value`, 0)
      FROM `complaints` c WHERE c.`remedy_carried_out_at` IS NOT NULL AND c.`remedy_type` IS NOT NULL
) GROUP BY 1, 2, 3, 4, 5, 6;--> statement-breakpoint
CREATE TRIGGER `complaints_rollup_insert` AFTER INSERT ON `complaints` BEGIN
  INSERT INTO `complaint_rollup` (`kind`, `month`, `channel`, `category`, `k1`, `k2`, `n`, `ack_n`, `ack_met`, `res_n`, `res_met`, `value`)
  SELECT * FROM (
    SELECT 'outcome' AS kind, NEW.`received_month` AS month, NEW.`channel` AS channel, NEW.`category` AS category,
      NEW.`final_outcome` AS k1, '' AS k2, 1 AS n,
      NEW.`acknowledged_at` IS NOT NULL AS ack_n,
      NEW.`acknowledged_at` IS NOT NULL AND NEW.`acknowledged_at` <= NEW.`ack_due_at` AS ack_met,
      NEW.`resolved_at` IS NOT NULL AS res_n,
      NEW.`resolved_at` IS NOT NULL AND NEW.`resolved_at` <= NEW.`resolve_due_at` AS res_met, 0 AS value
    UNION ALL SELECT 'cause', NEW.`received_month`, NEW.`channel`, NEW.`category`, NEW.`root_cause`,
      coalesce(NEW.`responsible_party`, ''), 1, 0, 0, 0, 0, 0 WHERE NEW.`root_cause` IS NOT NULL
    UNION ALL SELECT 'remedy', NEW.`received_month`, NEW.`channel`, NEW.`category`, NEW.`remedy_type`, '', 1, 0, 0, 0, 0,
      coalesce(NEW.`remedy_value`, 0)
      WHERE NEW.`remedy_carried_out_at` IS NOT NULL AND NEW.`remedy_type` IS NOT NULL
  ) WHERE true
  ON CONFLICT (`kind`, `month`, `channel`, `category`, `k1`, `k2`) DO UPDATE SET `n` = `n` + excluded.`n`,
    `ack_n` = `ack_n` + excluded.`ack_n`, `ack_met` = `ack_met` + excluded.`ack_met`, `res_n` = `res_n` + excluded.`res_n`,
    `res_met` = `res_met` + excluded.`res_met`, `value` = `value` + excluded.`value`;
END;--> statement-breakpoint
CREATE TRIGGER `complaints_rollup_delete` AFTER DELETE ON `complaints` BEGIN
  INSERT INTO `complaint_rollup` (`kind`, `month`, `channel`, `category`, `k1`, `k2`, `n`, `ack_n`, `ack_met`, `res_n`, `res_met`, `value`)
  SELECT * FROM (
    SELECT 'outcome' AS kind, OLD.`received_month` AS month, OLD.`channel` AS channel, OLD.`category` AS category,
      OLD.`final_outcome` AS k1, '' AS k2, -1 AS n,
      -(OLD.`acknowledged_at` IS NOT NULL) AS ack_n,
      -(OLD.`acknowledged_at` IS NOT NULL AND OLD.`acknowledged_at` <= OLD.`ack_due_at`) AS ack_met,
      -(OLD.`resolved_at` IS NOT NULL) AS res_n,
      -(OLD.`resolved_at` IS NOT NULL AND OLD.`resolved_at` <= OLD.`resolve_due_at`) AS res_met, 0 AS value
    UNION ALL SELECT 'cause', OLD.`received_month`, OLD.`channel`, OLD.`category`, OLD.`root_cause`,
      coalesce(OLD.`responsible_party`, ''), -1, 0, 0, 0, 0, 0 WHERE OLD.`root_cause` IS NOT NULL
    UNION ALL SELECT 'remedy', OLD.`received_month`, OLD.`channel`, OLD.`category`, OLD.`remedy_type`, '', -1, 0, 0, 0, 0,
      -(coalesce(OLD.`remedy_value`, 0))
      WHERE OLD.`remedy_carried_out_at` IS NOT NULL AND OLD.`remedy_type` IS NOT NULL
  ) WHERE true
  ON CONFLICT (`kind`, `month`, `channel`, `category`, `k1`, `k2`) DO UPDATE SET `n` = `n` + excluded.`n`,
    `ack_n` = `ack_n` + excluded.`ack_n`, `ack_met` = `ack_met` + excluded.`ack_met`, `res_n` = `res_n` + excluded.`res_n`,
    `res_met` = `res_met` + excluded.`res_met`, `value` = `value` + excluded.`value`;
  DELETE FROM `complaint_rollup` WHERE `kind` IN ('outcome', 'cause', 'remedy') AND `month` = OLD.`received_month`
    AND `channel` = OLD.`channel` AND `category` = OLD.`category` AND `n` = 0;
END;--> statement-breakpoint
CREATE TRIGGER `complaints_rollup_update` AFTER UPDATE OF `received_at`, `channel`, `category`, `acknowledged_at`, `ack_due_at`, `resolved_at`, `resolve_due_at`, `root_cause`, `responsible_party`, `remedy_type`, `remedy_value`, `remedy_carried_out_at` ON `complaints`
WHEN OLD.`received_at` IS NOT NEW.`received_at` OR OLD.`channel` IS NOT NEW.`channel` OR OLD.`category` IS NOT NEW.`category` OR OLD.`acknowledged_at` IS NOT NEW.`acknowledged_at` OR OLD.`ack_due_at` IS NOT NEW.`ack_due_at` OR OLD.`resolved_at` IS NOT NEW.`resolved_at` OR OLD.`resolve_due_at` IS NOT NEW.`resolve_due_at` OR OLD.`root_cause` IS NOT NEW.`root_cause` OR OLD.`responsible_party` IS NOT NEW.`responsible_party` OR OLD.`remedy_type` IS NOT NEW.`remedy_type` OR OLD.`remedy_value` IS NOT NEW.`remedy_value` OR OLD.`remedy_carried_out_at` IS NOT NEW.`remedy_carried_out_at`
BEGIN
  INSERT INTO `complaint_rollup` (`kind`, `month`, `channel`, `category`, `k1`, `k2`, `n`, `ack_n`, `ack_met`, `res_n`, `res_met`, `value`)
  SELECT * FROM (
    SELECT 'outcome' AS kind, OLD.`received_month` AS month, OLD.`channel` AS channel, OLD.`category` AS category,
      OLD.`final_outcome` AS k1, '' AS k2, -1 AS n,
      -(OLD.`acknowledged_at` IS NOT NULL) AS ack_n,
      -(OLD.`acknowledged_at` IS NOT NULL AND OLD.`acknowledged_at` <= OLD.`ack_due_at`) AS ack_met,
      -(OLD.`resolved_at` IS NOT NULL) AS res_n,
      -(OLD.`resolved_at` IS NOT NULL AND OLD.`resolved_at` <= OLD.`resolve_due_at`) AS res_met, 0 AS value
    UNION ALL SELECT 'cause', OLD.`received_month`, OLD.`channel`, OLD.`category`, OLD.`root_cause`,
      coalesce(OLD.`responsible_party`, ''), -1, 0, 0, 0, 0, 0 WHERE OLD.`root_cause` IS NOT NULL
    UNION ALL SELECT 'remedy', OLD.`received_month`, OLD.`channel`, OLD.`category`, OLD.`remedy_type`, '', -1, 0, 0, 0, 0,
      -(coalesce(OLD.`remedy_value`, 0))
      WHERE OLD.`remedy_carried_out_at` IS NOT NULL AND OLD.`remedy_type` IS NOT NULL
  ) WHERE true
  ON CONFLICT (`kind`, `month`, `channel`, `category`, `k1`, `k2`) DO UPDATE SET `n` = `n` + excluded.`n`,
    `ack_n` = `ack_n` + excluded.`ack_n`, `ack_met` = `ack_met` + excluded.`ack_met`, `res_n` = `res_n` + excluded.`res_n`,
    `res_met` = `res_met` + excluded.`res_met`, `value` = `value` + excluded.`value`;
  INSERT INTO `complaint_rollup` (`kind`, `month`, `channel`, `category`, `k1`, `k2`, `n`, `ack_n`, `ack_met`, `res_n`, `res_met`, `value`)
  SELECT * FROM (
    SELECT 'outcome' AS kind, NEW.`received_month` AS month, NEW.`channel` AS channel, NEW.`category` AS category,
      NEW.`final_outcome` AS k1, '' AS k2, 1 AS n,
      NEW.`acknowledged_at` IS NOT NULL AS ack_n,
      NEW.`acknowledged_at` IS NOT NULL AND NEW.`acknowledged_at` <= NEW.`ack_due_at` AS ack_met,
      NEW.`resolved_at` IS NOT NULL AS res_n,
      NEW.`resolved_at` IS NOT NULL AND NEW.`resolved_at` <= NEW.`resolve_due_at` AS res_met, 0 AS value
    UNION ALL SELECT 'cause', NEW.`received_month`, NEW.`channel`, NEW.`category`, NEW.`root_cause`,
      coalesce(NEW.`responsible_party`, ''), 1, 0, 0, 0, 0, 0 WHERE NEW.`root_cause` IS NOT NULL
    UNION ALL SELECT 'remedy', NEW.`received_month`, NEW.`channel`, NEW.`category`, NEW.`remedy_type`, '', 1, 0, 0, 0, 0,
      coalesce(NEW.`remedy_value`, 0)
      WHERE NEW.`remedy_carried_out_at` IS NOT NULL AND NEW.`remedy_type` IS NOT NULL
  ) WHERE true
  ON CONFLICT (`kind`, `month`, `channel`, `category`, `k1`, `k2`) DO UPDATE SET `n` = `n` + excluded.`n`,
    `ack_n` = `ack_n` + excluded.`ack_n`, `ack_met` = `ack_met` + excluded.`ack_met`, `res_n` = `res_n` + excluded.`res_n`,
    `res_met` = `res_met` + excluded.`res_met`, `value` = `value` + excluded.`value`;
  DELETE FROM `complaint_rollup` WHERE `kind` IN ('outcome', 'cause', 'remedy') AND `month` = OLD.`received_month`
    AND `channel` = OLD.`channel` AND `category` = OLD.`category` AND `n` = 0;
END;
