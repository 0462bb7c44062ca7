CREATE TABLE `activity_by_cohort` (
	`grain` integer NOT NULL,
	`cohort` integer NOT NULL,
	`period` integer NOT NULL,
	`accounts` integer NOT NULL,
	`revenue` integer NOT NULL,
	`returned` integer NOT NULL,
	PRIMARY KEY(`grain`, `cohort`, `period`)
);
--> statement-breakpoint
CREATE TABLE `activity_by_prev` (
	`grain` integer NOT NULL,
	`period` integer NOT NULL,
	`prev` integer NOT NULL,
	`accounts` integer NOT NULL,
	`revenue` integer NOT NULL,
	`margin` integer NOT NULL,
	PRIMARY KEY(`grain`, `period`, `prev`)
);

--> statement-breakpoint
-- Hand-written: the triggers that keep activity_by_prev and activity_by_cohort (the executive overview's and the
-- cohort heatmap's sums of account_period_activity) for every change of that table, whoever writes the orders
-- behind it, and the backfill. Every row version of account_period_activity is added where it comes into being
-- and taken away where it goes; all of it by upserts, so the result does not depend on the order in which
-- SQLite fires these and apa_links_insert (which rewrites prev and cohort of the row just inserted). Rows that
-- drop to 0 accounts stay (the readers skip them): a few hundred at most per grain.
INSERT INTO activity_by_prev (grain, period, prev, accounts, revenue, margin)
SELECT grain, period, coalesce(prev, -1), count(*), sum(revenue), sum(margin)
FROM account_period_activity GROUP BY grain, period, coalesce(prev, -1);
--> statement-breakpoint
INSERT INTO activity_by_cohort (grain, cohort, period, accounts, revenue, returned)
SELECT grain, cohort, period, count(*), sum(revenue), count(CASE WHEN prev = cohort THEN 1 END)
FROM account_period_activity GROUP BY grain, cohort, period;
--> statement-breakpoint
CREATE TRIGGER `apa_totals_insert` AFTER INSERT ON `account_period_activity` BEGIN
  INSERT INTO activity_by_prev (grain, period, prev, accounts, revenue, margin)
  VALUES (NEW.grain, NEW.period, coalesce(NEW.prev, -1), 1, NEW.revenue, NEW.margin)
  ON CONFLICT (grain, period, prev) DO UPDATE SET accounts = accounts + 1,
    revenue = revenue + excluded.revenue, margin = margin + excluded.margin;
  INSERT INTO activity_by_cohort (grain, cohort, period, accounts, revenue, returned)
  VALUES (NEW.grain, NEW.cohort, NEW.period, 1, NEW.revenue, NEW.prev IS NEW.cohort)
  ON CONFLICT (grain, cohort, period) DO UPDATE SET accounts = accounts + 1,
    revenue = revenue + excluded.revenue, returned = returned + excluded.returned;
END;
--> statement-breakpoint
CREATE TRIGGER `apa_totals_delete` AFTER DELETE ON `account_period_activity` BEGIN
  INSERT INTO activity_by_prev (grain, period, prev, accounts, revenue, margin)
  VALUES (OLD.grain, OLD.period, coalesce(OLD.prev, -1), -1, -OLD.revenue, -OLD.margin)
  ON CONFLICT (grain, period, prev) DO UPDATE SET accounts = accounts - 1,
    revenue = revenue + excluded.revenue, margin = margin + excluded.margin;
  INSERT INTO activity_by_cohort (grain, cohort, period, accounts, revenue, returned)
  VALUES (OLD.grain, OLD.cohort, OLD.period, -1, -OLD.revenue, -(OLD.prev IS OLD.cohort))
  ON CONFLICT (grain, cohort, period) DO UPDATE SET accounts = accounts - 1,
    revenue = revenue + excluded.revenue, returned = returned + excluded.returned;
END;
--> statement-breakpoint
-- The common case, an order added to a period the account already has: only the sums change, in place.
CREATE TRIGGER `apa_totals_update_sums` AFTER UPDATE ON `account_period_activity`
WHEN OLD.grain = NEW.grain AND OLD.period = NEW.period AND OLD.prev IS NEW.prev AND OLD.cohort = NEW.cohort
  AND (OLD.revenue <> NEW.revenue OR OLD.margin <> NEW.margin) BEGIN
  UPDATE activity_by_prev SET revenue = revenue + (NEW.revenue - OLD.revenue), margin = margin + (NEW.margin - OLD.margin)
  WHERE grain = NEW.grain AND period = NEW.period AND prev = coalesce(NEW.prev, -1);
  UPDATE activity_by_cohort SET revenue = revenue + (NEW.revenue - OLD.revenue)
  WHERE grain = NEW.grain AND cohort = NEW.cohort AND period = NEW.period;
END;
--> statement-breakpoint
-- A row that changes period, previous period or cohort (links after an insert or delete, an order moved) moves.
CREATE TRIGGER `apa_totals_update_move` AFTER UPDATE ON `account_period_activity`
WHEN NOT (OLD.grain = NEW.grain AND OLD.period = NEW.period AND OLD.prev IS NEW.prev AND OLD.cohort = NEW.cohort)
BEGIN
  INSERT INTO activity_by_prev (grain, period, prev, accounts, revenue, margin)
  VALUES (OLD.grain, OLD.period, coalesce(OLD.prev, -1), -1, -OLD.revenue, -OLD.margin)
  ON CONFLICT (grain, period, prev) DO UPDATE SET accounts = accounts - 1,
    revenue = revenue + excluded.revenue, margin = margin + excluded.margin;
  INSERT INTO activity_by_cohort (grain, cohort, period, accounts, revenue, returned)
  VALUES (OLD.grain, OLD.cohort, OLD.period, -1, -OLD.revenue, -(OLD.prev IS OLD.cohort))
  ON CONFLICT (grain, cohort, period) DO UPDATE SET accounts = accounts - 1,
    revenue = revenue + excluded.revenue, returned = returned + excluded.returned;
  INSERT INTO activity_by_prev (grain, period, prev, accounts, revenue, margin)
  VALUES (NEW.grain, NEW.period, coalesce(NEW.prev, -1), 1, NEW.revenue, NEW.margin)
  ON CONFLICT (grain, period, prev) DO UPDATE SET accounts = accounts + 1,
    revenue = revenue + excluded.revenue, margin = margin + excluded.margin;
  INSERT INTO activity_by_cohort (grain, cohort, period, accounts, revenue, returned)
  VALUES (NEW.grain, NEW.cohort, NEW.period, 1, NEW.revenue, NEW.prev IS NEW.cohort)
  ON CONFLICT (grain, cohort, period) DO UPDATE SET accounts = accounts + 1,
    revenue = revenue + excluded.revenue, returned = returned + excluded.returned;
END;
