package cn.hrss.assessment.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The task query's authorization check as a set ({@link HashedTaskAuthorization}) shows each caller exactly the
 * tasks Camunda's own per-task check shows: granted on the task to the user or one of his groups, through READ_TASK
 * on the process definition, through a grant on every task ('*'); nothing for a grant without READ or for someone
 * else. Compared with Camunda's own statement, run by its full name on the same query, and with the expected sets.
 */
@IntegrationTest
class HashedTaskAuthorizationIT {

  private static final String PROBE_KEY = "HashedAuthorizationProbe";

  @Autowired ProcessEngine engine;
  @Autowired TaskService tasks;
  @Autowired AuthorizationService authorizations;
  @Autowired IdentityService identity;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;

  private final String marker = "hashed-auth-" + UUID.randomUUID();
  private final List<String> grants = new ArrayList<>();
  private String deploymentId;
  private String byUser;
  private String byGroup;
  private String withoutRead;
  private String inProcess;
  private String instance;

  @BeforeEach
  void tasksAndGrants() {
    identity.clearAuthentication();
    byUser = standaloneTask("by-user");
    byGroup = standaloneTask("by-group");
    withoutRead = standaloneTask("without-read");
    BpmnModelInstance probe = Bpmn.createExecutableProcess(PROBE_KEY).camundaHistoryTimeToLive(1)
        .startEvent().userTask("Task_Probe").name(marker + "-in-process").endEvent().done();
    deploymentId = repository.createDeployment().addModelInstance(PROBE_KEY + ".bpmn", probe).deploy().getId();
    instance = runtime.startProcessInstanceByKey(PROBE_KEY).getId();
    inProcess = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();

    grant(Resources.TASK, byUser, "probe-user", null, Permissions.READ);
    grant(Resources.TASK, byGroup, null, "probe-group", Permissions.READ);
    grant(Resources.TASK, withoutRead, "probe-user", null, Permissions.UPDATE);
    grant(Resources.PROCESS_DEFINITION, PROBE_KEY, null, "probe-definition-group", Permissions.READ_TASK);
    grant(Resources.TASK, "*", "probe-everything", null, Permissions.READ);
  }

  @AfterEach
  void removeThem() {
    identity.clearAuthentication();
    grants.forEach(authorizations::deleteAuthorization);
    tasks.createTaskQuery().taskNameLike(marker + "%").list().stream()
        .filter(task -> task.getProcessInstanceId() == null)
        .forEach(task -> tasks.deleteTask(task.getId(), true));
    repository.deleteDeployment(deploymentId, true);
  }

  @Test
  void theEngineRunsOurStatementsForTheTaskQuery() {
    var statements = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDbSqlSessionFactory();

    assertThat(statements.mapStatement("selectTaskByQueryCriteria"))
        .isEqualTo(HashedTaskAuthorization.NAMESPACE + ".selectTaskByQueryCriteriaWithHashedAuthorization");
    assertThat(statements.mapStatement("selectTaskCountByQueryCriteria"))
        .isEqualTo(HashedTaskAuthorization.NAMESPACE + ".selectTaskCountByQueryCriteriaWithHashedAuthorization");
  }

  @Test
  void theGroupsWithAuthorizationsAreTheOnesCamundaReads() {
    List<String> ours = execute(context -> context.getDbEntityManager().selectList(
        HashedTaskAuthorization.NAMESPACE + "." + HashedTaskAuthorization.GROUPS + HashedTaskAuthorization.HASHED));
    List<String> camundas = execute(context -> context.getDbEntityManager().selectList(
        "org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.selectAuthorizedGroupIds"));

    assertThat(ours).contains("probe-group", "probe-definition-group", "acceptance-officers")
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(camundas.stream().filter(java.util.Objects::nonNull).toList());
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    String statement = configuration.getDbSqlSessionFactory().mapStatement("selectAuthorizedGroupIds");
    if ("h2".equals(configuration.getDatabaseType())) {
      // H2 reads Camunda's own distinct from the group index: ours is PostgreSQL's only.
      assertThat(statement).isEqualTo("selectAuthorizedGroupIds");
    } else {
      assertThat(statement).startsWith(HashedTaskAuthorization.NAMESPACE);
    }
  }

  @Test
  void eachCallerSeesWhatCamundasOwnCheckShows() {
    Map<String, Set<String>> expected = Map.of(
        "probe-user", Set.of(byUser),
        "probe-member", Set.of(byGroup, inProcess),
        "probe-everything", Set.of(byUser, byGroup, withoutRead, inProcess),
        "probe-stranger", Set.of());

    expected.forEach((user, visible) -> {
      List<String> groups = switch (user) {
        case "probe-member" -> List.of("probe-group", "probe-definition-group");
        default -> List.of("unrelated-group");
      };
      identity.setAuthentication(user, groups);
      try {
        assertThat(ids(tasks.createTaskQuery().taskNameLike(marker + "%").list())).as(user).isEqualTo(visible);
        assertThat(tasks.createTaskQuery().taskNameLike(marker + "%").count()).as(user).isEqualTo(visible.size());
        assertThat(ids(camundasOwnList(tasks.createTaskQuery().taskNameLike(marker + "%")))).as(user)
            .isEqualTo(visible);
        assertThat(camundasOwnCount(tasks.createTaskQuery().taskNameLike(marker + "%"))).as(user)
            .isEqualTo(visible.size());
        // narrowed to one case (as Tasklist's search by business key): Camunda's join, same answer
        Set<String> inThatCase = visible.contains(inProcess) ? Set.of(inProcess) : Set.of();
        assertThat(ids(tasks.createTaskQuery().processInstanceId(instance).list())).as(user).isEqualTo(inThatCase);
        assertThat(tasks.createTaskQuery().processInstanceId(instance).count()).as(user).isEqualTo(inThatCase.size());
        assertThat(ids(camundasOwnList(tasks.createTaskQuery().processInstanceId(instance)))).as(user)
            .isEqualTo(inThatCase);
      } finally {
        identity.clearAuthentication();
      }
    });
  }

