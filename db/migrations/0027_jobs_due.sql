CREATE TABLE `survey_due` (
	`contact_id` integer PRIMARY KEY NOT NULL,
	`level` text NOT NULL,
	`last_sent_at` integer NOT NULL,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `survey_due_idx` ON `survey_due` (`level`,`last_sent_at`,`contact_id`);--> statement-breakpoint
CREATE INDEX `accounts_cadence_idx` ON `accounts` (`level`) WHERE "accounts"."level" IN ('proactive', 'partnership');--> statement-breakpoint
CREATE INDEX `complaints_closed_idx` ON `complaints` (`closed_at`) WHERE "complaints"."closed_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `deals_status_closed_idx` ON `deals` (`status`,`closed_at`);--> statement-breakpoint
-- Hand-written: survey_due is kept by triggers, so every writer (app, API, import, seed, a cascade) keeps it, and
-- backfilled here. A contact is in it while it has an address and its account is active with an order or more;
-- level is the account's, last_sent_at the sent_at of the contact's last relationship survey (0: never). A
-- contact's row goes with the contact (ON DELETE CASCADE).
INSERT INTO `survey_due` (`contact_id`, `level`, `last_sent_at`)
SELECT c.id, a.level,
  coalesce((SELECT max(s.sent_at) FROM surveys s WHERE s.contact_id = c.id AND s.kind = 'nps'), 0)
FROM contacts c JOIN accounts a ON a.id = c.account_id
WHERE c.email IS NOT NULL AND c.email <> '' AND a.status = 'active' AND a.order_count > 0;
--> statement-breakpoint
CREATE TRIGGER `survey_due_contact_insert` AFTER INSERT ON `contacts`
WHEN NEW.email IS NOT NULL AND NEW.email <> '' BEGIN
  INSERT INTO survey_due (contact_id, level, last_sent_at)
  SELECT NEW.id, a.level,
    coalesce((SELECT max(s.sent_at) FROM surveys s WHERE s.contact_id = NEW.id AND s.kind = 'nps'), 0)
  FROM accounts a WHERE a.id = NEW.account_id AND a.status = 'active' AND a.order_count > 0;
END;
--> statement-breakpoint
CREATE TRIGGER `survey_due_contact_update` AFTER UPDATE OF `email`, `account_id` ON `contacts`
WHEN OLD.email IS NOT NEW.email OR OLD.account_id IS NOT NEW.account_id BEGIN
  DELETE FROM survey_due WHERE contact_id = NEW.id;
  INSERT INTO survey_due (contact_id, level, last_sent_at)
  SELECT NEW.id, a.level,
    coalesce((SELECT max(s.sent_at) FROM surveys s WHERE s.contact_id = NEW.id AND s.kind = 'nps'), 0)
  FROM accounts a WHERE a.id = NEW.account_id AND a.status = 'active' AND a.order_count > 0
    AND NEW.email IS NOT NULL AND NEW.email <> '';
END;
--> statement-breakpoint
-- An account's contacts come and go with its status, its level and its first order; nothing else fires it.
CREATE TRIGGER `survey_due_account_update` AFTER UPDATE OF `status`, `level`, `order_count` ON `accounts`
WHEN OLD.status IS NOT NEW.status OR OLD.level IS NOT NEW.level
  OR (OLD.order_count > 0) IS NOT (NEW.order_count > 0) BEGIN
  DELETE FROM survey_due WHERE contact_id IN (SELECT id FROM contacts WHERE account_id = NEW.id);
  INSERT INTO survey_due (contact_id, level, last_sent_at)
  SELECT c.id, NEW.level,
    coalesce((SELECT max(s.sent_at) FROM surveys s WHERE s.contact_id = c.id AND s.kind = 'nps'), 0)
  FROM contacts c
  WHERE c.account_id = NEW.id AND c.email IS NOT NULL AND c.email <> ''
    AND NEW.status = 'active' AND NEW.order_count > 0;
END;
--> statement-breakpoint
CREATE TRIGGER `survey_due_survey_insert` AFTER INSERT ON `surveys`
WHEN NEW.kind = 'nps' AND NEW.contact_id IS NOT NULL BEGIN
  UPDATE survey_due SET last_sent_at = NEW.sent_at
  WHERE contact_id = NEW.contact_id AND last_sent_at < NEW.sent_at;
END;
--> statement-breakpoint
CREATE TRIGGER `survey_due_survey_delete` AFTER DELETE ON `surveys`
WHEN OLD.kind = 'nps' AND OLD.contact_id IS NOT NULL BEGIN
  UPDATE survey_due SET last_sent_at =
    coalesce((SELECT max(s.sent_at) FROM surveys s WHERE s.contact_id = OLD.contact_id AND s.kind = 'nps'), 0)
  WHERE contact_id = OLD.contact_id;
END;
--> statement-breakpoint
CREATE TRIGGER `survey_due_survey_update` AFTER UPDATE OF `kind`, `contact_id`, `sent_at` ON `surveys`
WHEN OLD.kind IS NOT NEW.kind OR OLD.contact_id IS NOT NEW.contact_id OR OLD.sent_at IS NOT NEW.sent_at BEGIN
  UPDATE survey_due SET last_sent_at = coalesce((SELECT max(s.sent_at) FROM surveys s
    WHERE s.contact_id = survey_due.contact_id AND s.kind = 'nps'), 0)
  WHERE contact_id IN (OLD.contact_id, NEW.contact_id);
END;
