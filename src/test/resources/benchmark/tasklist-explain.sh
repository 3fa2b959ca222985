# usage: tl-gen.sh pg|h2
DB=$1
if [ "$DB" = h2 ]; then B2='BITAND(A.PERMS_, 2)'; B64='BITAND(A.PERMS_, 64)'; EX='EXPLAIN ANALYZE'; else B2='A.PERMS_ & 2'; B64='A.PERMS_ & 64'; EX='EXPLAIN (ANALYZE, BUFFERS)'; fi
auth() { cat <<SQL
    left join (
      SELECT A.* FROM ACT_RU_AUTHORIZATION A
      WHERE A.TYPE_ < 2 AND ( A.USER_ID_ in ('$1', '*') OR A.GROUP_ID_ IN ($2) )
        AND ( (A.RESOURCE_TYPE_ = 7 AND $B2 = 2) OR (A.RESOURCE_TYPE_ = 6 AND $B64 = 64) )
    ) AUTH ON (AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*'))
SQL
}
OG="'acceptance-officers', 'acceptance-officers-41', 'provincial-officers-33', 'provincial-officers-41', 'provincial-officers-44', 'provincial-officers'"
officer_from() { cat <<SQL
    from ACT_RU_TASK RES
    left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_
    left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_
$(auth officer "$OG")
    WHERE ( 1 = 1 and RES.TASK_DEF_KEY_ in ('Task_ReviewCompleteness', 'Task_ReviewObjection', 'Task_DecideFiling', 'Task_ReviewChange')
      and ( I.TYPE_ = 'candidate' and I.GROUP_ID_ IN ($OG) ) )
    and ( (RES.CASE_EXECUTION_ID_ IS NOT NULL) OR (AUTH.RESOURCE_ID_ IS NOT NULL) )
    and (RES.TENANT_ID_ is null)
SQL
}
officer_count() { echo "SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_"; officer_from; echo ") countDistinct"; }
officer_list() { echo "select distinct RES.ID_, RES.CREATE_TIME_, RES.NAME_, RES.TASK_DEF_KEY_, RES.PROC_INST_ID_, RES.ASSIGNEE_"; officer_from; echo "order by RES.CREATE_TIME_ desc LIMIT 15 OFFSET 0"; }
expert_count() { cat <<SQL
SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_
    from ACT_RU_TASK RES
    left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_
$(auth expert1 "'experts'")
    WHERE ( 1 = 1 and RES.ASSIGNEE_ = 'expert1' )
    and ( (RES.CASE_EXECUTION_ID_ IS NOT NULL) OR (AUTH.RESOURCE_ID_ IS NOT NULL) )
    and (RES.TENANT_ID_ is null)
) countDistinct
SQL
}
echo "-- Generated for docs/performance.md: Tasklist's count (and list) of the 技术评审 (expert1) and 受理审查 (officer) filters"
echo "-- as Camunda 7.24 generates them for the application's users, with the values inlined."
if [ "$DB" = h2 ]; then
echo "$EX $(expert_count);"
echo "$EX $(officer_count);"
echo "$EX $(officer_list);"
else
echo "SET plan_cache_mode = force_custom_plan;"
echo "SHOW random_page_cost;"
echo "$EX $(expert_count);"
echo "$EX $(officer_count);"
echo "$EX $(officer_list);"
echo "-- random_page_cost for a database in memory / on SSD"
echo "SET random_page_cost = 1.1;"
echo "$EX $(expert_count);"
echo "$EX $(officer_count);"
echo "$EX $(officer_list);"
echo "RESET random_page_cost;"
fi
