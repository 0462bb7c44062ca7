-- Hand-written: WITHOUT ROWID (an account's anchors are one b-tree range for the triggers).
CREATE TABLE `recent_buyers` (
	`account_id` integer NOT NULL,
	`anchor` integer NOT NULL,
	`next_order_at` integer,
	`first_complaint_at` integer,
	PRIMARY KEY(`account_id`, `anchor`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `recent_buyers_anchor_idx` ON `recent_buyers` (`anchor`,`first_complaint_at`,`next_order_at`);
--> statement-breakpoint
-- Hand-written: the backfill from the orders and complaints as they are, then the triggers that keep it for
-- every writer of orders and complaints (app, API, imports, seed). An order at t makes its account a recent
-- buyer of the month starts in (t, t + 30 days] (one, or two around February) and is the next order of the
-- account's anchors between its previous order and t; a complaint is the first of the anchors on or before it
-- whose first complaint was later. A deleted or moved order or complaint recomputes its accounts' rows.
INSERT INTO recent_buyers (account_id, anchor, next_order_at, first_complaint_at)
SELECT b.account_id, b.anchor, (SELECT min(o.ordered_at) FROM orders o WHERE o.account_id = b.account_id AND o.ordered_at > b.anchor),
  (SELECT min(c.received_at) FROM complaints c WHERE c.account_id = b.account_id AND c.received_at >= b.anchor)
FROM (SELECT DISTINCT account_id, anchor FROM (
    SELECT o.account_id, o.ordered_at,
      CAST(strftime('%s', o.ordered_at / 1000, 'unixepoch', 'start of month', m.step) AS INTEGER) * 1000 AS anchor
    FROM orders o, (SELECT '+1 month' AS step UNION ALL SELECT '+2 month') m
  ) WHERE anchor <= ordered_at + 2592000000) b;
--> statement-breakpoint
CREATE TRIGGER `orders_recent_buyers_insert` AFTER INSERT ON `orders` BEGIN
  INSERT INTO recent_buyers (account_id, anchor, next_order_at, first_complaint_at)
  SELECT NEW.account_id, b.anchor, (SELECT min(o.ordered_at) FROM orders o WHERE o.account_id = NEW.account_id AND o.ordered_at > b.anchor),
    (SELECT min(c.received_at) FROM complaints c WHERE c.account_id = NEW.account_id AND c.received_at >= b.anchor)
  FROM (SELECT CAST(strftime('%s', NEW.ordered_at / 1000, 'unixepoch', 'start of month', m.step) AS INTEGER) * 1000 AS anchor
    FROM (SELECT '+1 month' AS step UNION ALL SELECT '+2 month') m) b
  WHERE b.anchor <= NEW.ordered_at + 2592000000
  ON CONFLICT (account_id, anchor) DO NOTHING;
  UPDATE recent_buyers SET next_order_at = NEW.ordered_at
  WHERE account_id = NEW.account_id AND anchor < NEW.ordered_at
    AND anchor >= coalesce((SELECT max(o.ordered_at) FROM orders o
      WHERE o.account_id = NEW.account_id AND o.ordered_at < NEW.ordered_at), 0)
    AND (next_order_at IS NULL OR next_order_at > NEW.ordered_at);
END;
--> statement-breakpoint
CREATE TRIGGER `orders_recent_buyers_delete` AFTER DELETE ON `orders` BEGIN
  DELETE FROM recent_buyers WHERE account_id IN (OLD.account_id);
  INSERT INTO recent_buyers (account_id, anchor, next_order_at, first_complaint_at)
  SELECT b.account_id, b.anchor, (SELECT min(o.ordered_at) FROM orders o WHERE o.account_id = b.account_id AND o.ordered_at > b.anchor),
    (SELECT min(c.received_at) FROM complaints c WHERE c.account_id = b.account_id AND c.received_at >= b.anchor)
  FROM (SELECT DISTINCT account_id, anchor FROM (
      SELECT o.account_id, o.ordered_at,
        CAST(strftime('%s', o.ordered_at / 1000, 'unixepoch', 'start of month', m.step) AS INTEGER) * 1000 AS anchor
      FROM orders o, (SELECT '+1 month' AS step UNION ALL SELECT '+2 month') m
      WHERE o.account_id IN (OLD.account_id)
    ) WHERE anchor <= ordered_at + 2592000000) b
  WHERE true ON CONFLICT (account_id, anchor) DO NOTHING;
END;
--> statement-breakpoint
CREATE TRIGGER `orders_recent_buyers_update` AFTER UPDATE OF `ordered_at`, `account_id` ON `orders`
WHEN OLD.ordered_at IS NOT NEW.ordered_at OR OLD.account_id IS NOT NEW.account_id BEGIN
  DELETE FROM recent_buyers WHERE account_id IN (OLD.account_id, NEW.account_id);
  INSERT INTO recent_buyers (account_id, anchor, next_order_at, first_complaint_at)
  SELECT b.account_id, b.anchor, (SELECT min(o.ordered_at) FROM orders o WHERE o.account_id = b.account_id AND o.ordered_at > b.anchor),
    (SELECT min(c.received_at) FROM complaints c WHERE c.account_id = b.account_id AND c.received_at >= b.anchor)
  FROM (SELECT DISTINCT account_id, anchor FROM (
      SELECT o.account_id, o.ordered_at,
        CAST(strftime('%s', o.ordered_at / 1000, 'unixepoch', 'start of month', m.step) AS INTEGER) * 1000 AS anchor
      FROM orders o, (SELECT '+1 month' AS step UNION ALL SELECT '+2 month') m
      WHERE o.account_id IN (OLD.account_id, NEW.account_id)
    ) WHERE anchor <= ordered_at + 2592000000) b
  WHERE true ON CONFLICT (account_id, anchor) DO NOTHING;
END;
--> statement-breakpoint
CREATE TRIGGER `complaints_recent_buyers_insert` AFTER INSERT ON `complaints` BEGIN
  UPDATE recent_buyers SET first_complaint_at = NEW.received_at
  WHERE account_id = NEW.account_id AND anchor <= NEW.received_at
    AND (first_complaint_at IS NULL OR first_complaint_at > NEW.received_at);
END;
--> statement-breakpoint
CREATE TRIGGER `complaints_recent_buyers_delete` AFTER DELETE ON `complaints` BEGIN
  UPDATE recent_buyers SET first_complaint_at = (SELECT min(c.received_at) FROM complaints c WHERE c.account_id = recent_buyers.account_id AND c.received_at >= recent_buyers.anchor)
  WHERE account_id = OLD.account_id AND first_complaint_at = OLD.received_at;
END;
--> statement-breakpoint
CREATE TRIGGER `complaints_recent_buyers_update` AFTER UPDATE OF `received_at`, `account_id` ON `complaints`
WHEN OLD.received_at IS NOT NEW.received_at OR OLD.account_id IS NOT NEW.account_id BEGIN
  UPDATE recent_buyers SET first_complaint_at = (SELECT min(c.received_at) FROM complaints c WHERE c.account_id = recent_buyers.account_id AND c.received_at >= recent_buyers.anchor)
  WHERE account_id IN (OLD.account_id, NEW.account_id);
END;
