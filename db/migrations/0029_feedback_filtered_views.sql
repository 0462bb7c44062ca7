-- Hand-written: WITHOUT ROWID on the six rollups (as 0026's: a value's month range is one b-tree range).
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
CREATE TABLE `survey_answer_cube` (
	`kind` text NOT NULL,
	`month` integer NOT NULL,
	`rung` text NOT NULL,
	`level` text NOT NULL,
	`segment` text NOT NULL,
	`outcome` text NOT NULL,
	`cls` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`kind`, `month`, `rung`, `level`, `segment`, `outcome`, `cls`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `survey_answer_pair_rollup` (
	`a_dim` text NOT NULL,
	`a_value` text NOT NULL,
	`b_dim` text NOT NULL,
	`kind` text NOT NULL,
	`month` integer NOT NULL,
	`b_value` text NOT NULL,
	`cls` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`a_dim`, `a_value`, `b_dim`, `kind`, `month`, `b_value`, `cls`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `survey_sent_cube` (
	`kind` text NOT NULL,
	`month` integer NOT NULL,
	`rung` text NOT NULL,
	`level` text NOT NULL,
	`segment` text NOT NULL,
	`sent` integer NOT NULL,
	`answered` integer NOT NULL,
	PRIMARY KEY(`kind`, `month`, `rung`, `level`, `segment`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `survey_sent_pair_rollup` (
	`a_dim` text NOT NULL,
	`a_value` text NOT NULL,
	`b_dim` text NOT NULL,
	`kind` text NOT NULL,
	`month` integer NOT NULL,
	`b_value` text NOT NULL,
	`sent` integer NOT NULL,
	`answered` integer NOT NULL,
	PRIMARY KEY(`a_dim`, `a_value`, `b_dim`, `kind`, `month`, `b_value`)
) WITHOUT ROWID;
--> statement-breakpoint
DROP INDEX `surveys_staying_answers_idx`;--> statement-breakpoint
DROP INDEX `surveys_staying_sent_idx`;--> statement-breakpoint
CREATE INDEX `surveys_owner_answers_idx` ON `surveys` (`owner_id`,`kind`,`answer_month`,`answered_at`,`answer_class`,`rung`,`level`,`segment`,`complaint_outcome`) WHERE "surveys"."answered_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `surveys_owner_sent_idx` ON `surveys` (`owner_id`,`kind`,`sent_month`,`sent_at`,`answered_at`,`rung`,`level`,`segment`);--> statement-breakpoint
CREATE INDEX `surveys_staying_answers_idx` ON `surveys` (`answer_class`,`answered_at`,`prev_class_at`,`next_order_at`,`defected_at`,`account_id`,`rung`,`level`,`segment`,`owner_id`) WHERE "surveys"."kind" = 'nps' AND "surveys"."answered_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `surveys_staying_sent_idx` ON `surveys` (`sent_at`,`prev_sent_at`,`answered_from_sent_at`,`next_order_at`,`defected_at`,`account_id`,`rung`,`level`,`segment`,`owner_id`) WHERE "surveys"."kind" = 'nps';
--> statement-breakpoint
-- Hand-written (pair rollups): the backfill from the surveys as they are, then the triggers that keep both for
-- every writer of surveys (app, seed, imports), as 0026's keep survey_answer_rollup and survey_sent_rollup. Each
-- answer counts once per ordered pair of distinct dimensions (a filter a: rung, level, segment, owner; a
-- breakdown b: those and, for complaint surveys, the outcome): 12 rows a survey (16 for a complaint survey's
-- answer) and 12 for the survey sent. The update trigger fires only when a column they read changes.
INSERT INTO survey_answer_pair_rollup (a_dim, a_value, b_dim, kind, month, b_value, cls, n)
SELECT a.dim, CASE a.dim WHEN 'rung' THEN coalesce(s.rung, '') WHEN 'level' THEN coalesce(s.level, '') WHEN 'segment' THEN coalesce(s.segment, '')
    WHEN 'owner' THEN coalesce(s.owner_id, '') ELSE coalesce(s.complaint_outcome, '') END,
  b.dim, s.kind, s.answer_month, CASE b.dim WHEN 'rung' THEN coalesce(s.rung, '') WHEN 'level' THEN coalesce(s.level, '') WHEN 'segment' THEN coalesce(s.segment, '')
    WHEN 'owner' THEN coalesce(s.owner_id, '') ELSE coalesce(s.complaint_outcome, '') END,
  s.answer_class, count(*)
FROM surveys s, (SELECT 'rung' AS dim UNION ALL SELECT 'level' UNION ALL SELECT 'segment' UNION ALL SELECT 'owner') a,
  (SELECT 'rung' AS dim UNION ALL SELECT 'level' UNION ALL SELECT 'segment' UNION ALL SELECT 'owner'
    UNION ALL SELECT 'outcome') b
WHERE a.dim <> b.dim AND (b.dim <> 'outcome' OR s.kind = 'csat_complaint')
  AND s.answered_at IS NOT NULL AND s.answer_class IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6, 7;
--> statement-breakpoint
INSERT INTO survey_sent_pair_rollup (a_dim, a_value, b_dim, kind, month, b_value, sent, answered)
SELECT a.dim, CASE a.dim WHEN 'rung' THEN coalesce(s.rung, '') WHEN 'level' THEN coalesce(s.level, '') WHEN 'segment' THEN coalesce(s.segment, '')
    WHEN 'owner' THEN coalesce(s.owner_id, '') ELSE coalesce(s.complaint_outcome, '') END,
  b.dim, s.kind, s.sent_month, CASE b.dim WHEN 'rung' THEN coalesce(s.rung, '') WHEN 'level' THEN coalesce(s.level, '') WHEN 'segment' THEN coalesce(s.segment, '')
    WHEN 'owner' THEN coalesce(s.owner_id, '') ELSE coalesce(s.complaint_outcome, '') END,
  count(*), count(s.answered_at)
FROM surveys s, (SELECT 'rung' AS dim UNION ALL SELECT 'level' UNION ALL SELECT 'segment' UNION ALL SELECT 'owner') a, (SELECT 'rung' AS dim UNION ALL SELECT 'level' UNION ALL SELECT 'segment' UNION ALL SELECT 'owner') b
WHERE a.dim <> b.dim
GROUP BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
CREATE TRIGGER `surveys_pair_rollup_insert` AFTER INSERT ON `surveys` BEGIN
  INSERT INTO survey_answer_pair_rollup (a_dim, a_value, b_dim, kind, month, b_value, cls, n)
  SELECT a.dim, a.value, b.dim, NEW.kind, NEW.answer_month, b.value, NEW.answer_class, 1 FROM (
    SELECT 'rung' AS dim, coalesce(NEW.rung, '') AS value UNION ALL SELECT 'level', coalesce(NEW.level, '')
    UNION ALL SELECT 'segment', coalesce(NEW.segment, '') UNION ALL SELECT 'owner', coalesce(NEW.owner_id, '')
  ) a, (
    SELECT 'rung' AS dim, coalesce(NEW.rung, '') AS value UNION ALL SELECT 'level', coalesce(NEW.level, '')
    UNION ALL SELECT 'segment', coalesce(NEW.segment, '') UNION ALL SELECT 'owner', coalesce(NEW.owner_id, '')
    UNION ALL SELECT 'outcome', coalesce(NEW.complaint_outcome, '')
  ) b WHERE a.dim <> b.dim AND (b.dim <> 'outcome' OR NEW.kind = 'csat_complaint')
    AND NEW.answered_at IS NOT NULL AND NEW.answer_class IS NOT NULL
  ON CONFLICT (a_dim, a_value, b_dim, kind, month, b_value, cls) DO UPDATE SET n = n + excluded.n;
  INSERT INTO survey_sent_pair_rollup (a_dim, a_value, b_dim, kind, month, b_value, sent, answered)
  SELECT a.dim, a.value, b.dim, NEW.kind, NEW.sent_month, b.value, 1, 1 * (NEW.answered_at IS NOT NULL) FROM (
    SELECT 'rung' AS dim, coalesce(NEW.rung, '') AS value UNION ALL SELECT 'level', coalesce(NEW.level, '')
    UNION ALL SELECT 'segment', coalesce(NEW.segment, '') UNION ALL SELECT 'owner', coalesce(NEW.owner_id, '')
  ) a, (
    SELECT 'rung' AS dim, coalesce(NEW.rung, '') AS value UNION ALL SELECT 'level', coalesce(NEW.level, '')
    UNION ALL SELECT 'segment', coalesce(NEW.segment, '') UNION ALL SELECT 'owner', coalesce(NEW.owner_id, '')
  ) b WHERE a.dim <> b.dim
  ON CONFLICT (a_dim, a_value, b_dim, kind, month, b_value) DO UPDATE SET sent = sent + excluded.sent,
    answered = answered + excluded.answered;
END;
--> statement-breakpoint
CREATE TRIGGER `surveys_pair_rollup_delete` AFTER DELETE ON `surveys` BEGIN
  INSERT INTO survey_answer_pair_rollup (a_dim, a_value, b_dim, kind, month, b_value, cls, n)
  SELECT a.dim, a.value, b.dim, OLD.kind, OLD.answer_month, b.value, OLD.answer_class, -1 FROM (
    SELECT 'rung' AS dim, coalesce(OLD.rung, '') AS value UNION ALL SELECT 'level', coalesce(OLD.level, '')
    UNION ALL SELECT 'segment', coalesce(OLD.segment, '') UNION ALL SELECT 'owner', coalesce(OLD.owner_id, '')
  ) a, (
    SELECT 'rung' AS dim, coalesce(OLD.rung, '') AS value UNION ALL SELECT 'level', coalesce(OLD.level, '')
    UNION ALL SELECT 'segment', coalesce(OLD.segment, '') UNION ALL SELECT 'owner', coalesce(OLD.owner_id, '')
    UNION ALL SELECT 'outcome', coalesce(OLD.complaint_outcome, '')
  ) b WHERE a.dim <> b.dim AND (b.dim <> 'outcome' OR OLD.kind = 'csat_complaint')
    AND OLD.answered_at IS NOT NULL AND OLD.answer_class IS NOT NULL
  ON CONFLICT (a_dim, a_value, b_dim, kind, month, b_value, cls) DO UPDATE SET n = n + excluded.n;
  INSERT INTO survey_sent_pair_rollup (a_dim, a_value, b_dim, kind, month, b_value, sent, answered)
  SELECT a.dim, a.value, b.dim, OLD.kind, OLD.sent_month, b.value, -1, -1 * (OLD.answered_at IS NOT NULL) FROM (
    SELECT 'rung' AS dim, coalesce(OLD.rung, '') AS value UNION ALL SELECT 'level', coalesce(OLD.level, '')
    UNION ALL SELECT 'segment', coalesce(OLD.segment, '') UNION ALL SELECT 'owner', coalesce(OLD.owner_id, '')
  ) a, (
    SELECT 'rung' AS dim, coalesce(OLD.rung, '') AS value UNION ALL SELECT 'level', coalesce(OLD.level, '')
    UNION ALL SELECT 'segment', coalesce(OLD.segment, '') UNION ALL SELECT 'owner', coalesce(OLD.owner_id, '')
  ) b WHERE a.dim <> b.dim
  ON CONFLICT (a_dim, a_value, b_dim, kind, month, b_value) DO UPDATE SET sent = sent + excluded.sent,
    answered = answered + excluded.answered;
END;
--> statement-breakpoint
CREATE TRIGGER `surveys_pair_rollup_update` AFTER UPDATE OF `kind`, `sent_at`, `answered_at`, `score`, `rung`, `level`, `segment`, `owner_id`, `complaint_outcome` ON `surveys`
WHEN OLD.kind IS NOT NEW.kind OR OLD.sent_at IS NOT NEW.sent_at OR OLD.answered_at IS NOT NEW.answered_at OR OLD.score IS NOT NEW.score OR OLD.rung IS NOT NEW.rung OR OLD.level IS NOT NEW.level OR OLD.segment IS NOT NEW.segment OR OLD.owner_id IS NOT NEW.owner_id OR OLD.complaint_outcome IS NOT NEW.complaint_outcome BEGIN
  INSERT INTO survey_answer_pair_rollup (a_dim, a_value, b_dim, kind, month, b_value, cls, n)
  SELECT a.dim, a.value, b.dim, OLD.kind, OLD.answer_month, b.value, OLD.answer_class, -1 FROM (
    SELECT 'rung' AS dim, coalesce(OLD.rung, '') AS value UNION ALL SELECT 'level', coalesce(OLD.level, '')
    UNION ALL SELECT 'segment', coalesce(OLD.segment, '') UNION ALL SELECT 'owner', coalesce(OLD.owner_id, '')
  ) a, (
    SELECT 'rung' AS dim, coalesce(OLD.rung, '') AS value UNION ALL SELECT 'level', coalesce(OLD.level, '')
    UNION ALL SELECT 'segment', coalesce(OLD.segment, '') UNION ALL SELECT 'owner', coalesce(OLD.owner_id, '')
    UNION ALL SELECT 'outcome', coalesce(OLD.complaint_outcome, '')
  ) b WHERE a.dim <> b.dim AND (b.dim <> 'outcome' OR OLD.kind = 'csat_complaint')
    AND OLD.answered_at IS NOT NULL AND OLD.answer_class IS NOT NULL
  ON CONFLICT (a_dim, a_value, b_dim, kind, month, b_value, cls) DO UPDATE SET n = n + excluded.n;
  INSERT INTO survey_sent_pair_rollup (a_dim, a_value, b_dim, kind, month, b_value, sent, answered)
  SELECT a.dim, a.value, b.dim, OLD.kind, OLD.sent_month, b.value, -1, -1 * (OLD.answered_at IS NOT NULL) FROM (
    SELECT 'rung' AS dim, coalesce(OLD.rung, '') AS value UNION ALL SELECT 'level', coalesce(OLD.level, '')
    UNION ALL SELECT 'segment', coalesce(OLD.segment, '') UNION ALL SELECT 'owner', coalesce(OLD.owner_id, '')
  ) a, (
    SELECT 'rung' AS dim, coalesce(OLD.rung, '') AS value UNION ALL SELECT 'level', coalesce(OLD.level, '')
    UNION ALL SELECT 'segment', coalesce(OLD.segment, '') UNION ALL SELECT 'owner', coalesce(OLD.owner_id, '')
  ) b WHERE a.dim <> b.dim
  ON CONFLICT (a_dim, a_value, b_dim, kind, month, b_value) DO UPDATE SET sent = sent + excluded.sent,
    answered = answered + excluded.answered;
  INSERT INTO survey_answer_pair_rollup (a_dim, a_value, b_dim, kind, month, b_value, cls, n)
  SELECT a.dim, a.value, b.dim, NEW.kind, NEW.answer_month, b.value, NEW.answer_class, 1 FROM (
    SELECT 'rung' AS dim, coalesce(NEW.rung, '') AS value UNION ALL SELECT 'level', coalesce(NEW.level, '')
    UNION ALL SELECT 'segment', coalesce(NEW.segment, '') UNION ALL SELECT 'owner', coalesce(NEW.owner_id, '')
  ) a, (
    SELECT 'rung' AS dim, coalesce(NEW.rung, '') AS value UNION ALL SELECT 'level', coalesce(NEW.level, '')
    UNION ALL SELECT 'segment', coalesce(NEW.segment, '') UNION ALL SELECT 'owner', coalesce(NEW.owner_id, '')
    UNION ALL SELECT 'outcome', coalesce(NEW.complaint_outcome, '')
  ) b WHERE a.dim <> b.dim AND (b.dim <> 'outcome' OR NEW.kind = 'csat_complaint')
    AND NEW.answered_at IS NOT NULL AND NEW.answer_class IS NOT NULL
  ON CONFLICT (a_dim, a_value, b_dim, kind, month, b_value, cls) DO UPDATE SET n = n + excluded.n;
  INSERT INTO survey_sent_pair_rollup (a_dim, a_value, b_dim, kind, month, b_value, sent, answered)
  SELECT a.dim, a.value, b.dim, NEW.kind, NEW.sent_month, b.value, 1, 1 * (NEW.answered_at IS NOT NULL) FROM (
    SELECT 'rung' AS dim, coalesce(NEW.rung, '') AS value UNION ALL SELECT 'level', coalesce(NEW.level, '')
    UNION ALL SELECT 'segment', coalesce(NEW.segment, '') UNION ALL SELECT 'owner', coalesce(NEW.owner_id, '')
  ) a, (
    SELECT 'rung' AS dim, coalesce(NEW.rung, '') AS value UNION ALL SELECT 'level', coalesce(NEW.level, '')
    UNION ALL SELECT 'segment', coalesce(NEW.segment, '') UNION ALL SELECT 'owner', coalesce(NEW.owner_id, '')
  ) b WHERE a.dim <> b.dim
  ON CONFLICT (a_dim, a_value, b_dim, kind, month, b_value) DO UPDATE SET sent = sent + excluded.sent,
    answered = answered + excluded.answered;
END;

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

--> statement-breakpoint
-- Hand-written: the cubes' backfill from the surveys as they are, then the triggers that keep them for every
-- writer of surveys (one row in each a survey; the update trigger only when a column they read changes).
INSERT INTO survey_answer_cube (kind, month, rung, level, segment, outcome, cls, n)
SELECT s.kind, s.answer_month, coalesce(s.rung, ''), coalesce(s.level, ''), coalesce(s.segment, ''),
  coalesce(s.complaint_outcome, ''), s.answer_class, count(*)
FROM surveys s WHERE s.answered_at IS NOT NULL AND s.answer_class IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6, 7;
--> statement-breakpoint
INSERT INTO survey_sent_cube (kind, month, rung, level, segment, sent, answered)
SELECT s.kind, s.sent_month, coalesce(s.rung, ''), coalesce(s.level, ''), coalesce(s.segment, ''), count(*),
  count(s.answered_at)
FROM surveys s GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
CREATE TRIGGER `surveys_cube_insert` AFTER INSERT ON `surveys` BEGIN
  INSERT INTO survey_answer_cube (kind, month, rung, level, segment, outcome, cls, n)
  SELECT NEW.kind, NEW.answer_month, coalesce(NEW.rung, ''), coalesce(NEW.level, ''), coalesce(NEW.segment, ''),
    coalesce(NEW.complaint_outcome, ''), NEW.answer_class, 1
  WHERE NEW.answered_at IS NOT NULL AND NEW.answer_class IS NOT NULL
  ON CONFLICT (kind, month, rung, level, segment, outcome, cls) DO UPDATE SET n = n + excluded.n;
  INSERT INTO survey_sent_cube (kind, month, rung, level, segment, sent, answered)
  VALUES (NEW.kind, NEW.sent_month, coalesce(NEW.rung, ''), coalesce(NEW.level, ''), coalesce(NEW.segment, ''), 1,
    1 * (NEW.answered_at IS NOT NULL))
  ON CONFLICT (kind, month, rung, level, segment) DO UPDATE SET sent = sent + excluded.sent,
    answered = answered + excluded.answered;
END;
--> statement-breakpoint
CREATE TRIGGER `surveys_cube_delete` AFTER DELETE ON `surveys` BEGIN
  INSERT INTO survey_answer_cube (kind, month, rung, level, segment, outcome, cls, n)
  SELECT OLD.kind, OLD.answer_month, coalesce(OLD.rung, ''), coalesce(OLD.level, ''), coalesce(OLD.segment, ''),
    coalesce(OLD.complaint_outcome, ''), OLD.answer_class, -1
  WHERE OLD.answered_at IS NOT NULL AND OLD.answer_class IS NOT NULL
  ON CONFLICT (kind, month, rung, level, segment, outcome, cls) DO UPDATE SET n = n + excluded.n;
  INSERT INTO survey_sent_cube (kind, month, rung, level, segment, sent, answered)
  VALUES (OLD.kind, OLD.sent_month, coalesce(OLD.rung, ''), coalesce(OLD.level, ''), coalesce(OLD.segment, ''), -1,
    -1 * (OLD.answered_at IS NOT NULL))
  ON CONFLICT (kind, month, rung, level, segment) DO UPDATE SET sent = sent + excluded.sent,
    answered = answered + excluded.answered;
END;
--> statement-breakpoint
CREATE TRIGGER `surveys_cube_update` AFTER UPDATE OF `kind`, `sent_at`, `answered_at`, `score`, `rung`, `level`, `segment`, `complaint_outcome` ON `surveys`
WHEN OLD.kind IS NOT NEW.kind OR OLD.sent_at IS NOT NEW.sent_at OR OLD.answered_at IS NOT NEW.answered_at OR OLD.score IS NOT NEW.score OR OLD.rung IS NOT NEW.rung OR OLD.level IS NOT NEW.level OR OLD.segment IS NOT NEW.segment OR OLD.complaint_outcome IS NOT NEW.complaint_outcome BEGIN
  INSERT INTO survey_answer_cube (kind, month, rung, level, segment, outcome, cls, n)
  SELECT OLD.kind, OLD.answer_month, coalesce(OLD.rung, ''), coalesce(OLD.level, ''), coalesce(OLD.segment, ''),
    coalesce(OLD.complaint_outcome, ''), OLD.answer_class, -1
  WHERE OLD.answered_at IS NOT NULL AND OLD.answer_class IS NOT NULL
  ON CONFLICT (kind, month, rung, level, segment, outcome, cls) DO UPDATE SET n = n + excluded.n;
  INSERT INTO survey_sent_cube (kind, month, rung, level, segment, sent, answered)
  VALUES (OLD.kind, OLD.sent_month, coalesce(OLD.rung, ''), coalesce(OLD.level, ''), coalesce(OLD.segment, ''), -1,
    -1 * (OLD.answered_at IS NOT NULL))
  ON CONFLICT (kind, month, rung, level, segment) DO UPDATE SET sent = sent + excluded.sent,
    answered = answered + excluded.answered;
  INSERT INTO survey_answer_cube (kind, month, rung, level, segment, outcome, cls, n)
  SELECT NEW.kind, NEW.answer_month, coalesce(NEW.rung, ''), coalesce(NEW.level, ''), coalesce(NEW.segment, ''),
    coalesce(NEW.complaint_outcome, ''), NEW.answer_class, 1
  WHERE NEW.answered_at IS NOT NULL AND NEW.answer_class IS NOT NULL
  ON CONFLICT (kind, month, rung, level, segment, outcome, cls) DO UPDATE SET n = n + excluded.n;
  INSERT INTO survey_sent_cube (kind, month, rung, level, segment, sent, answered)
  VALUES (NEW.kind, NEW.sent_month, coalesce(NEW.rung, ''), coalesce(NEW.level, ''), coalesce(NEW.segment, ''), 1,
    1 * (NEW.answered_at IS NOT NULL))
  ON CONFLICT (kind, month, rung, level, segment) DO UPDATE SET sent = sent + excluded.sent,
    answered = answered + excluded.answered;
END;
