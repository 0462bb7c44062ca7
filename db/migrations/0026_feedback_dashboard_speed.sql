-- Hand-written: WITHOUT ROWID on the four rollup tables (drizzle-kit has no word for it; the rows live in their
-- primary key, so a month range is read from one b-tree without a lookup per row).
CREATE TABLE `feedback_credit_rollup` (
	`month` integer NOT NULL,
	`recorded_by_id` text NOT NULL,
	`interface` text NOT NULL,
	`n` integer NOT NULL,
	`problems` integer NOT NULL,
	PRIMARY KEY(`month`, `recorded_by_id`, `interface`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `feedback_theme_rollup` (
	`month` integer NOT NULL,
	`theme` text NOT NULL,
	`interface` text NOT NULL,
	`sentiment` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`month`, `theme`, `interface`, `sentiment`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `survey_answer_rollup` (
	`dim` text NOT NULL,
	`kind` text NOT NULL,
	`month` integer NOT NULL,
	`value` text NOT NULL,
	`cls` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`dim`, `kind`, `month`, `value`, `cls`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `survey_sent_rollup` (
	`dim` text NOT NULL,
	`kind` text NOT NULL,
	`month` integer NOT NULL,
	`value` text NOT NULL,
	`sent` integer NOT NULL,
	`answered` integer NOT NULL,
	PRIMARY KEY(`dim`, `kind`, `month`, `value`)
) WITHOUT ROWID;
--> statement-breakpoint
ALTER TABLE `surveys` ADD `prev_class_at` integer;--> statement-breakpoint
ALTER TABLE `surveys` ADD `prev_sent_at` integer;--> statement-breakpoint
ALTER TABLE `surveys` ADD `answered_from_sent_at` integer;--> statement-breakpoint
-- Hand-written (staying): the backfill of the three columns (window functions over each account's relationship
-- surveys), then the indexes, then the triggers that keep the columns for every writer of surveys (app, seed, imports).
-- In the triggers' lookups the unary + keeps the planner on the account's rows (surveys_account_idx): the
-- staying indexes would otherwise look attractive for a range of sent_at or answered_at over every account.
UPDATE surveys SET prev_class_at = w.prev_class_at, prev_sent_at = w.prev_sent_at,
  answered_from_sent_at = w.answered_from_sent_at
FROM (
  SELECT id,
    CASE WHEN answered_at IS NOT NULL THEN lag(answered_at) OVER (
      PARTITION BY account_id, answered_at IS NOT NULL, answer_class ORDER BY answered_at, id) END AS prev_class_at,
    lag(sent_at) OVER (PARTITION BY account_id ORDER BY sent_at, id) AS prev_sent_at,
    min(CASE WHEN answered_at IS NOT NULL THEN sent_at END) OVER (
      PARTITION BY account_id ORDER BY sent_at DESC, id DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    ) AS answered_from_sent_at
  FROM surveys WHERE kind = 'nps'
) w
WHERE surveys.id = w.id;
--> statement-breakpoint
CREATE INDEX `surveys_staying_answers_idx` ON `surveys` (`answer_class`,`answered_at`,`prev_class_at`,`next_order_at`,`defected_at`,`account_id`) WHERE "surveys"."kind" = 'nps' AND "surveys"."answered_at" IS NOT NULL;
--> statement-breakpoint
CREATE INDEX `surveys_staying_sent_idx` ON `surveys` (`sent_at`,`prev_sent_at`,`answered_from_sent_at`,`next_order_at`,`defected_at`) WHERE "surveys"."kind" = 'nps';
--> statement-breakpoint
CREATE INDEX `feedback_account_themes_idx` ON `feedback` (`account_id`,`received_at`,`theme`,`interface`,`sentiment`,`recorded_by_id`);
--> statement-breakpoint
-- A new survey: its own three columns; the survey sent next now follows it; answered, the surveys sent before
-- it (back to the account's previous answered one) see an answer from it on, and the account's next answer of
-- its class now follows it. Sent-order lookups walk surveys_account_idx (account_id, sent_at) from NEW.sent_at.
CREATE TRIGGER `surveys_staying_firsts_insert` AFTER INSERT ON `surveys` WHEN NEW.kind = 'nps' BEGIN
  UPDATE surveys SET
    prev_sent_at = (SELECT p.sent_at FROM surveys p WHERE p.account_id = NEW.account_id
      AND p.sent_at <= NEW.sent_at AND (p.sent_at < NEW.sent_at OR p.id < NEW.id) AND +p.kind = 'nps'
      ORDER BY p.sent_at DESC, p.id DESC LIMIT 1),
    answered_from_sent_at = (SELECT p.sent_at FROM surveys p WHERE p.account_id = NEW.account_id
      AND p.sent_at >= NEW.sent_at AND (p.sent_at > NEW.sent_at OR p.id >= NEW.id) AND +p.kind = 'nps'
      AND +p.answered_at IS NOT NULL
      ORDER BY p.sent_at, p.id LIMIT 1),
    prev_class_at = CASE WHEN NEW.answered_at IS NOT NULL THEN (SELECT max(p.answered_at) FROM surveys p
      WHERE p.account_id = NEW.account_id AND +p.kind = 'nps'
      AND +p.answered_at IS NOT NULL AND +p.answer_class = NEW.answer_class
      AND (+p.answered_at < NEW.answered_at OR (+p.answered_at = NEW.answered_at AND p.id < NEW.id))) END
  WHERE id = NEW.id;
  UPDATE surveys SET prev_sent_at = NEW.sent_at WHERE id = (SELECT p.id FROM surveys p
    WHERE p.account_id = NEW.account_id AND p.sent_at >= NEW.sent_at AND (p.sent_at > NEW.sent_at OR p.id > NEW.id)
      AND +p.kind = 'nps'
    ORDER BY p.sent_at, p.id LIMIT 1);
  UPDATE surveys SET answered_from_sent_at = NEW.sent_at
  WHERE NEW.answered_at IS NOT NULL AND account_id = NEW.account_id
    AND sent_at <= NEW.sent_at AND (sent_at < NEW.sent_at OR id < NEW.id) AND +kind = 'nps'
    AND sent_at >= coalesce((SELECT p.sent_at FROM surveys p WHERE p.account_id = NEW.account_id
      AND p.sent_at <= NEW.sent_at AND (p.sent_at < NEW.sent_at OR p.id < NEW.id) AND +p.kind = 'nps'
      AND +p.answered_at IS NOT NULL ORDER BY p.sent_at DESC, p.id DESC LIMIT 1), -9007199254740991)
    AND (+answered_from_sent_at IS NULL OR +answered_from_sent_at > NEW.sent_at);
  UPDATE surveys SET prev_class_at = NEW.answered_at WHERE NEW.answered_at IS NOT NULL AND id = (SELECT p.id
    FROM surveys p WHERE p.account_id = NEW.account_id AND +p.kind = 'nps' AND +p.answered_at IS NOT NULL
      AND +p.answer_class = NEW.answer_class
      AND (+p.answered_at > NEW.answered_at OR (+p.answered_at = NEW.answered_at AND p.id > NEW.id))
    ORDER BY +p.answered_at, p.id LIMIT 1);
END;
--> statement-breakpoint
-- Answered, moved or changed: the account's (both accounts') relationship surveys again, from scratch.
CREATE TRIGGER `surveys_staying_firsts_update` AFTER UPDATE OF `kind`, `account_id`, `sent_at`, `answered_at`, `score` ON `surveys`
WHEN OLD.kind = 'nps' OR NEW.kind = 'nps' BEGIN
  UPDATE surveys SET
    prev_sent_at = CASE WHEN +kind = 'nps' THEN (SELECT max(p.sent_at) FROM surveys p WHERE p.account_id = surveys.account_id AND +p.kind = 'nps'
      AND (+p.sent_at < surveys.sent_at OR (+p.sent_at = surveys.sent_at AND p.id < surveys.id))) END,
    answered_from_sent_at = CASE WHEN +kind = 'nps' THEN (SELECT min(p.sent_at) FROM surveys p WHERE p.account_id = surveys.account_id AND +p.kind = 'nps'
      AND +p.answered_at IS NOT NULL AND (+p.sent_at > surveys.sent_at OR (+p.sent_at = surveys.sent_at AND p.id >= surveys.id))) END,
    prev_class_at = CASE WHEN +kind = 'nps' AND +answered_at IS NOT NULL THEN (SELECT max(p.answered_at) FROM surveys p WHERE p.account_id = surveys.account_id AND +p.kind = 'nps'
      AND +p.answered_at IS NOT NULL AND +p.answer_class = surveys.answer_class
      AND (+p.answered_at < surveys.answered_at OR (+p.answered_at = surveys.answered_at AND p.id < surveys.id))) END
  WHERE account_id IN (OLD.account_id, NEW.account_id);
END;
--> statement-breakpoint
CREATE TRIGGER `surveys_staying_firsts_delete` AFTER DELETE ON `surveys` WHEN OLD.kind = 'nps' BEGIN
  UPDATE surveys SET
    prev_sent_at = CASE WHEN +kind = 'nps' THEN (SELECT max(p.sent_at) FROM surveys p WHERE p.account_id = surveys.account_id AND +p.kind = 'nps'
      AND (+p.sent_at < surveys.sent_at OR (+p.sent_at = surveys.sent_at AND p.id < surveys.id))) END,
    answered_from_sent_at = CASE WHEN +kind = 'nps' THEN (SELECT min(p.sent_at) FROM surveys p WHERE p.account_id = surveys.account_id AND +p.kind = 'nps'
      AND +p.answered_at IS NOT NULL AND (+p.sent_at > surveys.sent_at OR (+p.sent_at = surveys.sent_at AND p.id >= surveys.id))) END,
    prev_class_at = CASE WHEN +kind = 'nps' AND +answered_at IS NOT NULL THEN (SELECT max(p.answered_at) FROM surveys p WHERE p.account_id = surveys.account_id AND +p.kind = 'nps'
      AND +p.answered_at IS NOT NULL AND +p.answer_class = surveys.answer_class
      AND (+p.answered_at < surveys.answered_at OR (+p.answered_at = surveys.answered_at AND p.id < surveys.id))) END
  WHERE account_id = OLD.account_id;
END;
--> statement-breakpoint
-- Hand-written (rollups): the triggers that keep the feedback dashboard's rollups for every writer of surveys
-- and feedback (app, seed, imports), and the backfill of what was written before this migration. Months are answer_month, sent_month and received_month
-- (year * 12 + month - 1, UTC). A missing rung, level, segment, owner or outcome is
-- stored as ''. Rows may fall to zero after deletes or changes; readers skip them.
INSERT INTO survey_answer_rollup (dim, kind, month, value, cls, n)
SELECT d.dim, s.kind, s.answer_month,
  CASE d.dim WHEN 'rung' THEN coalesce(s.rung, '') WHEN 'level' THEN coalesce(s.level, '')
    WHEN 'segment' THEN coalesce(s.segment, '') WHEN 'owner' THEN coalesce(s.owner_id, '')
    ELSE coalesce(s.complaint_outcome, '') END,
  s.answer_class, count(*)
FROM surveys s, (SELECT 'rung' AS dim UNION ALL SELECT 'level' UNION ALL SELECT 'segment' UNION ALL SELECT 'owner'
  UNION ALL SELECT 'outcome') d
WHERE s.answered_at IS NOT NULL AND s.answer_class IS NOT NULL
GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
INSERT INTO survey_sent_rollup (dim, kind, month, value, sent, answered)
SELECT d.dim, s.kind, s.sent_month,
  CASE d.dim WHEN 'rung' THEN coalesce(s.rung, '') WHEN 'level' THEN coalesce(s.level, '')
    WHEN 'segment' THEN coalesce(s.segment, '') ELSE coalesce(s.owner_id, '') END,
  count(*), count(s.answered_at)
FROM surveys s, (SELECT 'rung' AS dim UNION ALL SELECT 'level' UNION ALL SELECT 'segment' UNION ALL SELECT 'owner') d
GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO feedback_theme_rollup (month, theme, interface, sentiment, n)
SELECT f.received_month, f.theme, f.interface, f.sentiment, count(*) FROM feedback f GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO feedback_credit_rollup (month, recorded_by_id, interface, n, problems)
SELECT f.received_month, f.recorded_by_id, f.interface, count(*), sum(f.sentiment = 'problem') FROM feedback f
GROUP BY 1, 2, 3;
--> statement-breakpoint
-- Removing a row's counts adds -1 through the same upsert (the row is there: it was counted).
CREATE TRIGGER `surveys_rollup_insert` AFTER INSERT ON `surveys` BEGIN
  INSERT INTO survey_answer_rollup (dim, kind, month, value, cls, n)
  SELECT d.dim, NEW.kind, NEW.answer_month, d.value, NEW.answer_class, 1 FROM (
    SELECT 'rung' AS dim, coalesce(NEW.rung, '') AS value UNION ALL SELECT 'level', coalesce(NEW.level, '')
    UNION ALL SELECT 'segment', coalesce(NEW.segment, '') UNION ALL SELECT 'owner', coalesce(NEW.owner_id, '')
    UNION ALL SELECT 'outcome', coalesce(NEW.complaint_outcome, '')
  ) d WHERE NEW.answered_at IS NOT NULL AND NEW.answer_class IS NOT NULL
  ON CONFLICT (dim, kind, month, value, cls) DO UPDATE SET n = n + excluded.n;
  INSERT INTO survey_sent_rollup (dim, kind, month, value, sent, answered)
  SELECT d.dim, NEW.kind, NEW.sent_month, d.value, 1, 1 * (NEW.answered_at IS NOT NULL) FROM (
    SELECT 'rung' AS dim, coalesce(NEW.rung, '') AS value UNION ALL SELECT 'level', coalesce(NEW.level, '')
    UNION ALL SELECT 'segment', coalesce(NEW.segment, '') UNION ALL SELECT 'owner', coalesce(NEW.owner_id, '')
  ) d WHERE true
  ON CONFLICT (dim, kind, month, value) DO UPDATE SET sent = sent + excluded.sent,
    answered = answered + excluded.answered;
END;
--> statement-breakpoint
CREATE TRIGGER `surveys_rollup_delete` AFTER DELETE ON `surveys` BEGIN
  INSERT INTO survey_answer_rollup (dim, kind, month, value, cls, n)
  SELECT d.dim, OLD.kind, OLD.answer_month, d.value, OLD.answer_class, -1 FROM (
    SELECT 'rung' AS dim, coalesce(OLD.rung, '') AS value UNION ALL SELECT 'level', coalesce(OLD.level, '')
    UNION ALL SELECT 'segment', coalesce(OLD.segment, '') UNION ALL SELECT 'owner', coalesce(OLD.owner_id, '')
    UNION ALL SELECT 'outcome', coalesce(OLD.complaint_outcome, '')
  ) d WHERE OLD.answered_at IS NOT NULL AND OLD.answer_class IS NOT NULL
  ON CONFLICT (dim, kind, month, value, cls) DO UPDATE SET n = n + excluded.n;
  INSERT INTO survey_sent_rollup (dim, kind, month, value, sent, answered)
  SELECT d.dim, OLD.kind, OLD.sent_month, d.value, -1, -1 * (OLD.answered_at IS NOT NULL) FROM (
    SELECT 'rung' AS dim, coalesce(OLD.rung, '') AS value UNION ALL SELECT 'level', coalesce(OLD.level, '')
    UNION ALL SELECT 'segment', coalesce(OLD.segment, '') UNION ALL SELECT 'owner', coalesce(OLD.owner_id, '')
  ) d WHERE true
  ON CONFLICT (dim, kind, month, value) DO UPDATE SET sent = sent + excluded.sent,
    answered = answered + excluded.answered;
END;
--> statement-breakpoint
CREATE TRIGGER `surveys_rollup_update` AFTER UPDATE OF `kind`, `sent_at`, `answered_at`, `score`, `rung`, `level`, `segment`, `owner_id`, `complaint_outcome` ON `surveys` BEGIN
  INSERT INTO survey_answer_rollup (dim, kind, month, value, cls, n)
  SELECT d.dim, OLD.kind, OLD.answer_month, d.value, OLD.answer_class, -1 FROM (
    SELECT 'rung' AS dim, coalesce(OLD.rung, '') AS value UNION ALL SELECT 'level', coalesce(OLD.level, '')
    UNION ALL SELECT 'segment', coalesce(OLD.segment, '') UNION ALL SELECT 'owner', coalesce(OLD.owner_id, '')
    UNION ALL SELECT 'outcome', coalesce(OLD.complaint_outcome, '')
  ) d WHERE OLD.answered_at IS NOT NULL AND OLD.answer_class IS NOT NULL
  ON CONFLICT (dim, kind, month, value, cls) DO UPDATE SET n = n + excluded.n;
  INSERT INTO survey_sent_rollup (dim, kind, month, value, sent, answered)
  SELECT d.dim, OLD.kind, OLD.sent_month, d.value, -1, -1 * (OLD.answered_at IS NOT NULL) FROM (
    SELECT 'rung' AS dim, coalesce(OLD.rung, '') AS value UNION ALL SELECT 'level', coalesce(OLD.level, '')
    UNION ALL SELECT 'segment', coalesce(OLD.segment, '') UNION ALL SELECT 'owner', coalesce(OLD.owner_id, '')
  ) d WHERE true
  ON CONFLICT (dim, kind, month, value) DO UPDATE SET sent = sent + excluded.sent,
    answered = answered + excluded.answered;
  INSERT INTO survey_answer_rollup (dim, kind, month, value, cls, n)
  SELECT d.dim, NEW.kind, NEW.answer_month, d.value, NEW.answer_class, 1 FROM (
    SELECT 'rung' AS dim, coalesce(NEW.rung, '') AS value UNION ALL SELECT 'level', coalesce(NEW.level, '')
    UNION ALL SELECT 'segment', coalesce(NEW.segment, '') UNION ALL SELECT 'owner', coalesce(NEW.owner_id, '')
    UNION ALL SELECT 'outcome', coalesce(NEW.complaint_outcome, '')
  ) d WHERE NEW.answered_at IS NOT NULL AND NEW.answer_class IS NOT NULL
  ON CONFLICT (dim, kind, month, value, cls) DO UPDATE SET n = n + excluded.n;
  INSERT INTO survey_sent_rollup (dim, kind, month, value, sent, answered)
  SELECT d.dim, NEW.kind, NEW.sent_month, d.value, 1, 1 * (NEW.answered_at IS NOT NULL) FROM (
    SELECT 'rung' AS dim, coalesce(NEW.rung, '') AS value UNION ALL SELECT 'level', coalesce(NEW.level, '')
    UNION ALL SELECT 'segment', coalesce(NEW.segment, '') UNION ALL SELECT 'owner', coalesce(NEW.owner_id, '')
  ) d WHERE true
  ON CONFLICT (dim, kind, month, value) DO UPDATE SET sent = sent + excluded.sent,
    answered = answered + excluded.answered;
END;
--> statement-breakpoint
CREATE TRIGGER `feedback_rollup_insert` AFTER INSERT ON `feedback` BEGIN
  INSERT INTO feedback_theme_rollup (month, theme, interface, sentiment, n)
  VALUES (NEW.received_month, NEW.theme, NEW.interface, NEW.sentiment, 1)
  ON CONFLICT (month, theme, interface, sentiment) DO UPDATE SET n = n + excluded.n;
  INSERT INTO feedback_credit_rollup (month, recorded_by_id, interface, n, problems)
  VALUES (NEW.received_month, NEW.recorded_by_id, NEW.interface, 1, 1 * (NEW.sentiment = 'problem'))
  ON CONFLICT (month, recorded_by_id, interface) DO UPDATE SET n = n + excluded.n,
    problems = problems + excluded.problems;
END;
--> statement-breakpoint
CREATE TRIGGER `feedback_rollup_delete` AFTER DELETE ON `feedback` BEGIN
  INSERT INTO feedback_theme_rollup (month, theme, interface, sentiment, n)
  VALUES (OLD.received_month, OLD.theme, OLD.interface, OLD.sentiment, -1)
  ON CONFLICT (month, theme, interface, sentiment) DO UPDATE SET n = n + excluded.n;
  INSERT INTO feedback_credit_rollup (month, recorded_by_id, interface, n, problems)
  VALUES (OLD.received_month, OLD.recorded_by_id, OLD.interface, -1, -1 * (OLD.sentiment = 'problem'))
  ON CONFLICT (month, recorded_by_id, interface) DO UPDATE SET n = n + excluded.n,
    problems = problems + excluded.problems;
END;
--> statement-breakpoint
CREATE TRIGGER `feedback_rollup_update` AFTER UPDATE OF `received_at`, `theme`, `interface`, `sentiment`, `recorded_by_id` ON `feedback` BEGIN
  INSERT INTO feedback_theme_rollup (month, theme, interface, sentiment, n)
  VALUES (OLD.received_month, OLD.theme, OLD.interface, OLD.sentiment, -1)
  ON CONFLICT (month, theme, interface, sentiment) DO UPDATE SET n = n + excluded.n;
  INSERT INTO feedback_credit_rollup (month, recorded_by_id, interface, n, problems)
  VALUES (OLD.received_month, OLD.recorded_by_id, OLD.interface, -1, -1 * (OLD.sentiment = 'problem'))
  ON CONFLICT (month, recorded_by_id, interface) DO UPDATE SET n = n + excluded.n,
    problems = problems + excluded.problems;
  INSERT INTO feedback_theme_rollup (month, theme, interface, sentiment, n)
  VALUES (NEW.received_month, NEW.theme, NEW.interface, NEW.sentiment, 1)
  ON CONFLICT (month, theme, interface, sentiment) DO UPDATE SET n = n + excluded.n;
  INSERT INTO feedback_credit_rollup (month, recorded_by_id, interface, n, problems)
  VALUES (NEW.received_month, NEW.recorded_by_id, NEW.interface, 1, 1 * (NEW.sentiment = 'problem'))
  ON CONFLICT (month, recorded_by_id, interface) DO UPDATE SET n = n + excluded.n,
    problems = problems + excluded.problems;
END;
