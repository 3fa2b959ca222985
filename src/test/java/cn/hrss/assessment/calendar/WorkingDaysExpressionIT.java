package cn.hrss.assessment.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.assessment.support.IntegrationTest;
import java.time.OffsetDateTime;
import java.util.Date;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The {@code workingDays} and {@code deadlines} beans evaluated by the engine in a user task's
 * {@code camunda:dueDate} and a timer's {@code timeDate} (test models in src/test/resources/calendar/), and what
 * happens when a deadline needs a year without calendar data: a refused command, or an incident in a job.
 */
@IntegrationTest
class WorkingDaysExpressionIT {

  private static final String PROCESS = "CalendarDeadlineHarness";
  private static final String ASYNC_PROCESS = "CalendarDeadlineAsyncHarness";

  @Autowired private RepositoryService repositoryService;
  @Autowired private RuntimeService runtimeService;
  @Autowired private TaskService taskService;
  @Autowired private ManagementService managementService;

  private String deploymentId;

  @BeforeEach
  void deployHarness() {
    deploymentId = repositoryService.createDeployment()
        .name("calendar-test")
        .addClasspathResource("calendar/" + PROCESS + ".bpmn")
        .addClasspathResource("calendar/" + ASYNC_PROCESS + ".bpmn")
        .deploy()
        .getId();
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    repositoryService.deleteDeployment(deploymentId, true);
  }

  @Test
  void dueDateAndTimerCountWorkingDaysAcrossSpringFestival2026() {
    ClockUtil.setCurrentTime(at("2026-02-12T09:30:00+08:00"));

    ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS, "CAL-IT-1");

    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    // deadlines.acceptance = 10: 02-13, 02-14 (adjusted Sat), 02-24..27, 02-28 (adjusted Sat), 03-02..04.
    assertThat(task.getDueDate()).isEqualTo(at("2026-03-04T23:59:59+08:00"));
    Job timer = managementService.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
    // deadlines.publicNotice = 5: 02-13, 02-14, 02-24, 02-25, 02-26.
    assertThat(timer.getDuedate()).isEqualTo(at("2026-02-26T23:59:59+08:00"));
  }

  @Test
  void aDeadlineNeedingAYearWithoutDataRefusesTheCommand() {
    ClockUtil.setCurrentTime(at("2026-12-24T09:30:00+08:00"));

    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROCESS, "CAL-IT-2"))
        .hasMessageContaining("2027")
        .rootCause()
        .isInstanceOf(CalendarDataMissingException.class)
        .asInstanceOf(InstanceOfAssertFactories.type(CalendarDataMissingException.class))
        .extracting(CalendarDataMissingException::getYear)
        .isEqualTo(2027);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("CAL-IT-2").count())
        .as("the start was rolled back").isZero();
  }

  @Test
  void inAnAsynchronousJobAMissingYearEndsInAnIncidentNamingTheYear() {
    ClockUtil.setCurrentTime(at("2026-12-24T09:30:00+08:00"));
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(ASYNC_PROCESS, "CAL-IT-3");

    // Run the job until its retries are used up, as the job executor would (whatever the retry cycle).
    for (int attempt = 0; attempt < 10; attempt++) {
      Job job = managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
      if (job.getRetries() == 0) {
        break;
      }
      assertThatThrownBy(() -> managementService.executeJob(job.getId())).hasMessageContaining("2027");
    }

    Incident incident = runtimeService.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(incident).as("incident in Cockpit").isNotNull();
    assertThat(incident.getIncidentMessage()).contains("2027").contains("assessment.calendar.override-file");
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
  }

  private static Date at(String isoOffsetDateTime) {
    return Date.from(OffsetDateTime.parse(isoOffsetDateTime).toInstant());
  }
}
