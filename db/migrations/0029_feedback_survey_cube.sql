-- Hand-written: WITHOUT ROWID on both cubes (as 0026's rollups).
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
CREATE INDEX `surveys_owner_answers_idx` ON `surveys` (`owner_id`,`kind`,`answer_month`,`answered_at`,`answer_class`,`rung`,`level`,`segment`,`complaint_outcome`) WHERE "surveys"."answered_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `surveys_owner_sent_idx` ON `surveys` (`owner_id`,`kind`,`sent_month`,`sent_at`,`answered_at`,`rung`,`level`,`segment`);
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
