CREATE INDEX `surveys_staying_account_answers_idx` ON `surveys` (`account_id`,`answer_class`,`answered_at`,`next_order_at`,`defected_at`,`rung`,`level`,`segment`,`owner_id`) WHERE "surveys"."kind" = 'nps' AND "surveys"."answered_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `surveys_staying_account_sent_idx` ON `surveys` (`account_id`,`sent_at`,`answered_at`,`next_order_at`,`defected_at`,`rung`,`level`,`segment`,`owner_id`) WHERE "surveys"."kind" = 'nps';--> statement-breakpoint
-- Hand-written: an answer arriving (answered_at set on a survey sent, nothing else the rollups key on changed)
-- had every update trigger recount it as a survey taken back and sent again, and recompute the staying columns
-- of all its account's relationship surveys (issue #13 §5: +3 ms a write). Now its own triggers do only what it
-- changes; the general update triggers no longer fire for it.
DROP TRIGGER `surveys_staying_firsts_update`;
--> statement-breakpoint
CREATE TRIGGER `surveys_staying_firsts_update` AFTER UPDATE OF `kind`, `account_id`, `sent_at`, `answered_at`, `score` ON `surveys`
WHEN NOT (OLD.answered_at IS NULL AND NEW.answered_at IS NOT NULL AND OLD.kind = NEW.kind AND OLD.account_id = NEW.account_id AND OLD.sent_at = NEW.sent_at AND OLD.rung IS NEW.rung AND OLD.level IS NEW.level AND OLD.segment IS NEW.segment AND OLD.owner_id IS NEW.owner_id AND OLD.complaint_outcome IS NEW.complaint_outcome) AND (OLD.kind = 'nps' OR NEW.kind = 'nps') BEGIN
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
DROP TRIGGER `surveys_rollup_update`;
--> statement-breakpoint
CREATE TRIGGER `surveys_rollup_update` AFTER UPDATE OF `kind`, `sent_at`, `answered_at`, `score`, `rung`, `level`, `segment`, `owner_id`, `complaint_outcome` ON `surveys`
WHEN NOT (OLD.answered_at IS NULL AND NEW.answered_at IS NOT NULL AND OLD.kind = NEW.kind AND OLD.account_id = NEW.account_id AND OLD.sent_at = NEW.sent_at AND OLD.rung IS NEW.rung AND OLD.level IS NEW.level AND OLD.segment IS NEW.segment AND OLD.owner_id IS NEW.owner_id AND OLD.complaint_outcome IS NEW.complaint_outcome) BEGIN
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
DROP TRIGGER `surveys_pair_rollup_update`;
--> statement-breakpoint
CREATE TRIGGER `surveys_pair_rollup_update` AFTER UPDATE OF `kind`, `sent_at`, `answered_at`, `score`, `rung`, `level`, `segment`, `owner_id`, `complaint_outcome` ON `surveys`
WHEN NOT (OLD.answered_at IS NULL AND NEW.answered_at IS NOT NULL AND OLD.kind = NEW.kind AND OLD.account_id = NEW.account_id AND OLD.sent_at = NEW.sent_at AND OLD.rung IS NEW.rung AND OLD.level IS NEW.level AND OLD.segment IS NEW.segment AND OLD.owner_id IS NEW.owner_id AND OLD.complaint_outcome IS NEW.complaint_outcome) AND (OLD.kind IS NOT NEW.kind OR OLD.sent_at IS NOT NEW.sent_at OR OLD.answered_at IS NOT NEW.answered_at OR OLD.score IS NOT NEW.score OR OLD.rung IS NOT NEW.rung OR OLD.level IS NOT NEW.level OR OLD.segment IS NOT NEW.segment OR OLD.owner_id IS NOT NEW.owner_id OR OLD.complaint_outcome IS NOT NEW.complaint_outcome) BEGIN
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
DROP TRIGGER `surveys_cube_update`;
--> statement-breakpoint
CREATE TRIGGER `surveys_cube_update` AFTER UPDATE OF `kind`, `sent_at`, `answered_at`, `score`, `rung`, `level`, `segment`, `complaint_outcome` ON `surveys`
WHEN NOT (OLD.answered_at IS NULL AND NEW.answered_at IS NOT NULL AND OLD.kind = NEW.kind AND OLD.account_id = NEW.account_id AND OLD.sent_at = NEW.sent_at AND OLD.rung IS NEW.rung AND OLD.level IS NEW.level AND OLD.segment IS NEW.segment AND OLD.owner_id IS NEW.owner_id AND OLD.complaint_outcome IS NEW.complaint_outcome) AND (OLD.kind IS NOT NEW.kind OR OLD.sent_at IS NOT NEW.sent_at OR OLD.answered_at IS NOT NEW.answered_at OR OLD.score IS NOT NEW.score OR OLD.rung IS NOT NEW.rung OR OLD.level IS NOT NEW.level OR OLD.segment IS NOT NEW.segment OR OLD.complaint_outcome IS NOT NEW.complaint_outcome) BEGIN
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
--> statement-breakpoint
-- The answered survey's own previous answer of its class and its answered-from (itself); the surveys sent before
-- it back to the account's previous answered one now see an answer from it on; the account's next answer of its
-- class now follows it (as surveys_staying_firsts_insert does for a survey written answered).
CREATE TRIGGER `surveys_staying_firsts_answer` AFTER UPDATE OF `answered_at` ON `surveys`
WHEN NEW.kind = 'nps' AND OLD.answered_at IS NULL AND NEW.answered_at IS NOT NULL AND OLD.kind = NEW.kind AND OLD.account_id = NEW.account_id AND OLD.sent_at = NEW.sent_at AND OLD.rung IS NEW.rung AND OLD.level IS NEW.level AND OLD.segment IS NEW.segment AND OLD.owner_id IS NEW.owner_id AND OLD.complaint_outcome IS NEW.complaint_outcome BEGIN
  UPDATE surveys SET answered_from_sent_at = NEW.sent_at,
    prev_class_at = (SELECT max(p.answered_at) FROM surveys p
      WHERE p.account_id = NEW.account_id AND +p.kind = 'nps'
      AND +p.answered_at IS NOT NULL AND +p.answer_class = NEW.answer_class
      AND (+p.answered_at < NEW.answered_at OR (+p.answered_at = NEW.answered_at AND p.id < NEW.id)))
  WHERE id = NEW.id;
  UPDATE surveys SET answered_from_sent_at = NEW.sent_at
  WHERE account_id = NEW.account_id
    AND sent_at <= NEW.sent_at AND (sent_at < NEW.sent_at OR id < NEW.id) AND +kind = 'nps'
    AND sent_at >= coalesce((SELECT p.sent_at FROM surveys p WHERE p.account_id = NEW.account_id
      AND p.sent_at <= NEW.sent_at AND (p.sent_at < NEW.sent_at OR p.id < NEW.id) AND +p.kind = 'nps'
      AND +p.answered_at IS NOT NULL ORDER BY p.sent_at DESC, p.id DESC LIMIT 1), -9007199254740991)
    AND (+answered_from_sent_at IS NULL OR +answered_from_sent_at > NEW.sent_at);
  UPDATE surveys SET prev_class_at = NEW.answered_at WHERE id = (SELECT p.id
    FROM surveys p WHERE p.account_id = NEW.account_id AND +p.kind = 'nps' AND +p.answered_at IS NOT NULL
      AND +p.answer_class = NEW.answer_class
      AND (+p.answered_at > NEW.answered_at OR (+p.answered_at = NEW.answered_at AND p.id > NEW.id))
    ORDER BY +p.answered_at, p.id LIMIT 1);
