CREATE TABLE `complaint_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`complaint_id` integer NOT NULL,
	`kind` text NOT NULL,
	`from_status` text,
	`to_status` text,
	`message` text,
	`is_public` integer DEFAULT false NOT NULL,
	`actor_id` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `complaint_events_complaint_idx` ON `complaint_events` (`complaint_id`,`at`,`id`);--> statement-breakpoint
CREATE TABLE `complaints` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reference` text NOT NULL,
	`account_id` integer NOT NULL,
	`contact_id` integer,
	`channel` text NOT NULL,
	`category` text NOT NULL,
	`severity` text NOT NULL,
	`description` text NOT NULL,
	`customer_request` text,
	`status` text DEFAULT 'received' NOT NULL,
	`department` text NOT NULL,
	`handler_id` text,
	`root_cause` text,
	`root_cause_text` text,
	`responsible_party` text,
	`remedy_type` text,
	`remedy_value` integer,
	`remedy_description` text,
	`remedy_carried_out_at` integer,
	`approved_by_id` text,
	`approved_at` integer,
	`approval_note` text,
	`confirmation_channel` text,
	`confirmation_note` text,
	`confirmed_by_id` text,
	`closed_unconfirmed_reason` text,
	`received_at` integer NOT NULL,
	`acknowledged_at` integer,
	`resolved_at` integer,
	`closed_at` integer,
	`ack_due_at` integer NOT NULL,
	`resolve_due_at` integer NOT NULL,
	`due_at` integer,
	`ack_breached_at` integer,
	`resolve_breached_at` integer,
	`public_email` text,
	`locale` text DEFAULT 'en' NOT NULL,
	`apologised` integer DEFAULT false NOT NULL,
	`listened` integer DEFAULT false NOT NULL,
	`offered_fix` integer DEFAULT false NOT NULL,
	`added_value` integer DEFAULT false NOT NULL,
	`kept_promise` integer DEFAULT false NOT NULL,
	`followed_up` integer DEFAULT false NOT NULL,
	`follow_up_task_id` integer,
	`created_by_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`handler_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`confirmed_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `complaints_reference_uq` ON `complaints` (`reference`);--> statement-breakpoint
CREATE INDEX `complaints_handler_queue_idx` ON `complaints` (`handler_id`,`due_at`,`id`);--> statement-breakpoint
CREATE INDEX `complaints_department_queue_idx` ON `complaints` (`department`,`due_at`,`id`);--> statement-breakpoint
CREATE INDEX `complaints_status_due_idx` ON `complaints` (`status`,`due_at`,`id`);--> statement-breakpoint
CREATE INDEX `complaints_due_idx` ON `complaints` (`due_at`);--> statement-breakpoint
CREATE INDEX `complaints_received_idx` ON `complaints` (`received_at`);--> statement-breakpoint
CREATE INDEX `complaints_account_idx` ON `complaints` (`account_id`,`received_at`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`to` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`complaint_id` integer,
	`created_at` integer NOT NULL,
	`sent_at` integer,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `outbox_unsent_idx` ON `outbox` (`sent_at`,`created_at`);--> statement-breakpoint
CREATE INDEX `outbox_complaint_idx` ON `outbox` (`complaint_id`);