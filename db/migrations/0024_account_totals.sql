CREATE TABLE `account_first_orders` (
	`first_order_at` integer NOT NULL,
	`account_id` integer NOT NULL,
	PRIMARY KEY(`first_order_at`, `account_id`)
);
--> statement-breakpoint
CREATE TABLE `account_totals` (
	`status` text NOT NULL,
	`rung` text NOT NULL,
	`level` text NOT NULL,
	`first_bucket` integer NOT NULL,
	`accounts` integer NOT NULL,
	`revenue` integer NOT NULL,
	`margin` integer NOT NULL,
	`first_sum` integer NOT NULL,
	PRIMARY KEY(`status`, `rung`, `level`, `first_bucket`)
);
--> statement-breakpoint
CREATE TABLE `defection_totals` (
	`bucket` integer NOT NULL,
	`from_rung` text NOT NULL,
	`level` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`bucket`, `from_rung`, `level`)
);
--> statement-breakpoint
CREATE TABLE `ladder_reached_totals` (
	`rung` text PRIMARY KEY NOT NULL,
	`reached` integer NOT NULL,
	`climbed` integer NOT NULL
);

--> statement-breakpoint
-- Hand-written: the backfill and the triggers that keep account_totals and account_first_orders for every
-- writer of accounts (app, import, REST API, seed). 2592000000 = FIRST_ORDER_BUCKET_MS (30 days), -1 =
-- NO_FIRST_ORDER (db/schema/executive.ts). The triggers run only when a column they sum or group by is in the
-- UPDATE's SET list; an order's update of the account's figures costs one upsert of one small row.
INSERT INTO account_totals (status, rung, level, first_bucket, accounts, revenue, margin, first_sum)
SELECT status, rung, level, coalesce(first_order_at / 2592000000, -1), count(*), sum(revenue), sum(margin),
  coalesce(sum(first_order_at), 0)
FROM accounts GROUP BY status, rung, level, coalesce(first_order_at / 2592000000, -1);
--> statement-breakpoint
INSERT INTO account_first_orders (first_order_at, account_id)
SELECT first_order_at, id FROM accounts WHERE first_order_at IS NOT NULL;
--> statement-breakpoint
CREATE TRIGGER `account_totals_insert` AFTER INSERT ON `accounts` BEGIN
  INSERT INTO account_totals (status, rung, level, first_bucket, accounts, revenue, margin, first_sum)
  VALUES (NEW.status, NEW.rung, NEW.level, coalesce(NEW.first_order_at / 2592000000, -1), 1, NEW.revenue,
    NEW.margin, coalesce(NEW.first_order_at, 0))
  ON CONFLICT (status, rung, level, first_bucket) DO UPDATE SET accounts = accounts + 1,
    revenue = revenue + excluded.revenue, margin = margin + excluded.margin, first_sum = first_sum + excluded.first_sum;
  INSERT INTO account_first_orders (first_order_at, account_id)
  SELECT NEW.first_order_at, NEW.id WHERE NEW.first_order_at IS NOT NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `account_totals_delete` AFTER DELETE ON `accounts` BEGIN
  INSERT INTO account_totals (status, rung, level, first_bucket, accounts, revenue, margin, first_sum)
  VALUES (OLD.status, OLD.rung, OLD.level, coalesce(OLD.first_order_at / 2592000000, -1), -1, -OLD.revenue,
    -OLD.margin, -coalesce(OLD.first_order_at, 0))
  ON CONFLICT (status, rung, level, first_bucket) DO UPDATE SET accounts = accounts - 1,
    revenue = revenue + excluded.revenue, margin = margin + excluded.margin, first_sum = first_sum + excluded.first_sum;
  DELETE FROM account_first_orders WHERE first_order_at = OLD.first_order_at AND account_id = OLD.id;
END;
--> statement-breakpoint
-- The common case (an order changes revenue and margin, nothing the row is grouped by): the sums, in place.
CREATE TRIGGER `account_totals_update_sums` AFTER UPDATE OF status, rung, level, first_order_at, revenue, margin ON `accounts`
WHEN OLD.status = NEW.status AND OLD.rung = NEW.rung AND OLD.level = NEW.level
  AND coalesce(OLD.first_order_at / 2592000000, -1) = coalesce(NEW.first_order_at / 2592000000, -1)
  AND (OLD.revenue <> NEW.revenue OR OLD.margin <> NEW.margin OR OLD.first_order_at IS NOT NEW.first_order_at) BEGIN
  INSERT INTO account_totals (status, rung, level, first_bucket, accounts, revenue, margin, first_sum)
  VALUES (NEW.status, NEW.rung, NEW.level, coalesce(NEW.first_order_at / 2592000000, -1), 0,
    NEW.revenue - OLD.revenue, NEW.margin - OLD.margin, coalesce(NEW.first_order_at, 0) - coalesce(OLD.first_order_at, 0))
  ON CONFLICT (status, rung, level, first_bucket) DO UPDATE SET revenue = revenue + excluded.revenue,
    margin = margin + excluded.margin, first_sum = first_sum + excluded.first_sum;
