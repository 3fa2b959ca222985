-- Tasklist on H2 with many open tasks (issue 15, docs/performance.md "H2"): workflow.HashedTaskAuthorization reads
-- the caller's own grants by user id. Camunda's only index on ACT_RU_AUTHORIZATION with USER_ID_ starts with TYPE_,
-- and H2 uses a list of values (USER_ID_ IN (user, '*')) only on an index's first column: without this index it reads
-- every grant (one per open task and candidate group) to find the user's few. PostgreSQL needs none (it combines
-- indexes).
CREATE INDEX IF NOT EXISTS ASSESSMENT_IDX_AUTH_USER ON ACT_RU_AUTHORIZATION (USER_ID_);
