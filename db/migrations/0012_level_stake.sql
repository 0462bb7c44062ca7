ALTER TABLE `accounts` ADD `yearly_margin` integer;--> statement-breakpoint
ALTER TABLE `accounts` ADD `level_gap` integer GENERATED ALWAYS AS ((CASE WHEN "recommended_level" IS NULL THEN 0 ELSE abs((CASE "level" WHEN 'basic' THEN 0 WHEN 'reactive' THEN 1 WHEN 'accountable' THEN 2 WHEN 'proactive' THEN 3 WHEN 'partnership' THEN 4 END) - (CASE "recommended_level" WHEN 'basic' THEN 0 WHEN 'reactive' THEN 1 WHEN 'accountable' THEN 2 WHEN 'proactive' THEN 3 WHEN 'partnership' THEN 4 END)) END)) VIRTUAL;--> statement-breakpoint
ALTER TABLE `accounts` ADD `level_stake` integer GENERATED ALWAYS AS ((coalesce("yearly_margin", 0) * "level_gap")) VIRTUAL;--> statement-breakpoint
CREATE INDEX `accounts_level_stake_idx` ON `accounts` (`level_stake`,`id`) WHERE "accounts"."level_gap" > 0;--> statement-breakpoint
CREATE INDEX `accounts_level_gap_stake_idx` ON `accounts` (`level_gap`,`level_stake`,`id`) WHERE "accounts"."level_gap" > 0;--> statement-breakpoint
CREATE INDEX `accounts_owner_level_stake_idx` ON `accounts` (`owner_id`,`level_stake`,`id`) WHERE "accounts"."level_gap" > 0;--> statement-breakpoint
CREATE INDEX `accounts_owner_level_gap_stake_idx` ON `accounts` (`owner_id`,`level_gap`,`level_stake`,`id`) WHERE "accounts"."level_gap" > 0;--> statement-breakpoint
-- Hand-written below the generated part: accounts without orders lose their recommendation (there is nothing
-- to recommend from), and every account with orders gets its yearly margin as of now, as
-- server/levels/recommend.queries.ts computes them (12 months before now, or the lifetime margin per year).
UPDATE `accounts` SET `recommended_level` = NULL
  WHERE NOT EXISTS (SELECT 1 FROM `orders` o WHERE o.`account_id` = `accounts`.`id`);--> statement-breakpoint
WITH w AS (
  SELECT o.`account_id`,
    sum(CASE WHEN o.`ordered_at` > unixepoch('now', '-1 year') * 1000 THEN o.`amount` END) AS rev12,
    sum(CASE WHEN o.`ordered_at` > unixepoch('now', '-1 year') * 1000 THEN o.`margin` END) AS mar12,
    sum(o.`margin`) AS marAll,
    min(o.`ordered_at`) AS firstAt
  FROM `orders` o WHERE o.`ordered_at` <= unixepoch('now') * 1000 GROUP BY o.`account_id`
)
UPDATE `accounts` SET `yearly_margin` = CASE WHEN coalesce(w.rev12, 0) > 0 THEN w.mar12
    ELSE CAST(round(w.marAll / max(1.0, (unixepoch('now') * 1000 - w.firstAt) / 31536000000.0)) AS INTEGER) END
  FROM w WHERE w.`account_id` = `accounts`.`id`;
