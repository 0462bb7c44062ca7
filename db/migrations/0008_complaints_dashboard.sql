ALTER TABLE `complaints` ADD `received_month` integer GENERATED ALWAYS AS ((CAST(strftime('%Y', "received_at" / 1000, 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', "received_at" / 1000, 'unixepoch') AS INTEGER) - 1)) VIRTUAL;--> statement-breakpoint
ALTER TABLE `complaints` ADD `ack_ms` integer GENERATED ALWAYS AS (("acknowledged_at" - "received_at")) VIRTUAL;--> statement-breakpoint
ALTER TABLE `complaints` ADD `resolve_ms` integer GENERATED ALWAYS AS (("resolved_at" - "received_at")) VIRTUAL;--> statement-breakpoint
CREATE INDEX `complaints_dashboard_idx` ON `complaints` (`received_month`,`received_at`,`category`,`channel`,`account_id`,`acknowledged_at`,`ack_due_at`,`resolved_at`,`resolve_due_at`,`closed_at`,`root_cause`,`responsible_party`,`remedy_type`,`remedy_carried_out_at`,`remedy_value`);--> statement-breakpoint
CREATE INDEX `complaints_ack_month_idx` ON `complaints` (`received_month`,`ack_ms`,`received_at`,`category`,`channel`);--> statement-breakpoint
CREATE INDEX `complaints_ack_order_idx` ON `complaints` (`ack_ms`,`received_at`,`category`,`channel`);--> statement-breakpoint
CREATE INDEX `complaints_resolve_month_idx` ON `complaints` (`received_month`,`resolve_ms`,`received_at`,`category`,`channel`);--> statement-breakpoint
CREATE INDEX `complaints_resolve_order_idx` ON `complaints` (`resolve_ms`,`received_at`,`category`,`channel`);