package cn.hrss.assessment.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Deriving our task-query statements from the Camunda version on the class path (HashedTaskAuthorizationIT runs them). */
class HashedTaskAuthorizationTest {

  private final String camunda = HashedTaskAuthorization.camundaTaskMapping();

  @Test
  void theStatementsKeepCamundasCriteriaAndThePerTaskJoinOnlyForNarrowQueries() {
    String mapper = HashedTaskAuthorization.mapper(camunda, false);

    assertThat(mapper)
        .contains("<select id=\"selectTaskByQueryCriteriaWithHashedAuthorization\"")
        .contains("<select id=\"selectTaskCountByQueryCriteriaWithHashedAuthorization\"")
        .contains("resultMap=\"org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.taskResultMap\"")
        .contains("<include refid=\"hashedAuthorizationCheck\" />")
        .contains("<if test=\"!hashedAuthorization\"><include refid=\"org.camunda.bpm.engine.impl.persistence.entity"
            + ".AuthorizationEntity.authCheckJoinWithoutOnClause\" />");
    // every query criterion of Camunda's own statement is still there, e.g. the candidate groups and variables
    assertThat(mapper).contains("collection=\"query.candidateGroups\"", "collection=\"query.variables\"", "collection=\"query.taskDefinitionKeys\"");
  }

  @Test
  void onlyH2sStatementsNameTheCandidateGroupsTasksAsASet() {
    String set = "and RES.ID_ IN (SELECT L.TASK_ID_ FROM ${prefix}ACT_RU_IDENTITYLINK L";

    assertThat(HashedTaskAuthorization.mapper(camunda, true)).contains(set);
    assertThat(HashedTaskAuthorization.mapper(camunda, false)).doesNotContain(set);
  }

  @Test
  void onH2TheGrantsAreReadByUserByGroupsByDefinitionKeyAndByStar() {
    String h2 = HashedTaskAuthorization.mapper(camunda, true);
    String other = HashedTaskAuthorization.mapper(camunda, false);

    assertThat(h2).contains("WHERE A.USER_ID_ IN ( #{authCheck.authUserId, jdbcType=VARCHAR}, '*') AND A.TYPE_ &lt; 2",
        "AND A.RESOURCE_ID_ IN (SELECT P.KEY_ FROM ${prefix}ACT_RE_PROCDEF P)", "AND A.RESOURCE_ID_ = '*')")
        .doesNotContain("'*' IN (<include refid=\"grantedResourceIds\" />)");
    assertThat(other).contains("'*' IN (<include refid=\"grantedResourceIds\" />)")
        .doesNotContain("AND A.RESOURCE_ID_ = '*')");
  }

  @Test
  void aCamundaWhoseStatementChangedStopsTheStartWithTheWayOut() {
    String changed = camunda.replace("AUTH ON (AUTH.RESOURCE_ID_ ${authJoinStart} RES.ID_", "AUTH ON (AUTH.RESOURCE_ID_ = RES.ID_");

    assertThat(changed).isNotEqualTo(camunda);
    assertThatThrownBy(() -> HashedTaskAuthorization.mapper(changed, false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Task.xml has changed")
        .hasMessageContaining("assessment.engine.hashed-task-authorization: false");
  }
}
