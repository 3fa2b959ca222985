package cn.hrss.assessment.filing;

import cn.hrss.assessment.identity.Groups;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Upgrade to the jurisdiction release (README "Jurisdiction → Upgrading"): open filing-family tasks created by an
 * earlier model version still have the nationwide candidate group ({@code acceptance-officers},
 * {@code provincial-officers}); on every start they are moved to their jurisdiction's group, their instance gets the
 * routing variables the new models use ({@code acceptingGroup}, {@code decidingGroup}, {@code reviewingGroup}) and the
 * province's read grants. Idempotent: a task already routed is not found again.
 */
@Component
class JurisdictionUpgrade {

  private static final Logger LOG = LoggerFactory.getLogger(JurisdictionUpgrade.class);
  private static final Pattern BRANCH_KEY = Pattern.compile("(.+)-B(\\d+)");
  private static final List<String> NATIONWIDE = List.of(Groups.ACCEPTANCE_OFFICERS, Groups.PROVINCIAL_OFFICERS);
  private static final String[] FAMILY = {FilingProcess.KEY, FilingProcess.BRANCH_KEY, FilingProcess.RENEWAL_KEY,
      FilingProcess.SCOPE_CHANGE_KEY, FilingProcess.CHANGE_KEY};

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final FilingRepository repository;
  private final JurisdictionGrants grants;

  JurisdictionUpgrade(TaskService tasks, RuntimeService runtime, FilingRepository repository,
      JurisdictionGrants grants) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.repository = repository;
    this.grants = grants;
  }

  @EventListener(ApplicationReadyEvent.class)
  void onStart() {
    int moved = reroute();
    if (moved > 0) {
      LOG.info("Jurisdiction upgrade: {} open filing task(s) moved from a nationwide group to their province's", moved);
    }
  }

  /** Moves every open filing-family task of a nationwide group to its jurisdiction; returns how many. */
  int reroute() {
    int moved = 0;
    for (Task task : tasks.createTaskQuery().processDefinitionKeyIn(FAMILY).taskCandidateGroupIn(NATIONWIDE)
        .includeAssignedTasks().list()) {
      try {
        moved += reroute(task) ? 1 : 0;
      } catch (OptimisticLockingException e) {
        // Another node of the cluster moved it at the same moment.
        LOG.debug("Task {} rerouted concurrently", task.getId());
      }
    }
    return moved;
  }

  private boolean reroute(Task task) {
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
        .singleResult();
    if (instance == null || instance.getBusinessKey() == null) {
      return false;
    }
    String group;
    Set<String> readers;
    Matcher branch = BRANCH_KEY.matcher(instance.getBusinessKey());
    if (branch.matches()) {
      String province = repository.branch(branch.group(1), Integer.parseInt(branch.group(2))).province();
      group = Jurisdiction.branchReviewGroup(province);
      readers = Jurisdiction.provincialReaders(null, null, List.of(province));
      runtime.setVariable(instance.getId(), FilingProcess.Vars.REVIEWING_GROUP, group);
    } else {
      FilingRepository.StoredApplication application = repository.find(instance.getBusinessKey()).orElse(null);
      if (application == null) {
        return false;
      }
      String caseType = Jurisdiction.caseType(application.institutionType(), application.application());
      group = Jurisdiction.acceptingGroup(caseType, application.province());
      readers = Jurisdiction.provincialReaders(caseType, application.province(), List.of());
      runtime.setVariable(instance.getId(), FilingProcess.Vars.ACCEPTING_GROUP, group);
      runtime.setVariable(instance.getId(), FilingProcess.Vars.DECIDING_GROUP,
          Jurisdiction.decidingGroup(caseType, application.province()));
    }
    for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
      if (link.getGroupId() != null && NATIONWIDE.contains(link.getGroupId())) {
        tasks.deleteCandidateGroup(task.getId(), link.getGroupId());
      }
    }
    grants.revokeTaskGrants(task.getId(), NATIONWIDE);
    tasks.addCandidateGroup(task.getId(), group);
    grants.grantRead(instance.getId(), readers);
    return true;
  }
}
