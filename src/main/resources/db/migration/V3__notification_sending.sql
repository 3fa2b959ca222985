-- Status SENDING: an attempt claims a notice with one conditional UPDATE before it talks to the SMTP server,
-- so that concurrent attempts of the same idempotency key cannot both send (NotificationService).
-- V2 is applied and never edited: its check constraint is replaced here. Portable between H2 (MODE=LEGACY)
-- and PostgreSQL 17.
ALTER TABLE notice DROP CONSTRAINT ck_notice_status;
ALTER TABLE notice ADD CONSTRAINT ck_notice_status CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED', 'SKIPPED'));
