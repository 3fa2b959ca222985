package cn.hrss.assessment.benchmark;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * The users, groups, grants and Tasklist filters the workload needs on the bare engine: the demo users of
 * CONTRACT.md that the workload uses (password = id) and the filters of the application's IdentitySetup with the
 * same queries and variables; each group reads its filter and the process definitions it works in. (The
 * application creates these itself on start.)
 */
final class BareIdentity {

  private BareIdentity() {}

  static void setUp(ProcessEngine engine) {
    var identity = engine.getIdentityService();
    for (String group : List.of("acceptance-officers", "provincial-officers", "experts", "discipline-officers",
        "acceptance-officers-41")) {
      var g = identity.newGroup(group);
      g.setName(group);
      g.setType("WORKFLOW");
      identity.saveGroup(g);
      grant(engine, group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(engine, group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
      grant(engine, group, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
    }
    user(engine, "officer", "acceptance-officers", "provincial-officers", "acceptance-officers-41");
    for (String expert : Workload.EXPERTS) {
      user(engine, expert, "experts");
    }
    user(engine, "discipline", "discipline-officers");
    grant(engine, "acceptance-officers", Resources.PROCESS_DEFINITION, "InstitutionFilingProcess",
        Permissions.READ_INSTANCE, Permissions.CREATE_INSTANCE);
    grant(engine, "experts", Resources.PROCESS_DEFINITION, "InstitutionFilingProcess", Permissions.READ_INSTANCE);
    grant(engine, "discipline-officers", Resources.PROCESS_DEFINITION, "DisciplinaryCaseProcess",
        Permissions.READ_INSTANCE, Permissions.CREATE_INSTANCE);
    grant(engine, "acceptance-officers", Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    grant(engine, "discipline-officers", Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);

    // The application's 受理审查 filter since the jurisdiction release (README "Jurisdiction").
    filter(engine, Workload.ACCEPTANCE_FILTER, "acceptance-officers",
        engine.getTaskService().createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks().taskDefinitionKeyIn("Task_ReviewCompleteness", "Task_ReviewObjection",
                "Task_DecideFiling", "Task_ReviewChange"));
    filter(engine, Workload.EXPERT_FILTER, "experts",
        engine.getTaskService().createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    filter(engine, Workload.DISCIPLINE_FILTER, "discipline-officers",
        engine.getTaskService().createTaskQuery().taskCandidateGroup("discipline-officers").includeAssignedTasks());
  }

  private static void user(ProcessEngine engine, String id, String... groups) {
    User user = engine.getIdentityService().newUser(id);
    user.setFirstName(id);
    user.setLastName(id);
    user.setPassword(id);
    engine.getIdentityService().saveUser(user);
    for (String group : groups) {
      engine.getIdentityService().createMembership(id, group);
    }
  }

  private static void filter(ProcessEngine engine, String name, String group, TaskQuery query) {
    Filter filter = engine.getFilterService().newTaskFilter(name);
    filter.setOwner("admin");
    filter.setQuery(query);
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("refresh", true);
    properties.put("variables", List.of(
        Map.of("name", "applicationNo", "label", "申请编号"),
        Map.of("name", "caseNo", "label", "案件编号"),
        Map.of("name", "institutionName", "label", "机构名称")));
    filter.setProperties(properties);
    engine.getFilterService().saveFilter(filter);
    grant(engine, group, Resources.FILTER, filter.getId(), Permissions.READ);
  }

  private static void grant(ProcessEngine engine, String group, Resource resource, String resourceId,
      Permission... permissions) {
    var authorizations = engine.getAuthorizationService();
    Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(group);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizations.saveAuthorization(authorization);
  }
}
