package cn.hrss.assessment.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.support.IntegrationTest;
import java.time.OffsetDateTime;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
 * happens when a deadline needs a year without an official schedule: it is computed on the provisional calendar
 * (DOMAIN.md §6), in a request and in a job alike.
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
    cn.hrss.assessment.support.TestClock.reset();
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
  void aDeadlineReachingAYearWithoutAnOfficialScheduleIsComputedProvisionally() {
    ClockUtil.setCurrentTime(at("2026-12-24T09:30:00+08:00"));

    ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS, "CAL-IT-2");

    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    // 10 working days: 12-25, 12-28..31, (2027-01-01 元旦, provisional), 01-04..08.
    assertThat(task.getDueDate()).isEqualTo(at("2027-01-08T23:59:59+08:00"));
    assertThat(taskService.getVariableLocal(task.getId(), ProcessDeadlines.DUE_DATE_PROVISIONAL))
        .as("the task is marked 暂定 for the Tasklist filter and the form").isEqualTo(true);
  }

  @Test
  void inAnAsynchronousJobAYearWithoutAnOfficialScheduleNeverFails() {
    ClockUtil.setCurrentTime(at("2026-12-24T09:30:00+08:00"));
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(ASYNC_PROCESS, "CAL-IT-3");

    Job job = managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
    managementService.executeJob(job.getId());

    assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(task.getDueDate()).isEqualTo(at("2027-01-08T23:59:59+08:00"));
  }

  @Test
  void aDeadlineFiveYearsAheadIsComputedToo() {
    ClockUtil.setCurrentTime(at("2031-09-29T09:30:00+08:00"));

    ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS, "CAL-IT-4");

    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    // 2031 provisional: 中秋 and 国庆 share 10-01 (Wed), 10-01..03 off + one 补假 on Mon 10-06; 10 working days
    // from Mon 09-29: 09-30, 10-07..10, 10-13..17.
    assertThat(task.getDueDate()).isEqualTo(at("2031-10-17T23:59:59+08:00"));
  }

  private static Date at(String isoOffsetDateTime) {
    return Date.from(OffsetDateTime.parse(isoOffsetDateTime).toInstant());
  }
}