END;
--> statement-breakpoint
-- A move to another group (rung, status, level, or a first order in another bucket): out of one row, into another.
CREATE TRIGGER `account_totals_update_move` AFTER UPDATE OF status, rung, level, first_order_at, revenue, margin ON `accounts`
WHEN NOT (OLD.status = NEW.status AND OLD.rung = NEW.rung AND OLD.level = NEW.level
  AND coalesce(OLD.first_order_at / 2592000000, -1) = coalesce(NEW.first_order_at / 2592000000, -1)) BEGIN
  INSERT INTO account_totals (status, rung, level, first_bucket, accounts, revenue, margin, first_sum)
  VALUES (OLD.status, OLD.rung, OLD.level, coalesce(OLD.first_order_at / 2592000000, -1), -1, -OLD.revenue,
    -OLD.margin, -coalesce(OLD.first_order_at, 0))
  ON CONFLICT (status, rung, level, first_bucket) DO UPDATE SET accounts = accounts - 1,
    revenue = revenue + excluded.revenue, margin = margin + excluded.margin, first_sum = first_sum + excluded.first_sum;
  INSERT INTO account_totals (status, rung, level, first_bucket, accounts, revenue, margin, first_sum)
  VALUES (NEW.status, NEW.rung, NEW.level, coalesce(NEW.first_order_at / 2592000000, -1), 1, NEW.revenue,
    NEW.margin, coalesce(NEW.first_order_at, 0))
  ON CONFLICT (status, rung, level, first_bucket) DO UPDATE SET accounts = accounts + 1,
    revenue = revenue + excluded.revenue, margin = margin + excluded.margin, first_sum = first_sum + excluded.first_sum;
END;
--> statement-breakpoint
CREATE TRIGGER `account_first_orders_update` AFTER UPDATE OF first_order_at ON `accounts`
WHEN OLD.first_order_at IS NOT NEW.first_order_at BEGIN
  DELETE FROM account_first_orders WHERE first_order_at = OLD.first_order_at AND account_id = OLD.id;
  INSERT INTO account_first_orders (first_order_at, account_id)
  SELECT NEW.first_order_at, NEW.id WHERE NEW.first_order_at IS NOT NULL;
END;
--> statement-breakpoint
-- ladder_reached_totals: reached and climbed per rung, for every change of ladder_reached (the ladder_moves
-- trigger's upsert, a deleted account's cascade).
INSERT INTO ladder_reached_totals (rung, reached, climbed)
SELECT rung, count(*), count(climb_ms) FROM ladder_reached GROUP BY rung;
--> statement-breakpoint
CREATE TRIGGER `ladder_reached_totals_insert` AFTER INSERT ON `ladder_reached` BEGIN
  INSERT INTO ladder_reached_totals (rung, reached, climbed) VALUES (NEW.rung, 1, NEW.climb_ms IS NOT NULL)
  ON CONFLICT (rung) DO UPDATE SET reached = reached + 1, climbed = climbed + excluded.climbed;
END;
--> statement-breakpoint
CREATE TRIGGER `ladder_reached_totals_delete` AFTER DELETE ON `ladder_reached` BEGIN
  INSERT INTO ladder_reached_totals (rung, reached, climbed) VALUES (OLD.rung, -1, -(OLD.climb_ms IS NOT NULL))
  ON CONFLICT (rung) DO UPDATE SET reached = reached - 1, climbed = climbed + excluded.climbed;
END;
--> statement-breakpoint
CREATE TRIGGER `ladder_reached_totals_update` AFTER UPDATE OF rung, climb_ms ON `ladder_reached`
WHEN OLD.rung IS NOT NEW.rung OR (OLD.climb_ms IS NULL) <> (NEW.climb_ms IS NULL) BEGIN
  INSERT INTO ladder_reached_totals (rung, reached, climbed) VALUES (OLD.rung, -1, -(OLD.climb_ms IS NOT NULL))
  ON CONFLICT (rung) DO UPDATE SET reached = reached - 1, climbed = climbed + excluded.climbed;
  INSERT INTO ladder_reached_totals (rung, reached, climbed) VALUES (NEW.rung, 1, NEW.climb_ms IS NOT NULL)
  ON CONFLICT (rung) DO UPDATE SET reached = reached + 1, climbed = climbed + excluded.climbed;
