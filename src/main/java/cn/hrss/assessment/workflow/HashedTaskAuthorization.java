package cn.hrss.assessment.workflow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The task query (Tasklist's filters: list and count) checks the caller's grants as a set instead of task by task.
 *
 * <p>Camunda 7 joins the caller's grants to every task with {@code AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*')}.
 * That OR rules out a hash join, so the database probes the grants once per visible task (or compares every task
 * with every grant): an officer who sees 12,000 of 100,000 open tasks pays about 0.4 s per count, and Tasklist
 * counts twice per page (docs/performance.md). The same condition written as three uncorrelated subqueries,
 * {@code RES.ID_ IN (grants) OR D.KEY_ IN (grants) OR '*' IN (grants)}, is evaluated by PostgreSQL and H2 as a hash
 * of the caller's grants built once per query.
 *
 * <p>A query narrowed to one case or task (by process instance, business key, task or execution: Tasklist's search,
 * the engine's own look-ups) keeps Camunda's join: it meets a handful of tasks, and probing the grants for those is
 * cheaper than reading all the caller's grants.
 *
 * <p>It is the same check: the grants are Camunda's own selection (type GRANT or GLOBAL, the caller or '*' or one of
 * the caller's groups, the query's resource types and permissions), matched against the same three ids. Where
 * revokes exist ({@code authorizationCheckRevokes: auto} finds one), Camunda's own per-task form is used unchanged.
 * The statements are derived at start-up from the engine's own {@code Task.xml}, so every query criterion of the
 * running Camunda version is kept; if the two places this changes are not found exactly once, start-up fails, and
 * {@code assessment.engine.hashed-task-authorization: false} runs with Camunda's own statements.
 *
 * <p>Also, every command that checks authorizations first reads the groups that have any grant, to leave the others out
 * of its checks: Camunda's {@code SELECT distinct(A.GROUP_ID_) FROM ACT_RU_AUTHORIZATION A} reads the whole table
 * (a grant per open task: 125,000 rows and 50 ms at 100,000 open tasks, three or four times per Tasklist page). Ours
 * returns the same groups by walking the group index from one group to the next (a few dozen index probes). Not on
 * H2, which walks the index that way for Camunda's own statement, and far faster than for ours.
 *
 * <p>On H2, a query by candidate groups (the acceptance and discipline filters) also names the tasks of those groups
 * as a set ({@code CANDIDATE_GROUPS_FIRST}): H2 then starts from the group index instead of reading every open task.
 * And each of the three sets is read through an index ({@code GRANTED_IDS_BY_INDEX}) instead of the whole grant table.
 */
@Component
public class HashedTaskAuthorization extends AbstractProcessEnginePlugin {

  static final String NAMESPACE = "cn.hrss.assessment.workflow.HashedTaskAuthorization";
  static final String CAMUNDA_TASK_MAPPING = "org/camunda/bpm/engine/impl/mapping/entity/Task.xml";
  static final String LIST = "selectTaskByQueryCriteria";
  static final String COUNT = "selectTaskCountByQueryCriteria";
  static final String GROUPS = "selectAuthorizedGroupIds";
  static final String HASHED = "WithHashedAuthorization";
  private static final String CRITERIA = "taskQueryCriteria" + HASHED;

  private static final String CAMUNDA_TASK = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity";
  private static final String CAMUNDA_AUTH = "org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity";
  private static final Logger LOG = LoggerFactory.getLogger(HashedTaskAuthorization.class);

  /** Camunda's join of the caller's grants, per task: kept for narrow queries only. */
  private static final Pattern AUTH_JOIN = Pattern.compile(
      Pattern.quote("<include refid=\"" + CAMUNDA_AUTH + ".authCheckJoinWithoutOnClause\" />")
          + "\\s*AUTH ON \\(AUTH\\.RESOURCE_ID_ \\$\\{authJoinStart\\} RES\\.ID_ \\$\\{authJoinSeparator\\} D\\.KEY_"
          + " \\$\\{authJoinSeparator\\} '\\*' \\$\\{authJoinEnd\\}\\)");

  /**
   * A query narrowed to one case or task (Tasklist's search by business key, the engine's own look-ups) meets a handful
   * of tasks, for which probing the grants task by task is cheaper than reading all the caller's grants into a hash;
   * such queries keep Camunda's join. Only a single query (no {@code or()} branches) is narrow.
   */
  private static final String NARROW = """

          <bind name="hashedAuthorization" value="!(queries.size == 1 and (queries[0].processInstanceId != null
            or queries[0].processInstanceBusinessKey != null or queries[0].taskId != null
            or queries[0].executionId != null))" />
      """;

