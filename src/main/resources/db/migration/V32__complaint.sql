-- Complaints from the public about institutions (004 Art. 28; 浙江 监督管理办法 Art. 17; CONTRACT.md "Complaints").
-- The complainant's identity (name, contact, email) is kept here only, for the officers: it never reaches the
-- institution, the disciplinary case or any public page. The access token is kept as a SHA-256 hash.
CREATE TABLE complaint (
  complaint_no            VARCHAR(20)    NOT NULL PRIMARY KEY,
  institution_filing_code VARCHAR(32),
  institution_name        VARCHAR(200)   NOT NULL,
  content                 VARCHAR(5000)  NOT NULL,
  complainant_name        VARCHAR(50),
  complainant_contact     VARCHAR(100),
  complainant_email       VARCHAR(254),
  token_hash              VARCHAR(64)    NOT NULL,
  status                  VARCHAR(16)    NOT NULL,
  triage_comment          VARCHAR(2000),
  findings                VARCHAR(5000),
  reply                   VARCHAR(2000),
  case_no                 VARCHAR(32),
  submitted_at            TIMESTAMP WITH TIME ZONE NOT NULL,
  reply_due               TIMESTAMP WITH TIME ZONE,
  answered_at             TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_complaint_institution ON complaint (institution_filing_code);
CREATE INDEX ix_complaint_case ON complaint (case_no);
