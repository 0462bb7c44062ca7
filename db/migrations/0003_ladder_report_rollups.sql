CREATE TABLE `ladder_flows_monthly` (
	`month` text NOT NULL,
	`kind` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`month`, `kind`)
);
--> statement-breakpoint
CREATE TABLE `ladder_reached` (
	`account_id` integer NOT NULL,
	`rung` text NOT NULL,
	`first_at` integer NOT NULL,
	`climb_ms` integer,
	PRIMARY KEY(`account_id`, `rung`),
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `ladder_reached_rung_idx` ON `ladder_reached` (`rung`,`climb_ms`);--> statement-breakpoint
CREATE INDEX `accounts_rung_totals_idx` ON `accounts` (`rung`,`status`,`revenue`);
--> statement-breakpoint
-- Hand-written: the trigger that keeps the ladder report's rollups (ladder_reached, ladder_flows_monthly) for
-- every writer of ladder_moves (app, import, seed), and the backfill of moves recorded before this migration.
CREATE TRIGGER `ladder_moves_rollups` AFTER INSERT ON `ladder_moves` BEGIN
  INSERT INTO ladder_reached (account_id, rung, first_at, climb_ms)
  SELECT NEW.account_id, NEW.to_rung, NEW.at,
    (SELECT NEW.at - p.first_at FROM ladder_reached p
      WHERE p.account_id = NEW.account_id AND p.rung = (CASE NEW.to_rung WHEN 'prospect' THEN 'suspect' WHEN 'first_time' THEN 'prospect' WHEN 'repeat' THEN 'first_time' WHEN 'client' THEN 'repeat' WHEN 'member' THEN 'client' WHEN 'advocate' THEN 'member' WHEN 'partner' THEN 'advocate' END) AND p.first_at <= NEW.at)
  WHERE NEW.from_rung IS NULL OR NEW.from_rung <> NEW.to_rung
  ON CONFLICT (account_id, rung) DO UPDATE SET first_at = excluded.first_at, climb_ms = excluded.climb_ms
    WHERE excluded.first_at < ladder_reached.first_at;
  INSERT INTO ladder_flows_monthly (month, kind, n)
  SELECT strftime('%Y-%m', NEW.at / 1000, 'unixepoch'), kind, 1 FROM (
    SELECT 'entered' AS kind WHERE NEW.from_rung IS NULL
    UNION ALL SELECT 'up' AS kind WHERE (CASE NEW.to_rung WHEN 'suspect' THEN 0 WHEN 'prospect' THEN 1 WHEN 'first_time' THEN 2 WHEN 'repeat' THEN 3 WHEN 'client' THEN 4 WHEN 'member' THEN 5 WHEN 'advocate' THEN 6 WHEN 'partner' THEN 7 END) > (CASE NEW.from_rung WHEN 'suspect' THEN 0 WHEN 'prospect' THEN 1 WHEN 'first_time' THEN 2 WHEN 'repeat' THEN 3 WHEN 'client' THEN 4 WHEN 'member' THEN 5 WHEN 'advocate' THEN 6 WHEN 'partner' THEN 7 END)
    UNION ALL SELECT 'down' AS kind WHERE NEW.from_rung IS NOT NULL AND NEW.from_rung <> NEW.to_rung AND (NEW.to_rung = 'disqualified' OR (CASE NEW.to_rung WHEN 'suspect' THEN 0 WHEN 'prospect' THEN 1 WHEN 'first_time' THEN 2 WHEN 'repeat' THEN 3 WHEN 'client' THEN 4 WHEN 'member' THEN 5 WHEN 'advocate' THEN 6 WHEN 'partner' THEN 7 END) < (CASE NEW.from_rung WHEN 'suspect' THEN 0 WHEN 'prospect' THEN 1 WHEN 'first_time' THEN 2 WHEN 'repeat' THEN 3 WHEN 'client' THEN 4 WHEN 'member' THEN 5 WHEN 'advocate' THEN 6 WHEN 'partner' THEN 7 END))
    UNION ALL SELECT 'lapsed' AS kind WHERE NEW.from_status = 'active' AND NEW.to_status = 'lapsed'
    UNION ALL SELECT 'lost' AS kind WHERE NEW.to_status = 'lost' AND NEW.from_status IS NOT 'lost'
    UNION ALL SELECT 'won_back' AS kind WHERE NEW.from_status IN ('lapsed', 'lost') AND NEW.to_status = 'active'
  ) WHERE true
  ON CONFLICT (month, kind) DO UPDATE SET n = ladder_flows_monthly.n + 1;
END;
--> statement-breakpoint
INSERT INTO ladder_reached (account_id, rung, first_at)
SELECT account_id, to_rung, MIN(at) FROM ladder_moves
WHERE from_rung IS NULL OR from_rung <> to_rung
GROUP BY account_id, to_rung;
--> statement-breakpoint
UPDATE ladder_reached SET climb_ms = (
  SELECT ladder_reached.first_at - p.first_at FROM ladder_reached p
  WHERE p.account_id = ladder_reached.account_id AND p.rung = (CASE ladder_reached.rung WHEN 'prospect' THEN 'suspect' WHEN 'first_time' THEN 'prospect' WHEN 'repeat' THEN 'first_time' WHEN 'client' THEN 'repeat' WHEN 'member' THEN 'client' WHEN 'advocate' THEN 'member' WHEN 'partner' THEN 'advocate' END)
    AND p.first_at <= ladder_reached.first_at
);
--> statement-breakpoint
INSERT INTO ladder_flows_monthly (month, kind, n)
SELECT month, kind, COUNT(*) FROM (
  SELECT strftime('%Y-%m', m.at / 1000, 'unixepoch') AS month, 'entered' AS kind FROM ladder_moves m WHERE m.from_rung IS NULL
  UNION ALL SELECT strftime('%Y-%m', m.at / 1000, 'unixepoch') AS month, 'up' AS kind FROM ladder_moves m WHERE (CASE m.to_rung WHEN 'suspect' THEN 0 WHEN 'prospect' THEN 1 WHEN 'first_time' THEN 2 WHEN 'repeat' THEN 3 WHEN 'client' THEN 4 WHEN 'member' THEN 5 WHEN 'advocate' THEN 6 WHEN 'partner' THEN 7 END) > (CASE m.from_rung WHEN 'suspect' THEN 0 WHEN 'prospect' THEN 1 WHEN 'first_time' THEN 2 WHEN 'repeat' THEN 3 WHEN 'client' THEN 4 WHEN 'member' THEN 5 WHEN 'advocate' THEN 6 WHEN 'partner' THEN 7 END)
  UNION ALL SELECT strftime('%Y-%m', m.at / 1000, 'unixepoch') AS month, 'down' AS kind FROM ladder_moves m WHERE m.from_rung IS NOT NULL AND m.from_rung <> m.to_rung AND (m.to_rung = 'disqualified' OR (CASE m.to_rung WHEN 'suspect' THEN 0 WHEN 'prospect' THEN 1 WHEN 'first_time' THEN 2 WHEN 'repeat' THEN 3 WHEN 'client' THEN 4 WHEN 'member' THEN 5 WHEN 'advocate' THEN 6 WHEN 'partner' THEN 7 END) < (CASE m.from_rung WHEN 'suspect' THEN 0 WHEN 'prospect' THEN 1 WHEN 'first_time' THEN 2 WHEN 'repeat' THEN 3 WHEN 'client' THEN 4 WHEN 'member' THEN 5 WHEN 'advocate' THEN 6 WHEN 'partner' THEN 7 END))
  UNION ALL SELECT strftime('%Y-%m', m.at / 1000, 'unixepoch') AS month, 'lapsed' AS kind FROM ladder_moves m WHERE m.from_status = 'active' AND m.to_status = 'lapsed'
  UNION ALL SELECT strftime('%Y-%m', m.at / 1000, 'unixepoch') AS month, 'lost' AS kind FROM ladder_moves m WHERE m.to_status = 'lost' AND m.from_status IS NOT 'lost'
  UNION ALL SELECT strftime('%Y-%m', m.at / 1000, 'unixepoch') AS month, 'won_back' AS kind FROM ladder_moves m WHERE m.from_status IN ('lapsed', 'lost') AND m.to_status = 'active'
) GROUP BY month, kind;
