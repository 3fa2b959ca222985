-- Generated for docs/performance.md: Tasklist's count (and list) of the 技术评审 (expert1) and 受理审查 (officer) filters
-- as Camunda 7.24 generates them for the application's users, with the values inlined.
EXPLAIN ANALYZE SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_
    from ACT_RU_TASK RES
    left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_
    left join (
      SELECT A.* FROM ACT_RU_AUTHORIZATION A
      WHERE A.TYPE_ < 2 AND ( A.USER_ID_ in ('expert1', '*') OR A.GROUP_ID_ IN ('experts') )
        AND ( (A.RESOURCE_TYPE_ = 7 AND BITAND(A.PERMS_, 2) = 2) OR (A.RESOURCE_TYPE_ = 6 AND BITAND(A.PERMS_, 64) = 64) )
    ) AUTH ON (AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*'))
    WHERE ( 1 = 1 and RES.ASSIGNEE_ = 'expert1' )
    and ( (RES.CASE_EXECUTION_ID_ IS NOT NULL) OR (AUTH.RESOURCE_ID_ IS NOT NULL) )
    and (RES.TENANT_ID_ is null)
) countDistinct;
EXPLAIN ANALYZE SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_
    from ACT_RU_TASK RES
    left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_
    left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_
    left join (
      SELECT A.* FROM ACT_RU_AUTHORIZATION A
      WHERE A.TYPE_ < 2 AND ( A.USER_ID_ in ('officer', '*') OR A.GROUP_ID_ IN ('acceptance-officers', 'acceptance-officers-41', 'provincial-officers-33', 'provincial-officers-41', 'provincial-officers-44', 'provincial-officers') )
        AND ( (A.RESOURCE_TYPE_ = 7 AND BITAND(A.PERMS_, 2) = 2) OR (A.RESOURCE_TYPE_ = 6 AND BITAND(A.PERMS_, 64) = 64) )
    ) AUTH ON (AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*'))
    WHERE ( 1 = 1 and RES.TASK_DEF_KEY_ in ('Task_ReviewCompleteness', 'Task_ReviewObjection', 'Task_DecideFiling', 'Task_ReviewChange')
      and ( I.TYPE_ = 'candidate' and I.GROUP_ID_ IN ('acceptance-officers', 'acceptance-officers-41', 'provincial-officers-33', 'provincial-officers-41', 'provincial-officers-44', 'provincial-officers') ) )
    and ( (RES.CASE_EXECUTION_ID_ IS NOT NULL) OR (AUTH.RESOURCE_ID_ IS NOT NULL) )
    and (RES.TENANT_ID_ is null)
) countDistinct;
EXPLAIN ANALYZE select distinct RES.ID_, RES.CREATE_TIME_, RES.NAME_, RES.TASK_DEF_KEY_, RES.PROC_INST_ID_, RES.ASSIGNEE_
    from ACT_RU_TASK RES
    left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_
    left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_
    left join (
      SELECT A.* FROM ACT_RU_AUTHORIZATION A
      WHERE A.TYPE_ < 2 AND ( A.USER_ID_ in ('officer', '*') OR A.GROUP_ID_ IN ('acceptance-officers', 'acceptance-officers-41', 'provincial-officers-33', 'provincial-officers-41', 'provincial-officers-44', 'provincial-officers') )
        AND ( (A.RESOURCE_TYPE_ = 7 AND BITAND(A.PERMS_, 2) = 2) OR (A.RESOURCE_TYPE_ = 6 AND BITAND(A.PERMS_, 64) = 64) )
    ) AUTH ON (AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*'))
    WHERE ( 1 = 1 and RES.TASK_DEF_KEY_ in ('Task_ReviewCompleteness', 'Task_ReviewObjection', 'Task_DecideFiling', 'Task_ReviewChange')
      and ( I.TYPE_ = 'candidate' and I.GROUP_ID_ IN ('acceptance-officers', 'acceptance-officers-41', 'provincial-officers-33', 'provincial-officers-41', 'provincial-officers-44', 'provincial-officers') ) )
    and ( (RES.CASE_EXECUTION_ID_ IS NOT NULL) OR (AUTH.RESOURCE_ID_ IS NOT NULL) )
    and (RES.TENANT_ID_ is null)
order by RES.CREATE_TIME_ desc LIMIT 15 OFFSET 0;
