CREATE TABLE `competitors` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`created_by_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `competitors_name_key_unique` ON `competitors` (`name_key`);--> statement-breakpoint
CREATE TABLE `name_labels` (
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`locale` text NOT NULL,
	`label` text NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by_id` text,
	PRIMARY KEY(`kind`, `name`, `locale`),
	FOREIGN KEY (`updated_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
DROP INDEX `deals_lost_competitor_idx`;--> statement-breakpoint
ALTER TABLE `deals` ADD `competitor_id` integer REFERENCES competitors(id);--> statement-breakpoint
ALTER TABLE `deals` ADD `competitor_other` text;--> statement-breakpoint
CREATE INDEX `deals_competitor_idx` ON `deals` (`competitor_id`);--> statement-breakpoint
CREATE INDEX `deals_competitor_other_idx` ON `deals` (`competitor_other`) WHERE "deals"."competitor_other" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `deals_lost_competitor_idx` ON `deals` (`status`,`closed_month`,`competitor_id`,`competitor_other`,`owner_id`,`segment`,`amount`);--> statement-breakpoint
ALTER TABLE `accounts` ADD `yearly_margin` integer;--> statement-breakpoint
ALTER TABLE `accounts` ADD `level_gap` integer GENERATED ALWAYS AS ((CASE WHEN "recommended_level" IS NULL THEN 0 ELSE abs((CASE "level" WHEN 'basic' THEN 0 WHEN 'reactive' THEN 1 WHEN 'accountable' THEN 2 WHEN 'proactive' THEN 3 WHEN 'partnership' THEN 4 END) - (CASE "recommended_level" WHEN 'basic' THEN 0 WHEN 'reactive' THEN 1 WHEN 'accountable' THEN 2 WHEN 'proactive' THEN 3 WHEN 'partnership' THEN 4 END)) END)) VIRTUAL;--> statement-breakpoint
ALTER TABLE `accounts` ADD `level_stake` integer GENERATED ALWAYS AS ((coalesce("yearly_margin", 0) * "level_gap")) VIRTUAL;--> statement-breakpoint
CREATE INDEX `accounts_level_stake_idx` ON `accounts` (`level_stake`,`id`) WHERE "accounts"."level_gap" > 0;--> statement-breakpoint
CREATE INDEX `accounts_level_gap_stake_idx` ON `accounts` (`level_gap`,`level_stake`,`id`) WHERE "accounts"."level_gap" > 0;--> statement-breakpoint
CREATE INDEX `accounts_owner_level_stake_idx` ON `accounts` (`owner_id`,`level_stake`,`id`) WHERE "accounts"."level_gap" > 0;--> statement-breakpoint
CREATE INDEX `accounts_owner_level_gap_stake_idx` ON `accounts` (`owner_id`,`level_gap`,`level_stake`,`id`) WHERE "accounts"."level_gap" > 0;--> statement-breakpoint
ALTER TABLE `tasks` ADD `title_key` text;--> statement-breakpoint
ALTER TABLE `tasks` ADD `title_params` text;--> statement-breakpoint
ALTER TABLE `complaints` ADD `final_outcome` text GENERATED ALWAYS AS ((CASE WHEN "resolved_at" IS NOT NULL THEN CASE WHEN "resolved_at" <= "resolve_due_at" THEN 'resolved_quickly' ELSE 'resolved' END WHEN "acknowledged_at" IS NULL THEN 'unacknowledged' ELSE 'unresolved' END)) VIRTUAL;--> statement-breakpoint
CREATE INDEX `complaints_outcome_month_idx` ON `complaints` (`received_month`,`final_outcome`,`received_at`,`channel`,`category`,`resolved_at`,`closed_at`,`resolve_due_at`);--> statement-breakpoint
CREATE INDEX `complaints_outcome_account_idx` ON `complaints` (`account_id`,`final_outcome`,`received_at`,`channel`,`category`,`next_order_at`,`resolved_at`,`closed_at`,`resolve_due_at`);
--> statement-breakpoint
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
--> statement-breakpoint
-- Hand-written below the generated part: the free-text competitors of existing deals become the list (one
-- entry per trimmed, lower-cased spelling; merging near-duplicates such as "Brightline" and "Brightline
-- Supply" is the admin's call, in settings), and each deal points at its entry. Migration 0018 drops the text.
INSERT INTO `competitors` (`name`, `name_key`, `created_at`, `updated_at`)
  SELECT min(trim(`competitor`)), lower(trim(`competitor`)), min(`created_at`), min(`created_at`) FROM `deals`
  WHERE `competitor` IS NOT NULL AND trim(`competitor`) <> '' GROUP BY lower(trim(`competitor`));--> statement-breakpoint
UPDATE `deals` SET `competitor_id` = (SELECT c.`id` FROM `competitors` c WHERE c.`name_key` = lower(trim(`deals`.`competitor`)))
  WHERE `competitor` IS NOT NULL AND trim(`competitor`) <> '';
--> statement-breakpoint
-- Hand-written below the generated part (issue #12 §7): titles and reasons the system wrote become a message
-- key with parameters, shown in the reader's language; the title keeps its English rendering.
-- Tasks: cadence check-ins, contacts and reviews; win-back; complaint follow-ups; review actions.
UPDATE `tasks` SET `title_key` = 'task.checkIn', `title_params` = json_object('order', CASE
    WHEN `title` LIKE 'Check-in call after order %' THEN substr(`title`, 27)
    ELSE substr(`title`, 4, length(`title`) - 10) END)
  WHERE `kind` = 'cadence_checkin' AND (`title` LIKE 'Check-in call after order %' OR `title` LIKE '订单 % 售后回访电话');--> statement-breakpoint
UPDATE `tasks` SET `title_key` = 'task.regularContact', `title_params` = json_object('days', CASE
    WHEN `title` LIKE 'Regular contact (every %' THEN CAST(substr(`title`, 24) AS INTEGER)
    ELSE CAST(substr(`title`, 8) AS INTEGER) END)
  WHERE `kind` = 'cadence_contact' AND (`title` LIKE 'Regular contact (every %' OR `title` LIKE '定期联系（每 %');--> statement-breakpoint
UPDATE `tasks` SET `title_key` = 'task.jointReview', `title_params` = json_object('days', CASE
    WHEN `title` LIKE 'Joint review with the customer (every %' THEN CAST(substr(`title`, 39) AS INTEGER)
    ELSE CAST(substr(`title`, 13) AS INTEGER) END)
  WHERE `kind` = 'joint_review' AND (`title` LIKE 'Joint review with the customer (every %' OR `title` LIKE '与客户共同回顾合作（每 %');--> statement-breakpoint
UPDATE `tasks` SET `title_key` = 'task.winBack' WHERE `title` IN ('Win back this customer', '赢回这位客户');--> statement-breakpoint
UPDATE `tasks` SET `title_key` = 'task.winBackDeal', `title_params` = json_object('deal', CASE
    WHEN `title` LIKE 'Win back: %' THEN substr(`title`, 11) ELSE substr(`title`, 4) END)
  WHERE `title_key` IS NULL AND (`title` LIKE 'Win back: %' OR `title` LIKE '赢回：%');--> statement-breakpoint
UPDATE `tasks` SET `title_key` = 'task.keepBusinessDeal', `title_params` = json_object('deal', CASE
    WHEN `title` LIKE 'Keep the business: %' THEN substr(`title`, 20) ELSE substr(`title`, 6) END)
  WHERE `title` LIKE 'Keep the business: %' OR `title` LIKE '保住业务：%';--> statement-breakpoint
UPDATE `tasks` SET `title_key` = 'task.complaintFollowUp', `title_params` = json_object('reference', substr(`title`, 24))
  WHERE `kind` = 'follow_up' AND `title` LIKE 'Follow up on complaint %';--> statement-breakpoint
UPDATE `tasks` SET `title` = CASE `title_key`
    WHEN 'task.checkIn' THEN 'Check-in call after order ' || json_extract(`title_params`, '$.order')
    WHEN 'task.regularContact' THEN 'Regular contact (every ' || json_extract(`title_params`, '$.days') || ' days)'
    WHEN 'task.jointReview' THEN 'Joint review with the customer (every ' || json_extract(`title_params`, '$.days') || ' days)'
    WHEN 'task.winBack' THEN 'Win back this customer'
    WHEN 'task.winBackDeal' THEN 'Win back: ' || json_extract(`title_params`, '$.deal')
    WHEN 'task.keepBusinessDeal' THEN 'Keep the business: ' || json_extract(`title_params`, '$.deal')
    ELSE `title` END
  WHERE `title_key` IS NOT NULL;--> statement-breakpoint
-- Ladder moves the demo data wrote as sentences: the codes the app writes (created, order, won_back, lapsed,
-- lost), with their details in the evidence.
UPDATE `ladder_moves` SET `evidence` = json_object('source', CASE
    WHEN `reason` IN ('Imported from the trade fair visitor list', '来自展会访客名单') THEN 'trade_fair'
    WHEN `reason` IN ('Web enquiry', '网站询盘') THEN 'web'
    WHEN `reason` IN ('Referred by an existing customer', '老客户推荐') THEN 'referral'
    ELSE 'directory' END), `reason` = 'created'
  WHERE `from_rung` IS NULL AND `reason` IN ('Imported from the trade fair visitor list', '来自展会访客名单',
    'Web enquiry', '网站询盘', 'Referred by an existing customer', '老客户推荐', 'Cold list from a directory', '行业名录导入');--> statement-breakpoint
UPDATE `ladder_moves` SET `reason` = 'order',
    `evidence` = json_object('externalRef', coalesce(json_extract(`evidence`, '$.orderRef'), json_extract(`evidence`, '$.externalRef')))
  WHERE `reason` LIKE 'First order %' OR `reason` LIKE '首次下单 %' OR `reason` LIKE 'Second order %' OR `reason` LIKE '第二笔订单 %';--> statement-breakpoint
UPDATE `ladder_moves` SET `reason` = 'lapsed', `evidence` = json_set(coalesce(`evidence`, '{}'), '$.windowDays', 365)
  WHERE `reason` IN ('No order for 365 days', '365天内无订单');--> statement-breakpoint
UPDATE `ladder_moves` SET `evidence` = json_object(
    'externalRef', json_extract(`evidence`, '$.orderRef'),
    'daysSinceLastOrder', CASE WHEN `reason` LIKE 'Won back: %' THEN CAST(substr(`reason`, 31) AS INTEGER)
      ELSE CAST(substr(`reason`, 8) AS INTEGER) END), `reason` = 'won_back'
  WHERE `reason` LIKE 'Won back: ordered again after % days' OR `reason` LIKE '挽回成功：间隔%天后再次下单';--> statement-breakpoint
UPDATE `ladder_moves` SET `evidence` = json_object('lostReason', json_extract(`evidence`, '$.reason'))
  WHERE `to_status` = 'lost' AND json_extract(`evidence`, '$.reason') IS NOT NULL;--> statement-breakpoint
UPDATE `ladder_moves` SET `reason` = 'lost' WHERE `reason` LIKE 'lost: %';--> statement-breakpoint
-- The default deal stages in Chinese.
INSERT OR IGNORE INTO `name_labels` (`kind`, `name`, `locale`, `label`, `updated_at`) VALUES
  ('stage', 'Qualifying', 'zh', '资格审查', CAST(unixepoch('now') * 1000 AS INTEGER)),
  ('stage', 'Proposal', 'zh', '方案报价', CAST(unixepoch('now') * 1000 AS INTEGER)),
  ('stage', 'Negotiation', 'zh', '商务谈判', CAST(unixepoch('now') * 1000 AS INTEGER));
