-- Changes of an institution's basic information (004 Art. 21): one row per changed field of a change application,
-- with the old and the new value; decided_at/approved once the officer has decided. The record keeps the old
-- values with their dates (监管档案).
CREATE TABLE lifecycle_info_change (
  application_no  VARCHAR(20)   NOT NULL,
  filing_code     VARCHAR(13)   NOT NULL,
  field           VARCHAR(40)   NOT NULL,
  old_value       VARCHAR(500),
  new_value       VARCHAR(500),
  reported_at     TIMESTAMP     NOT NULL,
  decided_at      TIMESTAMP,
  approved        BOOLEAN,
  CONSTRAINT pk_lifecycle_info_change PRIMARY KEY (application_no, field)
);
CREATE INDEX ix_lifecycle_info_change_code ON lifecycle_info_change (filing_code);
