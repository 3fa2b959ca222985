-- The access letter (案件查询凭证) of a disciplinary case is printed once, by the officer who registered the case
-- (README "Disciplinary cases started in Tasklist"): who printed it and when. The token itself is never stored (it is
-- derived from the case number under the secret, discipline.IdNumberProtector).
CREATE TABLE discipline_access_letter (
  case_no    VARCHAR(32)  NOT NULL PRIMARY KEY REFERENCES discipline_case (case_no),
  issued_by  VARCHAR(64)  NOT NULL,
  issued_at  TIMESTAMP    NOT NULL
);
