CREATE INDEX `accounts_owner_last_order_idx` ON `accounts` (`owner_id`,`last_order_at`,`id`);--> statement-breakpoint
CREATE INDEX `accounts_owner_revenue_idx` ON `accounts` (`owner_id`,`revenue`,`id`);--> statement-breakpoint
CREATE INDEX `accounts_rung_last_order_idx` ON `accounts` (`rung`,`last_order_at`,`id`);--> statement-breakpoint
CREATE INDEX `accounts_rung_revenue_idx` ON `accounts` (`rung`,`revenue`,`id`);--> statement-breakpoint
CREATE INDEX `accounts_status_last_order_idx` ON `accounts` (`status`,`last_order_at`,`id`);--> statement-breakpoint
CREATE INDEX `accounts_status_revenue_idx` ON `accounts` (`status`,`revenue`,`id`);--> statement-breakpoint
CREATE INDEX `accounts_segment_last_order_idx` ON `accounts` (`segment`,`last_order_at`,`id`);--> statement-breakpoint
CREATE INDEX `accounts_segment_revenue_idx` ON `accounts` (`segment`,`revenue`,`id`);--> statement-breakpoint
-- Name search for queries of 3+ characters: a trigram index over accounts.search_name (kept in step by triggers).
-- Hand-added to this generated migration: drizzle-kit cannot express FTS5 virtual tables or triggers.
CREATE VIRTUAL TABLE `accounts_fts` USING fts5(`search_name`, content='accounts', content_rowid='id', tokenize='trigram');--> statement-breakpoint
INSERT INTO `accounts_fts`(`accounts_fts`) VALUES ('rebuild');--> statement-breakpoint
CREATE TRIGGER `accounts_fts_ai` AFTER INSERT ON `accounts` BEGIN
  INSERT INTO `accounts_fts`(`rowid`, `search_name`) VALUES (new.`id`, new.`search_name`);
END;--> statement-breakpoint
CREATE TRIGGER `accounts_fts_ad` AFTER DELETE ON `accounts` BEGIN
  INSERT INTO `accounts_fts`(`accounts_fts`, `rowid`, `search_name`) VALUES ('delete', old.`id`, old.`search_name`);
END;--> statement-breakpoint
CREATE TRIGGER `accounts_fts_au` AFTER UPDATE OF `search_name` ON `accounts` BEGIN
  INSERT INTO `accounts_fts`(`accounts_fts`, `rowid`, `search_name`) VALUES ('delete', old.`id`, old.`search_name`);
  INSERT INTO `accounts_fts`(`rowid`, `search_name`) VALUES (new.`id`, new.`search_name`);
END;
