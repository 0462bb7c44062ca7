CREATE TABLE `saved_views` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`list` text NOT NULL,
	`name` text NOT NULL,
	`query` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `saved_views_name_uq` ON `saved_views` (`user_id`,`list`,`name`);--> statement-breakpoint
CREATE INDEX `saved_views_user_idx` ON `saved_views` (`user_id`,`list`,`updated_at`);--> statement-breakpoint
CREATE INDEX `contacts_name_idx` ON `contacts` (`name`);--> statement-breakpoint
-- The command palette (issue #12 §5): trigram indexes over contact names and emails and over deal titles, so
-- a 3+ character look-up reads the matches instead of every row (kept in step by triggers). Hand-added to this
-- generated migration: drizzle-kit cannot express FTS5 virtual tables or triggers.
CREATE VIRTUAL TABLE `contacts_fts` USING fts5(`name`, `email`, content='contacts', content_rowid='id', tokenize='trigram');--> statement-breakpoint
INSERT INTO `contacts_fts`(`contacts_fts`) VALUES ('rebuild');--> statement-breakpoint
CREATE TRIGGER `contacts_fts_ai` AFTER INSERT ON `contacts` BEGIN
  INSERT INTO `contacts_fts`(`rowid`, `name`, `email`) VALUES (new.`id`, new.`name`, new.`email`);
END;--> statement-breakpoint
CREATE TRIGGER `contacts_fts_ad` AFTER DELETE ON `contacts` BEGIN
  INSERT INTO `contacts_fts`(`contacts_fts`, `rowid`, `name`, `email`) VALUES ('delete', old.`id`, old.`name`, old.`email`);
END;--> statement-breakpoint
CREATE TRIGGER `contacts_fts_au` AFTER UPDATE OF `name`, `email` ON `contacts` BEGIN
  INSERT INTO `contacts_fts`(`contacts_fts`, `rowid`, `name`, `email`) VALUES ('delete', old.`id`, old.`name`, old.`email`);
  INSERT INTO `contacts_fts`(`rowid`, `name`, `email`) VALUES (new.`id`, new.`name`, new.`email`);
END;--> statement-breakpoint
CREATE VIRTUAL TABLE `deals_fts` USING fts5(`title`, content='deals', content_rowid='id', tokenize='trigram');--> statement-breakpoint
INSERT INTO `deals_fts`(`deals_fts`) VALUES ('rebuild');--> statement-breakpoint
CREATE TRIGGER `deals_fts_ai` AFTER INSERT ON `deals` BEGIN
  INSERT INTO `deals_fts`(`rowid`, `title`) VALUES (new.`id`, new.`title`);
END;--> statement-breakpoint
CREATE TRIGGER `deals_fts_ad` AFTER DELETE ON `deals` BEGIN
  INSERT INTO `deals_fts`(`deals_fts`, `rowid`, `title`) VALUES ('delete', old.`id`, old.`title`);
END;--> statement-breakpoint
CREATE TRIGGER `deals_fts_au` AFTER UPDATE OF `title` ON `deals` BEGIN
  INSERT INTO `deals_fts`(`deals_fts`, `rowid`, `title`) VALUES ('delete', old.`id`, old.`title`);
  INSERT INTO `deals_fts`(`rowid`, `title`) VALUES (new.`id`, new.`title`);
END;
