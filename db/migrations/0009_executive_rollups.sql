CREATE TABLE `account_period_activity` (
	`account_id` integer NOT NULL,
	`grain` integer NOT NULL,
	`period` integer NOT NULL,
	`cohort` integer NOT NULL,
	`prev` integer,
	`orders` integer NOT NULL,
	`revenue` integer NOT NULL,
	`margin` integer NOT NULL,
	PRIMARY KEY(`account_id`, `grain`, `period`),
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `apa_period_idx` ON `account_period_activity` (`grain`,`period`,`prev`,`cohort`,`revenue`,`margin`);--> statement-breakpoint
CREATE INDEX `apa_cohort_idx` ON `account_period_activity` (`grain`,`cohort`,`period`,`revenue`);--> statement-breakpoint
CREATE TABLE `ladder_bands_monthly` (
	`month` text NOT NULL,
	`band` text NOT NULL,
	`delta` integer NOT NULL,
	PRIMARY KEY(`month`, `band`)
);

--> statement-breakpoint
-- Hand-written: the triggers that keep the executive view's rollups for every writer of orders and
-- ladder_moves (app, import, seed), and the backfill of what was written before this migration.
-- account_period_activity: one row per account, grain (1 = month, 3 = quarter) and period with orders;
-- periods are months since year 0 (÷ 3 for quarters), as periodIndex in server/executive/retention.rules.ts.
-- The unary + on non-key columns in the triggers keeps the planner on the primary key (account_id, grain, …):
-- before ANALYZE it would otherwise pick apa_cohort_idx and scan every cohort (measured: seeding 20k accounts
-- took 387 s instead of 16 s).
INSERT INTO account_period_activity (account_id, grain, period, cohort, prev, orders, revenue, margin)
SELECT account_id, grain, period,
  min(period) OVER (PARTITION BY account_id, grain ORDER BY period),
  lag(period) OVER (PARTITION BY account_id, grain ORDER BY period),
  orders, revenue, margin
FROM (
  SELECT o.account_id, g.grain, (CAST(strftime('%Y', o.ordered_at / 1000, 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', o.ordered_at / 1000, 'unixepoch') AS INTEGER) - 1) / g.grain AS period,
    count(*) AS orders, sum(o.amount) AS revenue, sum(o.margin) AS margin
  FROM orders o, (SELECT 1 AS grain UNION ALL SELECT 3 AS grain) g
  GROUP BY o.account_id, g.grain, period
);
--> statement-breakpoint
INSERT INTO ladder_bands_monthly (month, band, delta)
SELECT month, band, sum(d) FROM (
  SELECT strftime('%Y-%m', m.at / 1000, 'unixepoch') AS month, CASE WHEN coalesce(m.to_status, 'active') = 'active' THEN m.to_rung ELSE m.to_status END AS band, 1 AS d FROM ladder_moves m
  UNION ALL
  SELECT strftime('%Y-%m', m.at / 1000, 'unixepoch') AS month, CASE WHEN coalesce(m.from_status, 'active') = 'active' THEN m.from_rung ELSE m.from_status END AS band, -1 AS d FROM ladder_moves m WHERE m.from_rung IS NOT NULL
) GROUP BY month, band;
--> statement-breakpoint
-- A new period row learns its previous period and cohort; the next later row (if any) now follows it, and an
-- earlier first period moves the account's cohort (an import of old orders).
CREATE TRIGGER `apa_links_insert` AFTER INSERT ON `account_period_activity` BEGIN
  UPDATE account_period_activity SET
    prev = (SELECT max(p.period) FROM account_period_activity p
      WHERE p.account_id = NEW.account_id AND p.grain = NEW.grain AND p.period < NEW.period),
    cohort = (SELECT min(p.period) FROM account_period_activity p
      WHERE p.account_id = NEW.account_id AND p.grain = NEW.grain)
  WHERE account_id = NEW.account_id AND grain = NEW.grain AND period = NEW.period;
  UPDATE account_period_activity SET prev = NEW.period
  WHERE account_id = NEW.account_id AND grain = NEW.grain AND period = (SELECT min(p.period)
    FROM account_period_activity p WHERE p.account_id = NEW.account_id AND p.grain = NEW.grain AND p.period > NEW.period);
  UPDATE account_period_activity SET cohort = NEW.period
  WHERE account_id = NEW.account_id AND grain = NEW.grain AND +cohort > NEW.period;
END;
--> statement-breakpoint
CREATE TRIGGER `apa_links_delete` AFTER DELETE ON `account_period_activity` BEGIN
  UPDATE account_period_activity SET prev = OLD.prev
  WHERE account_id = OLD.account_id AND grain = OLD.grain AND +prev = OLD.period;
  UPDATE account_period_activity SET cohort = (SELECT min(p.period) FROM account_period_activity p
      WHERE p.account_id = OLD.account_id AND p.grain = OLD.grain)
  WHERE account_id = OLD.account_id AND grain = OLD.grain AND +cohort = OLD.period;
END;
--> statement-breakpoint
CREATE TRIGGER `orders_activity_insert` AFTER INSERT ON `orders` BEGIN
  INSERT INTO account_period_activity (account_id, grain, period, cohort, prev, orders, revenue, margin)
  SELECT NEW.account_id, g.grain, m.month / g.grain, m.month / g.grain, NULL, 1, NEW.amount, NEW.margin
  FROM (SELECT (CAST(strftime('%Y', NEW.ordered_at / 1000, 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', NEW.ordered_at / 1000, 'unixepoch') AS INTEGER) - 1) AS month) m, (SELECT 1 AS grain UNION ALL SELECT 3 AS grain) g WHERE true
  ON CONFLICT (account_id, grain, period) DO UPDATE SET orders = orders + 1, revenue = revenue + excluded.revenue,
    margin = margin + excluded.margin;
END;
--> statement-breakpoint
CREATE TRIGGER `orders_activity_delete` AFTER DELETE ON `orders` BEGIN
  UPDATE account_period_activity SET orders = orders - 1, revenue = revenue - OLD.amount, margin = margin - OLD.margin
  WHERE account_id = OLD.account_id
    AND ((grain = 1 AND period = (CAST(strftime('%Y', OLD.ordered_at / 1000, 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', OLD.ordered_at / 1000, 'unixepoch') AS INTEGER) - 1)) OR (grain = 3 AND period = (CAST(strftime('%Y', OLD.ordered_at / 1000, 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', OLD.ordered_at / 1000, 'unixepoch') AS INTEGER) - 1) / 3));
  DELETE FROM account_period_activity WHERE account_id = OLD.account_id AND +orders <= 0;
END;
--> statement-breakpoint
CREATE TRIGGER `orders_activity_update` AFTER UPDATE OF account_id, ordered_at, amount, margin ON `orders` BEGIN
  UPDATE account_period_activity SET orders = orders - 1, revenue = revenue - OLD.amount, margin = margin - OLD.margin
  WHERE account_id = OLD.account_id
    AND ((grain = 1 AND period = (CAST(strftime('%Y', OLD.ordered_at / 1000, 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', OLD.ordered_at / 1000, 'unixepoch') AS INTEGER) - 1)) OR (grain = 3 AND period = (CAST(strftime('%Y', OLD.ordered_at / 1000, 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', OLD.ordered_at / 1000, 'unixepoch') AS INTEGER) - 1) / 3));
  DELETE FROM account_period_activity WHERE account_id = OLD.account_id AND +orders <= 0;
  INSERT INTO account_period_activity (account_id, grain, period, cohort, prev, orders, revenue, margin)
  SELECT NEW.account_id, g.grain, m.month / g.grain, m.month / g.grain, NULL, 1, NEW.amount, NEW.margin
  FROM (SELECT (CAST(strftime('%Y', NEW.ordered_at / 1000, 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', NEW.ordered_at / 1000, 'unixepoch') AS INTEGER) - 1) AS month) m, (SELECT 1 AS grain UNION ALL SELECT 3 AS grain) g WHERE true
  ON CONFLICT (account_id, grain, period) DO UPDATE SET orders = orders + 1, revenue = revenue + excluded.revenue,
    margin = margin + excluded.margin;
END;
--> statement-breakpoint
CREATE TRIGGER `ladder_moves_bands_insert` AFTER INSERT ON `ladder_moves` BEGIN
  INSERT INTO ladder_bands_monthly (month, band, delta)
  SELECT strftime('%Y-%m', NEW.at / 1000, 'unixepoch'), band, d FROM (
    SELECT CASE WHEN coalesce(NEW.to_status, 'active') = 'active' THEN NEW.to_rung ELSE NEW.to_status END AS band, 1 AS d
    UNION ALL SELECT CASE WHEN coalesce(NEW.from_status, 'active') = 'active' THEN NEW.from_rung ELSE NEW.from_status END AS band, -1 AS d WHERE NEW.from_rung IS NOT NULL
  ) WHERE true
  ON CONFLICT (month, band) DO UPDATE SET delta = delta + excluded.delta;
END;
--> statement-breakpoint
CREATE TRIGGER `ladder_moves_bands_delete` AFTER DELETE ON `ladder_moves` BEGIN
  INSERT INTO ladder_bands_monthly (month, band, delta)
  SELECT strftime('%Y-%m', OLD.at / 1000, 'unixepoch'), band, d FROM (
    SELECT CASE WHEN coalesce(OLD.to_status, 'active') = 'active' THEN OLD.to_rung ELSE OLD.to_status END AS band, -1 AS d
    UNION ALL SELECT CASE WHEN coalesce(OLD.from_status, 'active') = 'active' THEN OLD.from_rung ELSE OLD.from_status END AS band, 1 AS d WHERE OLD.from_rung IS NOT NULL
  ) WHERE true
  ON CONFLICT (month, band) DO UPDATE SET delta = delta + excluded.delta;
END;
