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
ALTER TABLE `tasks` ADD `title_key` text;--> statement-breakpoint
ALTER TABLE `tasks` ADD `title_params` text;--> statement-breakpoint
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