  /** Camunda's check of that join in the where clause: replaced by ours. */
  private static final Pattern AUTH_CHECK = Pattern.compile(
      Pattern.quote("<include refid=\"" + CAMUNDA_AUTH + ".contextualAuthorizationCheck\" />"));

  private static final String FRAGMENTS = """
        <sql id="grantedResourceIds">
          SELECT A.RESOURCE_ID_ FROM ${prefix}ACT_RU_AUTHORIZATION A
          WHERE A.TYPE_ &lt; 2
          AND ( A.USER_ID_ IN ( #{authCheck.authUserId, jdbcType=VARCHAR}, '*')
          <if test="authCheck.authGroupIds != null &amp;&amp; authCheck.authGroupIds.size > 0">
            OR A.GROUP_ID_ IN
            <foreach item="item" index="index" collection="authCheck.authGroupIds" open="(" separator="," close=")">#{item}</foreach>
          </if>
          )
          <include refid="grantedPermissions" />
        </sql>

        <sql id="grantedPermissions">
          <bind name="atomicChecks" value="authCheck.permissionChecks.atomicChecks" />
          <bind name="disjunctive" value="authCheck.permissionChecks.disjunctive" />
          <include refid="%1$s.atomicChecksOnResourceTypeAndPerms" />
        </sql>

        <sql id="hashedAuthorizationCheck">
          <if test="authCheck.shouldPerformAuthorizatioCheck &amp;&amp; authCheck.authUserId != null">
            <choose>
              <when test="authCheck.revokeAuthorizationCheckEnabled or !hashedAuthorization">
                <include refid="%1$s.contextualAuthorizationCheck" />
              </when>
              <otherwise>
                and (
                <if test="applyAuthorizationCheckForCaseInstances">(RES.CASE_EXECUTION_ID_ IS NOT NULL) OR</if>
                %2$s
                )
                %3$s
              </otherwise>
            </choose>
          </if>
        </sql>
      """;

  /** The three ids matched against the caller's grants, each as one set. */
  private static final String GRANTED_IDS = """
                RES.ID_ IN (<include refid="grantedResourceIds" />)
                OR D.KEY_ IN (<include refid="grantedResourceIds" />)
                OR '*' IN (<include refid="grantedResourceIds" />)
      """;

  /**
   * H2: the same three matches, each read through an index. H2 uses one index per table and a list of values ({@code
   * IN}) only on an index's first column, so it reads Camunda's selection ({@code TYPE_ < 2 AND (USER_ID_ IN … OR
   * GROUP_ID_ IN …)}) by scanning every grant (125,677 at 100,000 open tasks, three times per query). Here: the task's
   * id among the user's grants or among the groups' ({@code ACT_IDX_AUTH_GROUP_ID}), as Camunda's own statement for
   * SQL Server splits them (the user's are still found by one pass over all grants: an index on
   * {@code USER_ID_} made that 2 ms, but with it two of three H2 throughput runs spent three times the GC time, issue
   * 15, so there is none); the definition's key
   * among the grants of the resource ids that are definition keys ({@code ACT_IDX_AUTH_RESOURCE_ID}): the key of D is
   * one of them; and '*' among the grants as a grant of resource id '*'. Each is the set it replaces, restricted to
   * the rows that can match.
   */
  private static final String GRANTED_IDS_BY_INDEX = """
                RES.ID_ IN (SELECT A.RESOURCE_ID_ FROM ${prefix}ACT_RU_AUTHORIZATION A
                  WHERE A.USER_ID_ IN ( #{authCheck.authUserId, jdbcType=VARCHAR}, '*') AND A.TYPE_ &lt; 2
                  <include refid="grantedPermissions" />)
                <if test="authCheck.authGroupIds != null &amp;&amp; authCheck.authGroupIds.size > 0">
                  OR RES.ID_ IN (SELECT A.RESOURCE_ID_ FROM ${prefix}ACT_RU_AUTHORIZATION A
                    WHERE A.GROUP_ID_ IN
                    <foreach item="item" index="index" collection="authCheck.authGroupIds" open="(" separator="," close=")">#{item}</foreach>
                    AND A.TYPE_ &lt; 2
                    <include refid="grantedPermissions" />)
                </if>
                OR D.KEY_ IN (<include refid="grantedResourceIds" />
                  AND A.RESOURCE_ID_ IN (SELECT P.KEY_ FROM ${prefix}ACT_RE_PROCDEF P))
                OR EXISTS (<include refid="grantedResourceIds" /> AND A.RESOURCE_ID_ = '*')
      """;

