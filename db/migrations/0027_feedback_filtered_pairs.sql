-- Hand-written: WITHOUT ROWID on both pair rollups (as 0026's rollups: a value's month range is one b-tree range).
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
