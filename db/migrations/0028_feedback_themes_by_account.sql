-- Hand-written: WITHOUT ROWID on both rollups (as 0026's: a value's month range is one b-tree range).
CREATE TABLE `feedback_credit_dim_rollup` (
	`dim` text NOT NULL,
	`value` text NOT NULL,
	`month` integer NOT NULL,
	`recorded_by_id` text NOT NULL,
	`interface` text NOT NULL,
	`n` integer NOT NULL,
	`problems` integer NOT NULL,
	PRIMARY KEY(`dim`, `value`, `month`, `recorded_by_id`, `interface`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `feedback_theme_dim_rollup` (
	`dim` text NOT NULL,
	`value` text NOT NULL,
	`month` integer NOT NULL,
	`theme` text NOT NULL,
	`interface` text NOT NULL,
	`sentiment` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`dim`, `value`, `month`, `theme`, `interface`, `sentiment`)
) WITHOUT ROWID;
--> statement-breakpoint
-- Hand-written: the backfill from the feedback and the accounts as they are, then the triggers that keep both
-- rollups for every writer (app, seed, imports). A piece counts once per dimension of its account now (4 rows
-- in each rollup). On accounts only a change of rung, level, segment or owner does anything: that account's
-- pieces (usually none or one: a probe of feedback_account_themes_idx) move from the old value to the new. An
-- account deleted takes its pieces out first (BEFORE DELETE); its feedback then goes by the cascade, whose
-- delete trigger no longer finds the account and counts nothing twice.
INSERT INTO feedback_theme_dim_rollup (dim, value, month, theme, interface, sentiment, n)
SELECT d.dim, CASE d.dim WHEN 'rung' THEN coalesce(a.rung, '') WHEN 'level' THEN coalesce(a.level, '')
    WHEN 'segment' THEN coalesce(a.segment, '') ELSE coalesce(a.owner_id, '') END, f.received_month, f.theme, f.interface, f.sentiment, count(*)
FROM feedback f JOIN accounts a ON a.id = f.account_id, (SELECT 'rung' AS dim UNION ALL SELECT 'level' UNION ALL SELECT 'segment' UNION ALL SELECT 'owner') d
GROUP BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
INSERT INTO feedback_credit_dim_rollup (dim, value, month, recorded_by_id, interface, n, problems)
SELECT d.dim, CASE d.dim WHEN 'rung' THEN coalesce(a.rung, '') WHEN 'level' THEN coalesce(a.level, '')
    WHEN 'segment' THEN coalesce(a.segment, '') ELSE coalesce(a.owner_id, '') END, f.received_month, f.recorded_by_id, f.interface, count(*), sum(f.sentiment = 'problem')
FROM feedback f JOIN accounts a ON a.id = f.account_id, (SELECT 'rung' AS dim UNION ALL SELECT 'level' UNION ALL SELECT 'segment' UNION ALL SELECT 'owner') d
GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
CREATE TRIGGER `feedback_dim_rollup_insert` AFTER INSERT ON `feedback` BEGIN
  INSERT INTO feedback_theme_dim_rollup (dim, value, month, theme, interface, sentiment, n)
  SELECT d.dim, CASE d.dim WHEN 'rung' THEN coalesce(a.rung, '') WHEN 'level' THEN coalesce(a.level, '')
    WHEN 'segment' THEN coalesce(a.segment, '') ELSE coalesce(a.owner_id, '') END, NEW.received_month, NEW.theme, NEW.interface, NEW.sentiment, 1
  FROM accounts a, (SELECT 'rung' AS dim UNION ALL SELECT 'level' UNION ALL SELECT 'segment' UNION ALL SELECT 'owner') d WHERE a.id = NEW.account_id
  ON CONFLICT (dim, value, month, theme, interface, sentiment) DO UPDATE SET n = n + excluded.n;
  INSERT INTO feedback_credit_dim_rollup (dim, value, month, recorded_by_id, interface, n, problems)
  SELECT d.dim, CASE d.dim WHEN 'rung' THEN coalesce(a.rung, '') WHEN 'level' THEN coalesce(a.level, '')
    WHEN 'segment' THEN coalesce(a.segment, '') ELSE coalesce(a.owner_id, '') END, NEW.received_month, NEW.recorded_by_id, NEW.interface, 1, 1 * (NEW.sentiment = 'problem')
  FROM accounts a, (SELECT 'rung' AS dim UNION ALL SELECT 'level' UNION ALL SELECT 'segment' UNION ALL SELECT 'owner') d WHERE a.id = NEW.account_id
  ON CONFLICT (dim, value, month, recorded_by_id, interface) DO UPDATE SET n = n + excluded.n,
    problems = problems + excluded.problems;
END;
--> statement-breakpoint
CREATE TRIGGER `feedback_dim_rollup_delete` AFTER DELETE ON `feedback` BEGIN
  INSERT INTO feedback_theme_dim_rollup (dim, value, month, theme, interface, sentiment, n)
  SELECT d.dim, CASE d.dim WHEN 'rung' THEN coalesce(a.rung, '') WHEN 'level' THEN coalesce(a.level, '')
    WHEN 'segment' THEN coalesce(a.segment, '') ELSE coalesce(a.owner_id, '') END, OLD.received_month, OLD.theme, OLD.interface, OLD.sentiment, -1
  FROM accounts a, (SELECT 'rung' AS dim UNION ALL SELECT 'level' UNION ALL SELECT 'segment' UNION ALL SELECT 'owner') d WHERE a.id = OLD.account_id
  ON CONFLICT (dim, value, month, theme, interface, sentiment) DO UPDATE SET n = n + excluded.n;
  INSERT INTO feedback_credit_dim_rollup (dim, value, month, recorded_by_id, interface, n, problems)
  SELECT d.dim, CASE d.dim WHEN 'rung' THEN coalesce(a.rung, '') WHEN 'level' THEN coalesce(a.level, '')
    WHEN 'segment' THEN coalesce(a.segment, '') ELSE coalesce(a.owner_id, '') END, OLD.received_month, OLD.recorded_by_id, OLD.interface, -1, -1 * (OLD.sentiment = 'problem')
  FROM accounts a, (SELECT 'rung' AS dim UNION ALL SELECT 'level' UNION ALL SELECT 'segment' UNION ALL SELECT 'owner') d WHERE a.id = OLD.account_id
  ON CONFLICT (dim, value, month, recorded_by_id, interface) DO UPDATE SET n = n + excluded.n,
    problems = problems + excluded.problems;
END;
--> statement-breakpoint
CREATE TRIGGER `feedback_dim_rollup_update` AFTER UPDATE OF `account_id`, `received_at`, `theme`, `interface`, `sentiment`, `recorded_by_id` ON `feedback`
WHEN OLD.account_id IS NOT NEW.account_id OR OLD.received_at IS NOT NEW.received_at OR OLD.theme IS NOT NEW.theme OR OLD.interface IS NOT NEW.interface OR OLD.sentiment IS NOT NEW.sentiment OR OLD.recorded_by_id IS NOT NEW.recorded_by_id BEGIN
  INSERT INTO feedback_theme_dim_rollup (dim, value, month, theme, interface, sentiment, n)
  SELECT d.dim, CASE d.dim WHEN 'rung' THEN coalesce(a.rung, '') WHEN 'level' THEN coalesce(a.level, '')
    WHEN 'segment' THEN coalesce(a.segment, '') ELSE coalesce(a.owner_id, '') END, OLD.received_month, OLD.theme, OLD.interface, OLD.sentiment, -1
  FROM accounts a, (SELECT 'rung' AS dim UNION ALL SELECT 'level' UNION ALL SELECT 'segment' UNION ALL SELECT 'owner') d WHERE a.id = OLD.account_id
  ON CONFLICT (dim, value, month, theme, interface, sentiment) DO UPDATE SET n = n + excluded.n;
  INSERT INTO feedback_credit_dim_rollup (dim, value, month, recorded_by_id, interface, n, problems)
  SELECT d.dim, CASE d.dim WHEN 'rung' THEN coalesce(a.rung, '') WHEN 'level' THEN coalesce(a.level, '')
    WHEN 'segment' THEN coalesce(a.segment, '') ELSE coalesce(a.owner_id, '') END, OLD.received_month, OLD.recorded_by_id, OLD.interface, -1, -1 * (OLD.sentiment = 'problem')
  FROM accounts a, (SELECT 'rung' AS dim UNION ALL SELECT 'level' UNION ALL SELECT 'segment' UNION ALL SELECT 'owner') d WHERE a.id = OLD.account_id
  ON CONFLICT (dim, value, month, recorded_by_id, interface) DO UPDATE SET n = n + excluded.n,
    problems = problems + excluded.problems;
  INSERT INTO feedback_theme_dim_rollup (dim, value, month, theme, interface, sentiment, n)
  SELECT d.dim, CASE d.dim WHEN 'rung' THEN coalesce(a.rung, '') WHEN 'level' THEN coalesce(a.level, '')
    WHEN 'segment' THEN coalesce(a.segment, '') ELSE coalesce(a.owner_id, '') END, NEW.received_month, NEW.theme, NEW.interface, NEW.sentiment, 1
  FROM accounts a, (SELECT 'rung' AS dim UNION ALL SELECT 'level' UNION ALL SELECT 'segment' UNION ALL SELECT 'owner') d WHERE a.id = NEW.account_id
  ON CONFLICT (dim, value, month, theme, interface, sentiment) DO UPDATE SET n = n + excluded.n;
  INSERT INTO feedback_credit_dim_rollup (dim, value, month, recorded_by_id, interface, n, problems)
  SELECT d.dim, CASE d.dim WHEN 'rung' THEN coalesce(a.rung, '') WHEN 'level' THEN coalesce(a.level, '')
    WHEN 'segment' THEN coalesce(a.segment, '') ELSE coalesce(a.owner_id, '') END, NEW.received_month, NEW.recorded_by_id, NEW.interface, 1, 1 * (NEW.sentiment = 'problem')
  FROM accounts a, (SELECT 'rung' AS dim UNION ALL SELECT 'level' UNION ALL SELECT 'segment' UNION ALL SELECT 'owner') d WHERE a.id = NEW.account_id
  ON CONFLICT (dim, value, month, recorded_by_id, interface) DO UPDATE SET n = n + excluded.n,
    problems = problems + excluded.problems;
END;
--> statement-breakpoint
CREATE TRIGGER `accounts_feedback_dim_rollup_update` AFTER UPDATE OF `rung`, `level`, `segment`, `owner_id` ON `accounts`
WHEN OLD.rung IS NOT NEW.rung OR OLD.level IS NOT NEW.level OR OLD.segment IS NOT NEW.segment OR OLD.owner_id IS NOT NEW.owner_id BEGIN
  INSERT INTO feedback_theme_dim_rollup (dim, value, month, theme, interface, sentiment, n)
  SELECT d.dim, d.value, f.received_month, f.theme, f.interface, f.sentiment, d.sign * count(*)
  FROM feedback f, (
    SELECT 'rung' AS dim, coalesce(OLD.rung, '') AS value, -1 AS sign WHERE OLD.rung IS NOT NEW.rung
    UNION ALL SELECT 'rung', coalesce(NEW.rung, ''), 1 WHERE OLD.rung IS NOT NEW.rung
    UNION ALL SELECT 'level' AS dim, coalesce(OLD.level, '') AS value, -1 AS sign WHERE OLD.level IS NOT NEW.level
    UNION ALL SELECT 'level', coalesce(NEW.level, ''), 1 WHERE OLD.level IS NOT NEW.level
    UNION ALL SELECT 'segment' AS dim, coalesce(OLD.segment, '') AS value, -1 AS sign WHERE OLD.segment IS NOT NEW.segment
    UNION ALL SELECT 'segment', coalesce(NEW.segment, ''), 1 WHERE OLD.segment IS NOT NEW.segment
    UNION ALL SELECT 'owner' AS dim, coalesce(OLD.owner_id, '') AS value, -1 AS sign WHERE OLD.owner_id IS NOT NEW.owner_id
    UNION ALL SELECT 'owner', coalesce(NEW.owner_id, ''), 1 WHERE OLD.owner_id IS NOT NEW.owner_id
  ) d WHERE f.account_id = NEW.id
  GROUP BY d.dim, d.value, d.sign, f.received_month, f.theme, f.interface, f.sentiment
  ON CONFLICT (dim, value, month, theme, interface, sentiment) DO UPDATE SET n = n + excluded.n;
  INSERT INTO feedback_credit_dim_rollup (dim, value, month, recorded_by_id, interface, n, problems)
  SELECT d.dim, d.value, f.received_month, f.recorded_by_id, f.interface, d.sign * count(*),
    d.sign * sum(f.sentiment = 'problem')
  FROM feedback f, (
    SELECT 'rung' AS dim, coalesce(OLD.rung, '') AS value, -1 AS sign WHERE OLD.rung IS NOT NEW.rung
    UNION ALL SELECT 'rung', coalesce(NEW.rung, ''), 1 WHERE OLD.rung IS NOT NEW.rung
    UNION ALL SELECT 'level' AS dim, coalesce(OLD.level, '') AS value, -1 AS sign WHERE OLD.level IS NOT NEW.level
    UNION ALL SELECT 'level', coalesce(NEW.level, ''), 1 WHERE OLD.level IS NOT NEW.level
    UNION ALL SELECT 'segment' AS dim, coalesce(OLD.segment, '') AS value, -1 AS sign WHERE OLD.segment IS NOT NEW.segment
    UNION ALL SELECT 'segment', coalesce(NEW.segment, ''), 1 WHERE OLD.segment IS NOT NEW.segment
    UNION ALL SELECT 'owner' AS dim, coalesce(OLD.owner_id, '') AS value, -1 AS sign WHERE OLD.owner_id IS NOT NEW.owner_id
    UNION ALL SELECT 'owner', coalesce(NEW.owner_id, ''), 1 WHERE OLD.owner_id IS NOT NEW.owner_id
  ) d WHERE f.account_id = NEW.id
  GROUP BY d.dim, d.value, d.sign, f.received_month, f.recorded_by_id, f.interface
  ON CONFLICT (dim, value, month, recorded_by_id, interface) DO UPDATE SET n = n + excluded.n,
    problems = problems + excluded.problems;
END;
--> statement-breakpoint
CREATE TRIGGER `accounts_feedback_dim_rollup_delete` BEFORE DELETE ON `accounts` BEGIN
  INSERT INTO feedback_theme_dim_rollup (dim, value, month, theme, interface, sentiment, n)
  SELECT d.dim, d.value, f.received_month, f.theme, f.interface, f.sentiment, d.sign * count(*)
  FROM feedback f, (
    SELECT 'rung' AS dim, coalesce(OLD.rung, '') AS value, -1 AS sign
    UNION ALL SELECT 'level', coalesce(OLD.level, ''), -1
    UNION ALL SELECT 'segment', coalesce(OLD.segment, ''), -1
    UNION ALL SELECT 'owner', coalesce(OLD.owner_id, ''), -1
  ) d WHERE f.account_id = OLD.id
  GROUP BY d.dim, d.value, d.sign, f.received_month, f.theme, f.interface, f.sentiment
  ON CONFLICT (dim, value, month, theme, interface, sentiment) DO UPDATE SET n = n + excluded.n;
  INSERT INTO feedback_credit_dim_rollup (dim, value, month, recorded_by_id, interface, n, problems)
  SELECT d.dim, d.value, f.received_month, f.recorded_by_id, f.interface, d.sign * count(*),
    d.sign * sum(f.sentiment = 'problem')
  FROM feedback f, (
    SELECT 'rung' AS dim, coalesce(OLD.rung, '') AS value, -1 AS sign
    UNION ALL SELECT 'level', coalesce(OLD.level, ''), -1
    UNION ALL SELECT 'segment', coalesce(OLD.segment, ''), -1
    UNION ALL SELECT 'owner', coalesce(OLD.owner_id, ''), -1
  ) d WHERE f.account_id = OLD.id
  GROUP BY d.dim, d.value, d.sign, f.received_month, f.recorded_by_id, f.interface
  ON CONFLICT (dim, value, month, recorded_by_id, interface) DO UPDATE SET n = n + excluded.n,
    problems = problems + excluded.problems;
END;