END;
--> statement-breakpoint
-- The rollups: one answer more in its month, class and values; its survey sent is now answered.
CREATE TRIGGER `surveys_rollup_answer` AFTER UPDATE OF `answered_at` ON `surveys`
WHEN OLD.answered_at IS NULL AND NEW.answered_at IS NOT NULL AND OLD.kind = NEW.kind AND OLD.account_id = NEW.account_id AND OLD.sent_at = NEW.sent_at AND OLD.rung IS NEW.rung AND OLD.level IS NEW.level AND OLD.segment IS NEW.segment AND OLD.owner_id IS NEW.owner_id AND OLD.complaint_outcome IS NEW.complaint_outcome BEGIN
  INSERT INTO survey_answer_rollup (dim, kind, month, value, cls, n)
  SELECT d.dim, NEW.kind, NEW.answer_month, d.value, NEW.answer_class, 1 FROM (
    SELECT 'rung' AS dim, coalesce(NEW.rung, '') AS value UNION ALL SELECT 'level', coalesce(NEW.level, '')
    UNION ALL SELECT 'segment', coalesce(NEW.segment, '') UNION ALL SELECT 'owner', coalesce(NEW.owner_id, '')
    UNION ALL SELECT 'outcome', coalesce(NEW.complaint_outcome, '')
  ) d WHERE NEW.answer_class IS NOT NULL
  ON CONFLICT (dim, kind, month, value, cls) DO UPDATE SET n = n + excluded.n;
  INSERT INTO survey_sent_rollup (dim, kind, month, value, sent, answered)
  SELECT d.dim, NEW.kind, NEW.sent_month, d.value, 0, 1 FROM (
    SELECT 'rung' AS dim, coalesce(NEW.rung, '') AS value UNION ALL SELECT 'level', coalesce(NEW.level, '')
    UNION ALL SELECT 'segment', coalesce(NEW.segment, '') UNION ALL SELECT 'owner', coalesce(NEW.owner_id, '')
  ) d WHERE true
  ON CONFLICT (dim, kind, month, value) DO UPDATE SET answered = answered + excluded.answered;
