package cn.hrss.assessment.filing;

import java.util.Collection;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Per-instance read grants of a filing case to its provincial groups (README "Jurisdiction"): the role groups no
 * longer read every instance of the filing processes, so the officers and managers of the case's province get READ
 * on its process instance (the variables a Tasklist card and Cockpit show). Written in the caller's transaction,
 * also when that runs as an applicant or a job without a Camunda user (authorization checks off for this write only).
 */
@Component
public class JurisdictionGrants {

  private final ProcessEngineConfigurationImpl configuration;
  private final AuthorizationService authorizations;

  JurisdictionGrants(ProcessEngineConfiguration configuration, AuthorizationService authorizations) {
    this.configuration = (ProcessEngineConfigurationImpl) configuration;
    this.authorizations = authorizations;
  }

  /** Grants READ on {@code processInstanceId} to each group (idempotent: an existing grant is left as it is). */
  public void grantRead(String processInstanceId, Collection<String> groups) {
    CommandContext current = Context.getCommandContext();
    if (current != null) {
      current.runWithoutAuthorization(() -> {
        write(processInstanceId, groups);
        return null;
      });
    } else {
      configuration.getCommandExecutorTxRequired().execute(context -> {
        return context.runWithoutAuthorization(() -> {
          write(processInstanceId, groups);
          return null;
        });
      });
    }
  }

  /**
   * Deletes the per-task grants Camunda gave {@code groups} as the task's candidate groups: removing a candidate group
   * leaves its grant behind, which would still let a nationwide group read and work the task.
   */
  public void revokeTaskGrants(String taskId, Collection<String> groups) {
    Runnable revoke = () -> authorizations.createAuthorizationQuery().groupIdIn(groups.toArray(String[]::new))
        .resourceType(Resources.TASK).resourceId(taskId).list()
        .forEach(a -> authorizations.deleteAuthorization(a.getId()));
    CommandContext current = Context.getCommandContext();
    if (current != null) {
      current.runWithoutAuthorization(() -> {
        revoke.run();
        return null;
      });
    } else {
      configuration.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(() -> {
        revoke.run();
        return null;
      }));
    }
  }

  private void write(String processInstanceId, Collection<String> groups) {
    for (String group : groups) {
      boolean present = authorizations.createAuthorizationQuery().groupIdIn(group)
          .resourceType(Resources.PROCESS_INSTANCE).resourceId(processInstanceId).count() > 0;
      if (!present) {
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(group);
        grant.setResource(Resources.PROCESS_INSTANCE);
        grant.setResourceId(processInstanceId);
        grant.addPermission(Permissions.READ);
        authorizations.saveAuthorization(grant);
      }
    }
  }
}
