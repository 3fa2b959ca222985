-- Tasklist on PostgreSQL with many open tasks. Camunda checks authorizations in a task query by joining
-- ACT_RU_AUTHORIZATION filtered on permission bits (PERMS_ & 2 = 2 for READ on a task, PERMS_ & 64 = 64 for
-- READ_TASK on a process definition). PostgreSQL has no statistics for such an expression and guesses that 0.5 % of
-- the rows match, while nearly all do (every open task has a grant row for its candidate group). It then plans a
-- nested loop that compares every task with every grant: a group filter's count took 0.6 s at 2,000 open tasks and
-- over 30 s at 20,000 (README, "Benchmark"). With statistics on the two expressions it probes the resource-id index
-- per task instead: 0.4 s at 20,000.
-- The planner only uses them when it plans with the actual permission values, hence plan_cache_mode =
-- force_custom_plan on every connection (workflow.PostgresQueryPlans). Other bits are not used in Tasklist's queries.
CREATE STATISTICS IF NOT EXISTS act_ru_authorization_perms_read ON (perms_ & 2) FROM act_ru_authorization;
CREATE STATISTICS IF NOT EXISTS act_ru_authorization_perms_read_task ON (perms_ & 64) FROM act_ru_authorization;
ANALYZE act_ru_authorization;