  @Test
  void aQueryByCandidateGroupsSeesWhatCamundasOwnShows() {
    // H2's statements also name the groups' tasks as a set (HashedTaskAuthorization.CANDIDATE_GROUPS_FIRST)
    String candidate = standaloneTask("candidate");
    String othersCandidate = standaloneTask("others-candidate");
    tasks.addCandidateGroup(candidate, "probe-candidates");
    tasks.addCandidateGroup(othersCandidate, "probe-others");
    tasks.addCandidateUser(othersCandidate, "probe-member");

    identity.setAuthentication("probe-member", List.of("probe-candidates", "probe-group"));
    try {
      // byGroup is granted to probe-group but has no candidate link; othersCandidate is the user's, not his groups'
      TaskQuery byGroups = tasks.createTaskQuery().taskNameLike(marker + "%")
          .taskCandidateGroupIn(List.of("probe-candidates", "probe-group")).includeAssignedTasks();
      assertThat(ids(byGroups.list())).isEqualTo(Set.of(candidate));
      assertThat(byGroups.count()).isEqualTo(1);
      assertThat(ids(camundasOwnList(tasks.createTaskQuery().taskNameLike(marker + "%")
          .taskCandidateGroupIn(List.of("probe-candidates", "probe-group")).includeAssignedTasks())))
          .isEqualTo(Set.of(candidate));
      // the candidate user is ORed with his groups in Camunda's criterion: his own task is in, as in Camunda's
      TaskQuery byUser = tasks.createTaskQuery().taskNameLike(marker + "%").taskCandidateUser("probe-member");
      assertThat(ids(byUser.list())).contains(othersCandidate).isEqualTo(ids(camundasOwnList(
          tasks.createTaskQuery().taskNameLike(marker + "%").taskCandidateUser("probe-member"))));
    } finally {
      identity.clearAuthentication();
    }
  }

  @Test
  void withARevokeInTheTableCamundasOwnFormDecides() {
    // authorizationCheckRevokes: auto sees a revoke and switches to the per-task form, which honours it: the
    // user's own revoke of READ_TASK on the definition outweighs his group's grant
    Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setResource(Resources.PROCESS_DEFINITION);
    revoke.setResourceId(PROBE_KEY);
    revoke.setUserId("probe-member");
    revoke.removePermission(Permissions.READ_TASK);
    grants.add(authorizations.saveAuthorization(revoke).getId());

    identity.setAuthentication("probe-member", List.of("probe-group", "probe-definition-group"));
    try {
      assertThat(ids(tasks.createTaskQuery().taskNameLike(marker + "%").list())).isEqualTo(Set.of(byGroup));
      assertThat(tasks.createTaskQuery().taskNameLike(marker + "%").count()).isEqualTo(1);
    } finally {
      identity.clearAuthentication();
    }
  }

  private String standaloneTask(String name) {
    Task task = tasks.newTask();
    task.setName(marker + "-" + name);
    tasks.saveTask(task);
    return task.getId();
  }

  private void grant(Resources resource, String resourceId, String user, String group, Permissions permission) {
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setResource(resource);
    grant.setResourceId(resourceId);
    grant.setUserId(user);
    grant.setGroupId(group);
    grant.addPermission(permission);
    grants.add(authorizations.saveAuthorization(grant).getId());
  }

  /** Camunda's own statement, by its full name (which the statement mapping leaves alone), on the same query. */
  private List<Task> camundasOwnList(TaskQuery query) {
    return execute(context -> {
      TaskQueryImpl impl = (TaskQueryImpl) query;
      configure(context, impl);
      return context.getDbEntityManager().selectList(
          "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskByQueryCriteria", impl);
    });
  }

  private long camundasOwnCount(TaskQuery query) {
    return execute(context -> {
      TaskQueryImpl impl = (TaskQueryImpl) query;
      configure(context, impl);
      return (Long) context.getDbEntityManager().selectOne(
          "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskCountByQueryCriteria", impl);
    });
  }

  /** What TaskManager does before it runs either statement. */
  private static void configure(CommandContext context, TaskQueryImpl query) {
    context.getAuthorizationManager().configureTaskQuery(query);
    context.getTenantManager().configureQuery(query);
  }

  private <T> T execute(Command<T> command) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(command);
  }

  private static Set<String> ids(List<Task> list) {
    return list.stream().map(Task::getId).collect(Collectors.toSet());
  }
}
