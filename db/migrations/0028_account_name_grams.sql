-- Hand-edited: WITHOUT ROWID (drizzle-kit cannot say it). The key is the whole row, so the table is its own
-- index; with a rowid every gram would be stored twice, in the table and in its key's index.
CREATE TABLE `account_name_grams` (
	`gram` text NOT NULL,
	`search_name` text NOT NULL,
	`account_id` integer NOT NULL,
	PRIMARY KEY(`gram`, `search_name`, `account_id`)
) WITHOUT ROWID;
--> statement-breakpoint
-- Hand-written: the backfill, and the triggers that keep account_name_grams for every writer of accounts
-- (app, import, REST API, seed, a cascade). A name's grams (lib/name-grams.ts asks for the same): each character
-- above ASCII (unicode() > 126) and each pair of neighbouring characters with one such character in it,
-- lowercased by lower() (ASCII only, as LIKE compares). Names without one (GLOB '*[^ -~]*', a superset test
-- that is cheap) write nothing; the triggers fire only when search_name is written and changed.
WITH RECURSIVE p(id, s, n) AS (
  SELECT id, search_name, 1 FROM accounts WHERE search_name GLOB '*[^ -~]*'
  UNION ALL SELECT id, s, n + 1 FROM p WHERE n < length(s))
INSERT OR IGNORE INTO account_name_grams (gram, search_name, account_id)
SELECT lower(substr(p.s, p.n, k.k)), p.s, p.id FROM p CROSS JOIN (SELECT 1 AS k UNION ALL SELECT 2) k
WHERE p.n + k.k - 1 <= length(p.s)
  AND (unicode(substr(p.s, p.n, 1)) > 126 OR (k.k = 2 AND unicode(substr(p.s, p.n + 1, 1)) > 126))
ORDER BY 1, 2, 3;
--> statement-breakpoint
CREATE TRIGGER `account_name_grams_insert` AFTER INSERT ON `accounts`
WHEN NEW.search_name GLOB '*[^ -~]*' BEGIN
  INSERT OR IGNORE INTO account_name_grams (gram, search_name, account_id)
  SELECT lower(substr(NEW.search_name, p.n, k.k)), NEW.search_name, NEW.id
  FROM (WITH RECURSIVE p(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM p WHERE n < length(NEW.search_name))
      SELECT n FROM p) p
    JOIN (SELECT 1 AS k UNION ALL SELECT 2) k ON p.n + k.k - 1 <= length(NEW.search_name)
  WHERE unicode(substr(NEW.search_name, p.n, 1)) > 126
    OR (k.k = 2 AND unicode(substr(NEW.search_name, p.n + 1, 1)) > 126);
END;
--> statement-breakpoint
CREATE TRIGGER `account_name_grams_delete` AFTER DELETE ON `accounts`
WHEN OLD.search_name GLOB '*[^ -~]*' BEGIN
  DELETE FROM account_name_grams WHERE search_name = OLD.search_name AND account_id = OLD.id
    AND gram IN (SELECT lower(substr(OLD.search_name, p.n, k.k))
      FROM (WITH RECURSIVE p(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM p WHERE n < length(OLD.search_name))
          SELECT n FROM p) p
        JOIN (SELECT 1 AS k UNION ALL SELECT 2) k ON p.n + k.k - 1 <= length(OLD.search_name));
END;
--> statement-breakpoint
CREATE TRIGGER `account_name_grams_update` AFTER UPDATE OF search_name ON `accounts`
WHEN OLD.search_name IS NOT NEW.search_name
  AND (OLD.search_name GLOB '*[^ -~]*' OR NEW.search_name GLOB '*[^ -~]*') BEGIN
  DELETE FROM account_name_grams WHERE search_name = OLD.search_name AND account_id = OLD.id
    AND gram IN (SELECT lower(substr(OLD.search_name, p.n, k.k))
      FROM (WITH RECURSIVE p(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM p WHERE n < length(OLD.search_name))
          SELECT n FROM p) p
        JOIN (SELECT 1 AS k UNION ALL SELECT 2) k ON p.n + k.k - 1 <= length(OLD.search_name));
  INSERT OR IGNORE INTO account_name_grams (gram, search_name, account_id)
  SELECT lower(substr(NEW.search_name, p.n, k.k)), NEW.search_name, NEW.id
  FROM (WITH RECURSIVE p(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM p WHERE n < length(NEW.search_name))
      SELECT n FROM p) p
    JOIN (SELECT 1 AS k UNION ALL SELECT 2) k ON p.n + k.k - 1 <= length(NEW.search_name)
  WHERE unicode(substr(NEW.search_name, p.n, 1)) > 126
    OR (k.k = 2 AND unicode(substr(NEW.search_name, p.n + 1, 1)) > 126);
END;