  /**
   * H2 only: a query by candidate groups also says {@code RES.ID_ IN (tasks of those groups)}, which Camunda's own
   * criteria already imply (its {@code I.TYPE_ = 'candidate' and I.GROUP_ID_ IN (…)} is a conjunct of the only
   * query, on a join of the task's own links). Camunda joins the links as a {@code LEFT JOIN}, which H2 never
   * reorders: without this, H2 reads every open task to find an officer's (all 100,000 to find 12,000: 4.3 s for his first
   * page); with it, H2 starts from the group index. PostgreSQL turns that join into an inner one by itself and starts there
   * already. The candidate user and the group pattern are ORed with the groups in Camunda's criterion, so a query
   * with either keeps Camunda's form; so does a query with {@code or()} branches.
   */
  private static final String CANDIDATE_GROUPS_FIRST = """
                <if test="queries.size == 1 and queries[0].candidateUser == null and queries[0].candidateGroupLike == null
                    and queries[0].candidateGroups != null and queries[0].candidateGroups.size &gt; 0">
                  and RES.ID_ IN (SELECT L.TASK_ID_ FROM ${prefix}ACT_RU_IDENTITYLINK L
                    WHERE L.TYPE_ = 'candidate' AND L.GROUP_ID_ IN
                    <foreach item="group" collection="queries[0].candidateGroups" open="(" separator="," close=")">#{group}</foreach>)
                </if>
      """;

  /**
   * The distinct groups of ACT_RU_AUTHORIZATION by a skip scan of ACT_IDX_AUTH_GROUP_ID: one probe per group. The first
   * probe says {@code >= ''} rather than {@code IS NOT NULL}: H2 keeps the users' grants (no group) first in the index
   * and would walk all of them to find the first group; a range starts behind them.
   */
  private static final String AUTHORIZED_GROUPS = """
        <select id="%s%s" resultType="string">
          WITH RECURSIVE G (GROUP_ID_) AS (
            (SELECT A.GROUP_ID_ FROM ${prefix}ACT_RU_AUTHORIZATION A WHERE A.GROUP_ID_ &gt;= ''
              ORDER BY A.GROUP_ID_ LIMIT 1)
            UNION ALL
            SELECT (SELECT B.GROUP_ID_ FROM ${prefix}ACT_RU_AUTHORIZATION B WHERE B.GROUP_ID_ &gt; G.GROUP_ID_
              ORDER BY B.GROUP_ID_ LIMIT 1)
            FROM G WHERE G.GROUP_ID_ IS NOT NULL
          )
          SELECT G.GROUP_ID_ FROM G WHERE G.GROUP_ID_ IS NOT NULL
        </select>
      """.formatted(GROUPS, HASHED);

  private final boolean enabled;

  /** A value other than true or false stops the start with Spring's binding error naming the property. */
  HashedTaskAuthorization(@Value("${assessment.engine.hashed-task-authorization:true}") boolean enabled) {
    this.enabled = enabled;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl engine) {
    if (!enabled) {
      LOG.info("assessment.engine.hashed-task-authorization is false: task queries use Camunda's own statements");
      return;
    }
    DbSqlSessionFactory statements = engine.getDbSqlSessionFactory();
    Map<String, String> mappings = statements.getStatementMappings() == null
        ? new HashMap<>() : new HashMap<>(statements.getStatementMappings());
    if (mappings.containsKey(LIST) || mappings.containsKey(COUNT) || mappings.containsKey(GROUPS)) {
      LOG.warn("The task query has statements of its own on {}; Camunda's authorization check is kept",
          engine.getDatabaseType());
      return;
    }
    boolean h2 = "h2".equals(engine.getDatabaseType());
    Configuration mybatis = engine.getSqlSessionFactory().getConfiguration();
    if (!mybatis.hasStatement(NAMESPACE + "." + LIST + HASHED, false)) {
      String mapper = mapper(camundaTaskMapping(), h2);
      new XMLMapperBuilder(new ByteArrayInputStream(mapper.getBytes(StandardCharsets.UTF_8)), mybatis,
          NAMESPACE, mybatis.getSqlFragments()).parse();
    }
    mappings.put(LIST, NAMESPACE + "." + LIST + HASHED);
    mappings.put(COUNT, NAMESPACE + "." + COUNT + HASHED);
    if (!h2) {
      // H2 answers Camunda's own distinct from the group index by itself (its plan says "distinct"): 0.1 ms against
      // 1-17 ms for the skip scan at 3,000-125,000 grants, which H2 runs as one subquery per group (issue 15).
      mappings.put(GROUPS, NAMESPACE + "." + GROUPS + HASHED);
    }
    statements.setStatementMappings(mappings);
    LOG.info("Task queries check the caller's authorizations as a set ({})", NAMESPACE);
  }