END;
--> statement-breakpoint
-- defection_totals: defections (active → lapsed or lost) per 7-day bucket (604800000 = DEFECTION_BUCKET_MS),
-- rung left ('' for none) and the account's level now. A move without its account counts nowhere (lifetime
-- value joins the account). An account's own deletion takes its defections away before its moves cascade.
INSERT INTO defection_totals (bucket, from_rung, level, n)
SELECT m.at / 604800000, coalesce(m.from_rung, ''), a.level, count(*)
FROM ladder_moves m JOIN accounts a ON a.id = m.account_id
WHERE m.from_status = 'active' AND m.to_status IN ('lapsed', 'lost')
GROUP BY 1, 2, 3;
--> statement-breakpoint
CREATE TRIGGER `defection_totals_insert` AFTER INSERT ON `ladder_moves`
WHEN NEW.from_status = 'active' AND NEW.to_status IN ('lapsed', 'lost') BEGIN
  INSERT INTO defection_totals (bucket, from_rung, level, n)
  SELECT NEW.at / 604800000, coalesce(NEW.from_rung, ''), a.level, 1 FROM accounts a WHERE a.id = NEW.account_id
  ON CONFLICT (bucket, from_rung, level) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `defection_totals_delete` AFTER DELETE ON `ladder_moves`
WHEN OLD.from_status = 'active' AND OLD.to_status IN ('lapsed', 'lost') BEGIN
  INSERT INTO defection_totals (bucket, from_rung, level, n)
  SELECT OLD.at / 604800000, coalesce(OLD.from_rung, ''), a.level, -1 FROM accounts a WHERE a.id = OLD.account_id
  ON CONFLICT (bucket, from_rung, level) DO UPDATE SET n = n - 1;
END;
--> statement-breakpoint
CREATE TRIGGER `defection_totals_update` AFTER UPDATE OF account_id, at, from_rung, from_status, to_status ON `ladder_moves` BEGIN
  INSERT INTO defection_totals (bucket, from_rung, level, n)
  SELECT OLD.at / 604800000, coalesce(OLD.from_rung, ''), a.level, -1 FROM accounts a
  WHERE a.id = OLD.account_id AND OLD.from_status = 'active' AND OLD.to_status IN ('lapsed', 'lost')
  ON CONFLICT (bucket, from_rung, level) DO UPDATE SET n = n - 1;
  INSERT INTO defection_totals (bucket, from_rung, level, n)
  SELECT NEW.at / 604800000, coalesce(NEW.from_rung, ''), a.level, 1 FROM accounts a
  WHERE a.id = NEW.account_id AND NEW.from_status = 'active' AND NEW.to_status IN ('lapsed', 'lost')
  ON CONFLICT (bucket, from_rung, level) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `defection_totals_level` AFTER UPDATE OF level ON `accounts` WHEN OLD.level <> NEW.level BEGIN
  INSERT INTO defection_totals (bucket, from_rung, level, n)
  SELECT at / 604800000, coalesce(from_rung, ''), OLD.level, -count(*) FROM ladder_moves
  WHERE account_id = OLD.id AND from_status = 'active' AND to_status IN ('lapsed', 'lost') GROUP BY 1, 2
  ON CONFLICT (bucket, from_rung, level) DO UPDATE SET n = n + excluded.n;
  INSERT INTO defection_totals (bucket, from_rung, level, n)
  SELECT at / 604800000, coalesce(from_rung, ''), NEW.level, count(*) FROM ladder_moves
  WHERE account_id = NEW.id AND from_status = 'active' AND to_status IN ('lapsed', 'lost') GROUP BY 1, 2
  ON CONFLICT (bucket, from_rung, level) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER `defection_totals_account_delete` BEFORE DELETE ON `accounts` BEGIN
  INSERT INTO defection_totals (bucket, from_rung, level, n)
  SELECT at / 604800000, coalesce(from_rung, ''), OLD.level, -count(*) FROM ladder_moves
  WHERE account_id = OLD.id AND from_status = 'active' AND to_status IN ('lapsed', 'lost') GROUP BY 1, 2
  ON CONFLICT (bucket, from_rung, level) DO UPDATE SET n = n + excluded.n;
END;
