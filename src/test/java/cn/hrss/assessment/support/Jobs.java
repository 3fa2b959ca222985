package cn.hrss.assessment.support;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * Drives the engine's jobs in tests, where the job executor is off ({@code camunda.bpm.job-execution.enabled:
 * false} in the test profile): async continuations, timers and notice retries run exactly when a test says so.
 * Picked up by the application's component scan (test classes share the base package).
 */
@Component
public class Jobs {

  /** Deadlines of the regulations are Beijing time (DOMAIN.md); tests state instants the same way. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  /** More rounds than any of our processes needs; a timer cycle that stays due forever would loop. */
  private static final int MAX_ROUNDS = 200;
  private static final String HISTORY_CLEANUP = "history-cleanup";

  private final ManagementService managementService;
  private final IdentityService identityService;
  private final RuntimeService runtimeService;

  Jobs(ManagementService managementService, IdentityService identityService, RuntimeService runtimeService) {
    this.managementService = managementService;
    this.identityService = identityService;
    this.runtimeService = runtimeService;
  }

  /**
   * Deletes the running process instances of these cases (business keys), timers included. The Spring context is
   * shared by many test classes: a case a test leaves open would fire its timers (an overdue reminder, a closing
   * window) in another test that moves the clock and runs what is due, and mail someone that test counts.
   */
  public void forget(java.util.Collection<String> businessKeys) {
    for (String key : businessKeys) {
      if (key == null) {
        continue;
      }
      runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).list()
          .forEach(pi -> runtimeService.deleteProcessInstance(pi.getId(), "test cleanup", true, true));
    }
  }

  /**
   * Executes every job that is due at the engine's current time (including those that executing others
   * creates), until none is left. A job that throws fails the test at once with the job's details: the
   * engine would otherwise only decrement its retries and carry on.
   *
   * @return the number of jobs executed
   */
  public int runDue() {
    // Jobs run as the engine does (no user): a test that authenticated a user must not change what a job may do.
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      int executed = 0;
      for (int round = 0; round < MAX_ROUNDS; round++) {
        List<Job> due = dueJobs();
        if (due.isEmpty()) {
          return executed;
        }
        for (Job job : due) {
          execute(job);
          executed++;
        }
      }
      throw new AssertionError("jobs are still due after " + MAX_ROUNDS + " rounds: " + describe(dueJobs()));
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }

  /** Jobs not yet due at the engine's current time (e.g. timers); handy for asserting what is pending. */
  public List<Job> pending() {
    return managementService.createJobQuery().active().withRetriesLeft().list().stream()
        .filter(job -> job.getDuedate() != null && job.getDuedate().after(ClockUtil.getCurrentTime()))
        .filter(job -> !(job instanceof JobEntity entity && HISTORY_CLEANUP.equals(entity.getJobHandlerType())))
        .toList();
  }

  /** Sets the engine clock ({@link ClockUtil}) to {@code beijingTime}. Undo with {@link #resetClock()}. */
  public void moveClockTo(LocalDateTime beijingTime) {
    ClockUtil.setCurrentTime(Date.from(beijingTime.atZone(ZONE).toInstant()));
  }

  /** The engine clock follows the real time again (shifted by the suite's date switch, {@link TestClock}). */
  public void resetClock() {
    TestClock.reset();
  }

  private List<Job> dueJobs() {
    // executable(): retries left and no due date or a due date not after the engine clock. The engine's own
    // history cleanup is left alone: a clock moved into its batch window must not purge the tests' history.
    return managementService.createJobQuery().executable().active().orderByJobId().asc().list().stream()
        .filter(job -> !(job instanceof JobEntity entity && HISTORY_CLEANUP.equals(entity.getJobHandlerType())))
        .toList();
  }

  private void execute(Job job) {
    try {
      managementService.executeJob(job.getId());
    } catch (RuntimeException e) {
      throw new AssertionError("job failed: " + describe(List.of(job)) + ": " + e.getMessage(), e);
    }
  }

  private String describe(List<Job> jobs) {
    return jobs.stream()
        .map(job -> job.getId() + " (" + job.getProcessDefinitionKey() + ", activity " + activityOf(job)
            + ", due " + job.getDuedate() + ")")
        .toList().toString();
  }

  private String activityOf(Job job) {
    if (job.getJobDefinitionId() == null) {
      return "?";
    }
    JobDefinition definition = managementService.createJobDefinitionQuery()
        .jobDefinitionId(job.getJobDefinitionId()).singleResult();
    return definition == null ? "?" : definition.getActivityId();
  }
}