  /**
   * Our mapper: Camunda's list and count statements of the task query and their criteria, with the per-task join of
   * the grants kept for narrow queries only and its check replaced by {@code hashedAuthorizationCheck}; with
   * {@code h2}, that check matches the grants through indexes and leads a query by candidate groups in through the
   * group index.
   */
  static String mapper(String camundaTaskXml, boolean h2) {
    String list = element(camundaTaskXml, "<select id=\"" + LIST + "\"", "</select>");
    String count = element(camundaTaskXml, "<select id=\"" + COUNT + "\"", "</select>");
    String criteria = element(camundaTaskXml, "<sql id=\"selectTaskByQueryCriteriaSql\">", "</sql>");
    criteria = replaceOnce(criteria, AUTH_JOIN, "<if test=\"!hashedAuthorization\">$0</if>");
    criteria = replaceOnce(criteria, AUTH_CHECK, "<include refid=\"hashedAuthorizationCheck\" />");
    // Ids of our own: a short statement name defined twice would be ambiguous to MyBatis.
    list = rename(qualify(list), LIST);
    count = rename(count, COUNT);
    criteria = replaceOnce(criteria, Pattern.compile(Pattern.quote("<sql id=\"selectTaskByQueryCriteriaSql\">")),
        "<sql id=\"" + CRITERIA + "\">" + NARROW);
    return """
        <?xml version="1.0" encoding="UTF-8" ?>
        <!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "http://mybatis.org/dtd/mybatis-3-mapper.dtd">
        <!-- Derived at start-up from Camunda's %s by %s. -->
        <mapper namespace="%s">
        %s
        %s
        %s
        %s
        %s
        </mapper>
        """.formatted(CAMUNDA_TASK_MAPPING, NAMESPACE, NAMESPACE, list, count, criteria,
        FRAGMENTS.formatted(CAMUNDA_AUTH, h2 ? GRANTED_IDS_BY_INDEX : GRANTED_IDS, h2 ? CANDIDATE_GROUPS_FIRST : ""),
        AUTHORIZED_GROUPS);
  }

  /** The list statement's references to Camunda's result map and columns, qualified with Camunda's namespace. */
  private static String qualify(String list) {
    String qualified = replaceOnce(list, Pattern.compile(Pattern.quote("resultMap=\"taskResultMap\"")),
        "resultMap=\"" + CAMUNDA_TASK + ".taskResultMap\"");
    return replaceOnce(qualified, Pattern.compile(Pattern.quote("<include refid=\"columnSelection\"/>")),
        "<include refid=\"" + CAMUNDA_TASK + ".columnSelection\"/>");
  }

  private static String rename(String statement, String id) {
    String renamed = replaceOnce(statement, Pattern.compile(Pattern.quote("id=\"" + id + "\"")),
        "id=\"" + id + HASHED + "\"");
    return replaceOnce(renamed, Pattern.compile(Pattern.quote("<include refid=\"selectTaskByQueryCriteriaSql\"/>")),
        "<include refid=\"" + CRITERIA + "\"/>");
  }

  private static String element(String xml, String start, String end) {
    int from = xml.indexOf(start);
    if (from < 0 || xml.indexOf(start, from + 1) >= 0) {
      throw changed("'" + start + "' is not found exactly once");
    }
    int to = xml.indexOf(end, from);
    if (to < 0) {
      throw changed("'" + start + "' has no '" + end + "'");
    }
    return xml.substring(from, to + end.length());
  }

  private static String replaceOnce(String text, Pattern pattern, String replacement) {
    Matcher matcher = pattern.matcher(text);
    if (!matcher.find()) {
      throw changed("'" + pattern.pattern() + "' is not found");
    }
    int start = matcher.start();
    int end = matcher.end();
    String matched = matcher.group();
    if (matcher.find()) {
      throw changed("'" + pattern.pattern() + "' is found more than once");
    }
    return text.substring(0, start) + replacement.replace("$0", matched) + text.substring(end);
  }

  private static IllegalStateException changed(String what) {
    return new IllegalStateException("Camunda's " + CAMUNDA_TASK_MAPPING + " has changed (" + what + "): the hashed"
        + " authorization check of task queries cannot be derived from it. Set"
        + " assessment.engine.hashed-task-authorization: false to run with Camunda's own check, and adapt "
        + HashedTaskAuthorization.class.getName());
  }

  static String camundaTaskMapping() {
    try (InputStream in = DbSqlSessionFactory.class.getClassLoader().getResourceAsStream(CAMUNDA_TASK_MAPPING)) {
      if (in == null) {
        throw new IllegalStateException(CAMUNDA_TASK_MAPPING + " is not on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
