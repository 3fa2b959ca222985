-- docs/performance.md "H2": the officer filter's count in the form HashedTaskAuthorization sends (values inlined),
-- the same count without any authorization check, the caller's grants alone, and the skip scan of the groups.
-- our form, officer count
EXPLAIN ANALYZE SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_
    from ACT_RU_TASK RES
    left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_
    left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_
    WHERE ( 1 = 1 and RES.TASK_DEF_KEY_ in ('Task_ReviewCompleteness', 'Task_ReviewObjection', 'Task_DecideFiling', 'Task_ReviewChange')
      and ( I.TYPE_ = 'candidate' and I.GROUP_ID_ IN ('acceptance-officers', 'acceptance-officers-41', 'provincial-officers-33', 'provincial-officers-41', 'provincial-officers-44', 'provincial-officers') ) )
    and ( (RES.CASE_EXECUTION_ID_ IS NOT NULL)
      OR RES.ID_ IN (SELECT A.RESOURCE_ID_ FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2 AND ( A.USER_ID_ in ('officer', '*') OR A.GROUP_ID_ IN ('acceptance-officers', 'acceptance-officers-41', 'provincial-officers-33', 'provincial-officers-41', 'provincial-officers-44', 'provincial-officers') ) AND ( (A.RESOURCE_TYPE_ = 7 AND BITAND(A.PERMS_, 2) = 2) OR (A.RESOURCE_TYPE_ = 6 AND BITAND(A.PERMS_, 64) = 64) ))
      OR D.KEY_ IN (SELECT A.RESOURCE_ID_ FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2 AND ( A.USER_ID_ in ('officer', '*') OR A.GROUP_ID_ IN ('acceptance-officers', 'acceptance-officers-41', 'provincial-officers-33', 'provincial-officers-41', 'provincial-officers-44', 'provincial-officers') ) AND ( (A.RESOURCE_TYPE_ = 7 AND BITAND(A.PERMS_, 2) = 2) OR (A.RESOURCE_TYPE_ = 6 AND BITAND(A.PERMS_, 64) = 64) ))
      OR '*' IN (SELECT A.RESOURCE_ID_ FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2 AND ( A.USER_ID_ in ('officer', '*') OR A.GROUP_ID_ IN ('acceptance-officers', 'acceptance-officers-41', 'provincial-officers-33', 'provincial-officers-41', 'provincial-officers-44', 'provincial-officers') ) AND ( (A.RESOURCE_TYPE_ = 7 AND BITAND(A.PERMS_, 2) = 2) OR (A.RESOURCE_TYPE_ = 6 AND BITAND(A.PERMS_, 64) = 64) )) )
    and (RES.TENANT_ID_ is null)
) countDistinct;
-- the same without the authorization check: the rest of the query's cost
EXPLAIN ANALYZE SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_
    from ACT_RU_TASK RES
    left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_
    left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_
    WHERE ( 1 = 1 and RES.TASK_DEF_KEY_ in ('Task_ReviewCompleteness', 'Task_ReviewObjection', 'Task_DecideFiling', 'Task_ReviewChange')
      and ( I.TYPE_ = 'candidate' and I.GROUP_ID_ IN ('acceptance-officers', 'acceptance-officers-41', 'provincial-officers-33', 'provincial-officers-41', 'provincial-officers-44', 'provincial-officers') ) )
    and (RES.TENANT_ID_ is null)
) countDistinct;
-- the grants subquery alone
EXPLAIN ANALYZE SELECT COUNT(*) FROM (SELECT A.RESOURCE_ID_ FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2 AND ( A.USER_ID_ in ('officer', '*') OR A.GROUP_ID_ IN ('acceptance-officers', 'acceptance-officers-41', 'provincial-officers-33', 'provincial-officers-41', 'provincial-officers-44', 'provincial-officers') ) AND ( (A.RESOURCE_TYPE_ = 7 AND BITAND(A.PERMS_, 2) = 2) OR (A.RESOURCE_TYPE_ = 6 AND BITAND(A.PERMS_, 64) = 64) )) g;
-- the group skip scan
EXPLAIN ANALYZE WITH RECURSIVE G (GROUP_ID_) AS (
            (SELECT A.GROUP_ID_ FROM ACT_RU_AUTHORIZATION A WHERE A.GROUP_ID_ >= '' ORDER BY A.GROUP_ID_ LIMIT 1)
            UNION ALL
            SELECT (SELECT B.GROUP_ID_ FROM ACT_RU_AUTHORIZATION B WHERE B.GROUP_ID_ > G.GROUP_ID_ ORDER BY B.GROUP_ID_ LIMIT 1)
            FROM G WHERE G.GROUP_ID_ IS NOT NULL
          )
          SELECT G.GROUP_ID_ FROM G WHERE G.GROUP_ID_ IS NOT NULL;
