DROP INDEX `apa_cohort_idx`;--> statement-breakpoint
CREATE INDEX `apa_cohort_idx` ON `account_period_activity` (`grain`,`cohort`,`period`,`revenue`,`prev`);