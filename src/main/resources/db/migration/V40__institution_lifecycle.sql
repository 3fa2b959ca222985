-- Life after filing (issue 13; 004 Art. 21-24, 浙江 监督管理办法 Art. 15, 21(7)). Runs on H2 (MODE=LEGACY) and PostgreSQL 17.

-- Renewals (延续) and scope changes run the filing procedure on a filing_application row of their own: kind says
-- which procedure, target_filing_code names the institution. open_credit_code (V10) keeps one open application
-- per credit code, so a second renewal of the same institution is refused by the database even when two arrive at
-- the same moment.
ALTER TABLE filing_application ADD COLUMN kind VARCHAR(20) DEFAULT 'FILING' NOT NULL;
ALTER TABLE filing_application ADD COLUMN target_filing_code VARCHAR(13);
CREATE INDEX ix_filing_application_target ON filing_application (target_filing_code);

-- How a filing ended: VOLUNTARY (004 Art. 24), DISCIPLINARY (002 Annex 2 Art. 14); LAPSED is derived from
-- valid_until like the status EXPIRED. reported_upwards_at: the last report to the level above (004 Art. 10).
ALTER TABLE registry_institution ADD COLUMN termination_kind VARCHAR(20);
ALTER TABLE registry_institution ADD COLUMN reported_upwards_at TIMESTAMP;

-- Expiry notices (监督管理办法 Art. 21(7)): one row per institution, validity end and kind (REMINDER_<days> or
-- EXPIRED). The row is written in the transaction that queues the mail, so the primary key lets exactly one node
-- send each notice once, also after a restart; a renewed filing (new valid_until) gets its own reminders.
CREATE TABLE lifecycle_expiry_notice (
  filing_code  VARCHAR(13)  NOT NULL,
  valid_until  DATE         NOT NULL,
  kind         VARCHAR(20)  NOT NULL,
  sent_at      TIMESTAMP    NOT NULL,
  -- true when a later notice was due at the same sweep (after downtime): recorded, not mailed
  superseded   BOOLEAN      DEFAULT FALSE NOT NULL,
  CONSTRAINT pk_lifecycle_expiry_notice PRIMARY KEY (filing_code, valid_until, kind)
);