END;
--> statement-breakpoint
CREATE TRIGGER `surveys_pair_rollup_answer` AFTER UPDATE OF `answered_at` ON `surveys`
WHEN OLD.answered_at IS NULL AND NEW.answered_at IS NOT NULL AND OLD.kind = NEW.kind AND OLD.account_id = NEW.account_id AND OLD.sent_at = NEW.sent_at AND OLD.rung IS NEW.rung AND OLD.level IS NEW.level AND OLD.segment IS NEW.segment AND OLD.owner_id IS NEW.owner_id AND OLD.complaint_outcome IS NEW.complaint_outcome BEGIN
  INSERT INTO survey_answer_pair_rollup (a_dim, a_value, b_dim, kind, month, b_value, cls, n)
  SELECT a.dim, a.value, b.dim, NEW.kind, NEW.answer_month, b.value, NEW.answer_class, 1 FROM (
    SELECT 'rung' AS dim, coalesce(NEW.rung, '') AS value UNION ALL SELECT 'level', coalesce(NEW.level, '')
    UNION ALL SELECT 'segment', coalesce(NEW.segment, '') UNION ALL SELECT 'owner', coalesce(NEW.owner_id, '')
  ) a, (
    SELECT 'rung' AS dim, coalesce(NEW.rung, '') AS value UNION ALL SELECT 'level', coalesce(NEW.level, '')
    UNION ALL SELECT 'segment', coalesce(NEW.segment, '') UNION ALL SELECT 'owner', coalesce(NEW.owner_id, '')
    UNION ALL SELECT 'outcome', coalesce(NEW.complaint_outcome, '')
  ) b WHERE a.dim <> b.dim AND (b.dim <> 'outcome' OR NEW.kind = 'csat_complaint')
    AND NEW.answer_class IS NOT NULL
  ON CONFLICT (a_dim, a_value, b_dim, kind, month, b_value, cls) DO UPDATE SET n = n + excluded.n;
  INSERT INTO survey_sent_pair_rollup (a_dim, a_value, b_dim, kind, month, b_value, sent, answered)
  SELECT a.dim, a.value, b.dim, NEW.kind, NEW.sent_month, b.value, 0, 1 FROM (
    SELECT 'rung' AS dim, coalesce(NEW.rung, '') AS value UNION ALL SELECT 'level', coalesce(NEW.level, '')
    UNION ALL SELECT 'segment', coalesce(NEW.segment, '') UNION ALL SELECT 'owner', coalesce(NEW.owner_id, '')
  ) a, (
    SELECT 'rung' AS dim, coalesce(NEW.rung, '') AS value UNION ALL SELECT 'level', coalesce(NEW.level, '')
    UNION ALL SELECT 'segment', coalesce(NEW.segment, '') UNION ALL SELECT 'owner', coalesce(NEW.owner_id, '')
  ) b WHERE a.dim <> b.dim
  ON CONFLICT (a_dim, a_value, b_dim, kind, month, b_value) DO UPDATE SET answered = answered + excluded.answered;
END;
--> statement-breakpoint
CREATE TRIGGER `surveys_cube_answer` AFTER UPDATE OF `answered_at` ON `surveys`
WHEN OLD.answered_at IS NULL AND NEW.answered_at IS NOT NULL AND OLD.kind = NEW.kind AND OLD.account_id = NEW.account_id AND OLD.sent_at = NEW.sent_at AND OLD.rung IS NEW.rung AND OLD.level IS NEW.level AND OLD.segment IS NEW.segment AND OLD.owner_id IS NEW.owner_id AND OLD.complaint_outcome IS NEW.complaint_outcome BEGIN
  INSERT INTO survey_answer_cube (kind, month, rung, level, segment, outcome, cls, n)
  SELECT NEW.kind, NEW.answer_month, coalesce(NEW.rung, ''), coalesce(NEW.level, ''), coalesce(NEW.segment, ''),
    coalesce(NEW.complaint_outcome, ''), NEW.answer_class, 1
  WHERE NEW.answer_class IS NOT NULL
  ON CONFLICT (kind, month, rung, level, segment, outcome, cls) DO UPDATE SET n = n + excluded.n;
  INSERT INTO survey_sent_cube (kind, month, rung, level, segment, sent, answered)
  VALUES (NEW.kind, NEW.sent_month, coalesce(NEW.rung, ''), coalesce(NEW.level, ''), coalesce(NEW.segment, ''), 0, 1)
  ON CONFLICT (kind, month, rung, level, segment) DO UPDATE SET answered = answered + excluded.answered;
END;
