package cn.hrss.assessment.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.assessment.support.IntegrationTest;
import cn.hrss.assessment.support.Jobs;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Schema (Flyway + Camunda) on the test database, and the {@link Jobs} helper driving async steps and timers. */
@IntegrationTest
class EngineFoundationIT {

  @Autowired
  DataSource dataSource;

  @Autowired
  RepositoryService repositoryService;

  @Autowired
  RuntimeService runtimeService;

  @Autowired
  HistoryService historyService;

  @Autowired
  Jobs jobs;

  @Autowired
  Flyway flyway;

  @AfterEach
  void resetClock() {
    jobs.resetClock();
  }

  @Test
  void flywayAndCamundaCreatedTheirTables() throws Exception {
    List<String> tables = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
         ResultSet rs = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        tables.add(rs.getString("TABLE_NAME").toLowerCase());
      }
    }
    assertThat(tables).contains("assessment_schema_history", "act_ru_task", "act_hi_procinst");
  }

  /** Camunda's tables exist before Flyway runs; the baseline must not swallow V1 (application.yml). */
  @Test
  void everyMigrationWasApplied() {
    MigrationInfoService info = flyway.info();
    assertThat(info.pending()).isEmpty();
    assertThat(info.all())
        .filteredOn(migration -> migration.getVersion() != null && migration.getType().isBaseline())
        .allSatisfy(baseline -> assertThat(baseline.getVersion().getVersion()).isEqualTo("0"));
    assertThat(info.all())
        .filteredOn(migration -> !migration.getType().isBaseline())
        .allSatisfy(migration -> assertThat(migration.getState()).as(migration.getScript())
            .isEqualTo(MigrationState.SUCCESS));
  }

  @Test
  void runDueExecutesAsyncStepsAndTimersDueAtTheEngineClock() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("FoundationJobsTest")
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .serviceTask("Task_Async").camundaAsyncBefore().camundaExpression("${true}")
        .intermediateCatchEvent("Event_Wait").timerWithDate("2030-01-10T09:00:00+08:00")
        .endEvent("EndEvent_Done")
        .done();
    repositoryService.createDeployment().addModelInstance("FoundationJobsTest.bpmn", model).deploy();
    jobs.moveClockTo(LocalDateTime.of(2030, 1, 9, 12, 0));
    String id = runtimeService.startProcessInstanceByKey("FoundationJobsTest").getId();

    assertThat(jobs.runDue()).isEqualTo(1); // the async continuation; the timer is not due yet
    assertThat(jobs.pending()).hasSize(1);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(id).count()).isEqualTo(1);

    jobs.moveClockTo(LocalDateTime.of(2030, 1, 10, 9, 0, 1));
    assertThat(jobs.runDue()).isEqualTo(1);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(id).count()).isZero();
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(id)
        .activityId("EndEvent_Done").count()).isEqualTo(1);
  }

  @Test
  void runDueFailsLoudlyWhenAJobThrows() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("FoundationFailingJobTest")
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .serviceTask("Task_Fail").camundaAsyncBefore().camundaExpression("${undefinedBean.call()}")
        .endEvent()
        .done();
    repositoryService.createDeployment().addModelInstance("FoundationFailingJobTest.bpmn", model).deploy();
    String id = runtimeService.startProcessInstanceByKey("FoundationFailingJobTest").getId();

    try {
      assertThatThrownBy(jobs::runDue).isInstanceOf(AssertionError.class).hasMessageContaining("Task_Fail");
    } finally {
      // runDue runs every due job of the shared context: leave no failing job to the other tests.
      runtimeService.deleteProcessInstance(id, "test cleanup");
    }
  }
}
