package cn.hrss.assessment.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import cn.hrss.assessment.workflow.TaskVariables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Groups, their authorizations and their Tasklist filters, on every start (idempotent), and the demo users
 * of CONTRACT.md where {@code assessment.demo-data} is on (the default H2 setup; never the postgres profile).
 */
@Component
class IdentitySetup extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(IdentitySetup.class);

  /** The working groups with the Chinese names shown in Admin. */
  static final List<GroupSpec> GROUPS = List.of(
      new GroupSpec(Groups.ACCEPTANCE_OFFICERS, "受理审查人员"),
      new GroupSpec(Groups.EXPERTS, "评审专家"),
      new GroupSpec(Groups.MINISTRY_APPROVERS, "部级备案审批人员"),
      new GroupSpec(Groups.PROVINCIAL_OFFICERS, "省级备案人员"),
      new GroupSpec(Groups.DISCIPLINE_OFFICERS, "违纪违规处理人员"),
      new GroupSpec(Groups.DISCIPLINE_REVIEWERS, "复核人员"),
      new GroupSpec(Groups.SUPERVISORS, "质量督导人员"),
      new GroupSpec(Groups.MANAGERS, "管理人员"));

  /** Group → the processes whose instances its members read (the procedures they work in). */
  private static final Map<String, List<String>> PROCESSES_READ_BY = Map.of(
      // Acceptance and provincial officers read filing instances of their province only, by per-instance grants
      // (filing.JurisdictionGrants; README "Jurisdiction"); the ministry reads all of them.
      Groups.EXPERTS, List.of("InstitutionFilingProcess"),
      // SiteFilingProcess: the sites of the social organisations the ministry filed (issue 19 item 10).
      Groups.MINISTRY_APPROVERS, List.of("InstitutionFilingProcess", "BranchFilingProcess", "SiteFilingProcess"),
      Groups.DISCIPLINE_OFFICERS, List.of("DisciplinaryCaseProcess"),
      Groups.DISCIPLINE_REVIEWERS, List.of("DisciplinaryCaseProcess"),
      Groups.SUPERVISORS, List.of("QualitySupervisionProcess"));

  /** The one task managers complete: Task_IssueSupervisionOpinion (001 督导规程 Art. 15(3): the dispatching body issues it). */
  static final String ISSUE_SUPERVISION_OPINION = "签发督导意见书";

  /**
   * Filing processes whose instances the role groups {@code acceptance-officers} and {@code provincial-officers} read
   * everywhere before the jurisdiction release: that grant is taken back on start (README "Jurisdiction").
   */
  private static final List<String> FILING_FAMILY = List.of("InstitutionFilingProcess", "BranchFilingProcess",
      "InstitutionRenewalProcess", "InstitutionChangeProcess", "InstitutionScopeChangeProcess");

  /** The tasks each jurisdiction filter shows (with the candidate groups of the caller's own groups). */
  static final Map<String, List<String>> FILTER_TASK_KEYS = Map.of(
      Groups.ACCEPTANCE_OFFICERS, List.of("Task_ReviewCompleteness", "Task_ReviewObjection", "Task_DecideFiling",
          "Task_ReviewChange"),
      Groups.PROVINCIAL_OFFICERS, List.of("Task_ReviewBranch", "Task_ConfirmSite"));

  /** One Tasklist filter per group, named in Chinese, visible only to that group. */
  static final List<FilterSpec> FILTERS = List.of(
      new FilterSpec("受理审查", Groups.ACCEPTANCE_OFFICERS, -10, "备案申请的受理审查、公示异议处理与备案决定"),
      new FilterSpec("技术评审", Groups.EXPERTS, -9, "分配给我的技术评审任务"),
      new FilterSpec("备案决定", Groups.MINISTRY_APPROVERS, -8, "全国性用人单位的部级备案决定"),
      new FilterSpec("分支机构备案", Groups.PROVINCIAL_OFFICERS, -7, "分支机构的省级备案审查与评价站点的确认赋码"),
      new FilterSpec("违纪认定", Groups.DISCIPLINE_OFFICERS, -6, "违纪违规事实认定、陈述申辩审查与处理决定"),
      new FilterSpec("复核", Groups.DISCIPLINE_REVIEWERS, -5, "处理决定的复核"),
      new FilterSpec("质量督导", Groups.SUPERVISORS, -4, "分配给我的督导评分与初步督导意见"),
      new FilterSpec(ISSUE_SUPERVISION_OPINION, Groups.MANAGERS, -4, "待签发的督导意见书（质量督导）"),
      new FilterSpec("全部任务（只读）", Groups.MANAGERS, -3, "所有进行中的任务，供管理人员查看"));

  /**
   * One more filter for every working group: the caller's tasks whose due date rests on a provisional year (the
   * task-local variable {@code dueDateProvisional} set by the calendar; DOMAIN.md §6, issue 12), so that an officer
   * sees which of their due dates may still move when the State Council's schedule is loaded.
   */
  static final FilterSpec PROVISIONAL_DUE_DATES = new FilterSpec("期限暂定的任务", null, -2,
      "到期日按暂定放假安排计算的我的任务（以国务院公布的放假安排为准，载入后自动重算）");

  /** The variables each filter shows on a Tasklist card, with their Chinese labels. */
  static final List<Map<String, String>> CARD_VARIABLES = List.of(
      Map.of("name", "applicationNo", "label", "申请编号"),
      Map.of("name", "caseNo", "label", "案件编号"),
      Map.of("name", "supervisionNo", "label", "督导编号"),
      Map.of("name", "institutionName", "label", "机构名称"));

  /** Demo users: id → (first name, last name, groups). Password = user id. */
  private static final List<DemoUser> DEMO_USERS = List.of(
      // CONTRACT.md "Jurisdiction (filing)": officer works for Henan (41) and reviews branches in 41, 33 and 44;
      // officer33 works for Zhejiang (33) only.
      new DemoUser("officer", "受理", "专员", List.of(Groups.ACCEPTANCE_OFFICERS, Groups.PROVINCIAL_OFFICERS,
          "acceptance-officers-41", "provincial-officers-41", "provincial-officers-33", "provincial-officers-44")),
      new DemoUser("officer33", "浙江", "受理专员", List.of(Groups.ACCEPTANCE_OFFICERS, "acceptance-officers-33",
          "provincial-officers-33")),
      new DemoUser("expert1", "评审", "专家一", List.of(Groups.EXPERTS)),
      new DemoUser("expert2", "评审", "专家二", List.of(Groups.EXPERTS)),
      new DemoUser("expert3", "评审", "专家三", List.of(Groups.EXPERTS)),
      new DemoUser("expert4", "评审", "专家四", List.of(Groups.EXPERTS)),
      new DemoUser("approver", "备案", "审批人", List.of(Groups.MINISTRY_APPROVERS)),
      new DemoUser("discipline", "违纪", "处理专员", List.of(Groups.DISCIPLINE_OFFICERS)),
      new DemoUser("reviewer", "复核", "专员", List.of(Groups.DISCIPLINE_REVIEWERS)),
      new DemoUser("manager", "业务", "主管", List.of(Groups.MANAGERS)),
      new DemoUser("supervisor1", "质量", "督导员一", List.of(Groups.SUPERVISORS)),
      new DemoUser("supervisor2", "质量", "督导员二", List.of(Groups.SUPERVISORS)),
      new DemoUser("supervisor3", "质量", "督导员三", List.of(Groups.SUPERVISORS)),
      new DemoUser("supervisor4", "质量", "督导员四", List.of(Groups.SUPERVISORS)));

  private final boolean demoData;
  private final String administratorId;
  private IdentityService identityService;
  private AuthorizationService authorizationService;
  private FilterService filterService;
  private TaskService taskService;

  IdentitySetup(DemoData demoData, @Value("${camunda.bpm.admin-user.id:admin}") String administratorId) {
    this.demoData = demoData.enabled();
    this.administratorId = administratorId;
  }

  /** Runs once the engine is built, before the application serves requests (like Camunda's own admin-user setup). */
  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    this.identityService = engine.getIdentityService();
    this.authorizationService = engine.getAuthorizationService();
    this.filterService = engine.getFilterService();
    this.taskService = engine.getTaskService();
    GROUPS.forEach(this::ensureGroup);
    GROUPS.forEach(group -> grantWorkerAccess(group.id()));
    grantManagerReadAccess();
    revokeNationwideFilingReads();
    ensureProvincialGroups();
    FILTERS.forEach(this::ensureFilter);
    ensureProvisionalDueDateFilter();
    if (demoData) {
      DEMO_USERS.forEach(this::ensureDemoUser);
      LOG.info("Demo users present: admin, {}", DEMO_USERS.stream().map(DemoUser::id).toList());
    }
  }

  private void ensureGroup(GroupSpec spec) {
    if (identityService.createGroupQuery().groupId(spec.id()).count() == 0) {
      Group group = identityService.newGroup(spec.id());
      group.setName(spec.name());
      group.setType("WORKFLOW");
      identityService.saveGroup(group);
    }
  }

  /** Every working group opens Tasklist, reads the process and decision models and starts the processes it may start. */
  private void grantWorkerAccess(String group) {
    grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
    grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
    // The instances (and so the variables a Tasklist card shows, e.g. 申请编号) of the procedures the group works in.
    for (String processKey : PROCESSES_READ_BY.getOrDefault(group, List.of())) {
      grant(group, Resources.PROCESS_DEFINITION, processKey, Permissions.READ_INSTANCE);
    }
    if (Groups.DISCIPLINE_OFFICERS.equals(group)) {
      // Tasklist start form of DisciplinaryCaseProcess (CONTRACT.md).
      grant(group, Resources.PROCESS_DEFINITION, "DisciplinaryCaseProcess", Permissions.CREATE_INSTANCE);
      grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    }
  }

  /**
   * {@code <role>-<province>} for every province of GB/T 2260 (CONTRACT.md "Jurisdiction (filing)"): officers open
   * Tasklist and read the models; provincial managers open Cockpit and read the models (the instances of their
   * province by per-instance grants). Their filters are granted in {@link #ensureFilter}.
   */
  private void ensureProvincialGroups() {
    for (Map.Entry<String, String> province : cn.hrss.assessment.codes.Provinces.all().entrySet()) {
      for (String role : Groups.PROVINCIAL_ROLES) {
        String group = Groups.ofProvince(role, province.getKey());
        String roleName = GROUPS.stream().filter(g -> g.id().equals(role)).findFirst().orElseThrow().name();
        ensureGroup(new GroupSpec(group, province.getValue() + roleName));
        if (Groups.MANAGERS.equals(role)) {
          grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
          grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
          grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
        } else {
          grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
          grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
          grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
        }
      }
    }
  }

  /**
   * Until the jurisdiction release the role groups read every instance of the filing processes (READ_INSTANCE on the
   * definition): an officer of one province saw another's variables through engine REST. Taken back on every start
   * (idempotent); the provinces' groups read their instances through per-instance grants.
   */
  private void revokeNationwideFilingReads() {
    for (String group : List.of(Groups.ACCEPTANCE_OFFICERS, Groups.PROVINCIAL_OFFICERS)) {
      for (String processKey : FILING_FAMILY) {
        authorizationService.createAuthorizationQuery().groupIdIn(group).resourceType(Resources.PROCESS_DEFINITION)
            .resourceId(processKey).authorizationType(AUTH_TYPE_GRANT).list().stream()
            .filter(a -> a.isPermissionGranted(Permissions.READ_INSTANCE))
            .forEach(a -> {
              a.removePermission(Permissions.READ_INSTANCE);
              authorizationService.saveAuthorization(a);
            });
      }
    }
  }

  /**
   * Managers read everything in Cockpit and Tasklist but hold no permission that completes or changes anything; the one
   * task they work, Task_IssueSupervisionOpinion (candidate group managers), they may complete through the task
   * permission the engine grants a task's candidate group.
   */
  private void grantManagerReadAccess() {
    String managers = Groups.MANAGERS;
    grant(managers, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(managers, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_INSTANCE,
        Permissions.READ_HISTORY, Permissions.READ_TASK);
    grant(managers, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    grant(managers, Resources.TASK, ANY, Permissions.READ);
    // History is read through PROCESS_DEFINITION READ_HISTORY: the engine checks HISTORIC_TASK and
    // HISTORIC_PROCESS_INSTANCE grants only with enableHistoricInstancePermissions, which we leave off.
    grant(managers, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(managers, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    grant(managers, Resources.DEPLOYMENT, ANY, Permissions.READ);
    grant(managers, Resources.BATCH, ANY, Permissions.READ);
    grant(managers, Resources.REPORT, ANY, Permissions.READ);
    grant(managers, Resources.DASHBOARD, ANY, Permissions.READ);
  }

  /**
   * Grants {@code permissions} to {@code group}, adding what is missing to an existing grant: several setup
   * steps grant on the same resource, and a permission added in a later release must reach old databases.
   */
  private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = authorizationService.createAuthorizationQuery()
        .groupIdIn(group).resourceType(resource).resourceId(resourceId).authorizationType(AUTH_TYPE_GRANT)
        .list().stream().findFirst().orElse(null);
    boolean changed = false;
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(group);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
      changed = true;
    }
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizationService.saveAuthorization(authorization);
    }
  }

  private void ensureFilter(FilterSpec spec) {
    TaskQuery query = taskService.createTaskQuery();
    if (Groups.EXPERTS.equals(spec.group()) || Groups.SUPERVISORS.equals(spec.group())) {
      // Expert review and supervision tasks are assigned to the drawn panel or team members: each sees his own.
      query.taskAssigneeExpression("${currentUser()}");
    } else if (ISSUE_SUPERVISION_OPINION.equals(spec.name())) {
      query.taskCandidateGroup(Groups.MANAGERS).taskDefinitionKey("Task_IssueSupervisionOpinion");
    } else if (FILTER_TASK_KEYS.containsKey(spec.group())) {
      // CONTRACT.md "Jurisdiction (filing)": the tasks of the caller's own province groups (acceptance-officers-41,
      // provincial-officers-33, …), never another province's; engine authorization refuses those as well.
      query.taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
          .taskDefinitionKeyIn(FILTER_TASK_KEYS.get(spec.group()).toArray(String[]::new));
    } else if (!Groups.MANAGERS.equals(spec.group())) {
      query.taskCandidateGroup(spec.group()).includeAssignedTasks();
    }
    Filter filter = saveFilter(spec, query);
    grant(spec.group(), Resources.FILTER, filter.getId(), Permissions.READ);
    if (FILTER_TASK_KEYS.containsKey(spec.group())) {
      cn.hrss.assessment.codes.Provinces.all().keySet().forEach(province ->
          grant(Groups.ofProvince(spec.group(), province), Resources.FILTER, filter.getId(), Permissions.READ));
    }
  }

  private void ensureProvisionalDueDateFilter() {
    FilterSpec spec = PROVISIONAL_DUE_DATES;
    TaskQuery query = taskService.createTaskQuery()
        .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
        .taskVariableValueEquals(TaskVariables.DUE_DATE_PROVISIONAL, true);
    Filter filter = saveFilter(spec, query);
    GROUPS.stream().map(GroupSpec::id).filter(group -> !Groups.MANAGERS.equals(group))
        .forEach(group -> grant(group, Resources.FILTER, filter.getId(), Permissions.READ));
    for (String province : cn.hrss.assessment.codes.Provinces.all().keySet()) {
      grant(Groups.ofProvince(Groups.ACCEPTANCE_OFFICERS, province), Resources.FILTER, filter.getId(), Permissions.READ);
      grant(Groups.ofProvince(Groups.PROVINCIAL_OFFICERS, province), Resources.FILTER, filter.getId(), Permissions.READ);
    }
  }

  private Filter saveFilter(FilterSpec spec, TaskQuery query) {
    Filter filter = filterService.createFilterQuery().filterName(spec.name()).singleResult();
    if (filter == null) {
      filter = filterService.newTaskFilter(spec.name());
      filter.setOwner(administratorId);
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", spec.description());
    properties.put("priority", spec.priority());
    properties.put("refresh", true);
    properties.put("variables", CARD_VARIABLES);
    filter.setQuery(query);
    filter.setProperties(properties);
    return filterService.saveFilter(filter);
  }

  private void ensureDemoUser(DemoUser demo) {
    if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
      User user = identityService.newUser(demo.id());
      user.setFirstName(demo.firstName());
      user.setLastName(demo.lastName());
      user.setPassword(demo.id());
      user.setEmail(demo.id() + "@demo.assessment.local");
      identityService.saveUser(user);
    }
    List<String> missing = new ArrayList<>(demo.groups());
    identityService.createGroupQuery().groupMember(demo.id()).list().forEach(g -> missing.remove(g.getId()));
    missing.forEach(group -> identityService.createMembership(demo.id(), group));
  }

  record GroupSpec(String id, String name) {}

  record FilterSpec(String name, String group, int priority, String description) {}

  private record DemoUser(String id, String firstName, String lastName, List<String> groups) {}
}
