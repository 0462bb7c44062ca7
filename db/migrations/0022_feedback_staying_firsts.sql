ALTER TABLE `surveys` ADD `prev_class_at` integer;--> statement-breakpoint
ALTER TABLE `surveys` ADD `prev_sent_at` integer;--> statement-breakpoint
ALTER TABLE `surveys` ADD `answered_from_sent_at` integer;--> statement-breakpoint
-- Hand-written: the backfill of the three columns (window functions over each account's relationship surveys),
-- then the indexes, then the triggers that keep the columns for every writer of surveys (app, seed, imports).
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
