-- Saves that changed nothing left entries with no field changes ("No field changes" in the audit log). They
-- are no longer recorded (server/audit/audit.queries.ts recordAudit); the earlier ones go too.
DELETE FROM `audit_log` WHERE `changes` = '{}' AND (`action` LIKE '%.update' OR `action` LIKE '%.set\_%' ESCAPE '\');
