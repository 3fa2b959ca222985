package cn.hrss.assessment.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Self-test of the page helpers on a test-only model (src/test/resources/browser: one task with a Camunda
 * Form, candidate group acceptance-officers, like 受理审查): open the task from a filter of its own, read the
 * application data and material links in the Chinese form, complete it; a completion the server refuses
 * ({@link BrowserHarnessRule}) shows the server's message; Cockpit draws the running instance on the diagram.
 * The filing and discipline browser tests do the same on the real models.
 */
@BrowserTest
class BrowserTaskFormIT {

  static final String PROCESS = "BrowserHarnessProcess";
  static final String TASK = "Task_BrowserHarnessReview";

  /**
   * The filters of the real tasks show only their own task keys in the caller's province (CONTRACT.md "Jurisdiction"):
   * the harness task gets a filter of its own, shown to officer.
   */
  static final String FILTER = "浏览器测试";

  @Autowired RepositoryService repository;
  @Autowired FilterService filters;
  @Autowired TaskService tasks;
  @Autowired AuthorizationService authorizations;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;

  private String applicationNo;
  private ProcessInstance instance;

  @BeforeEach
  void submitAnApplication() {
    if (repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
      repository.createDeployment().name("browser-harness")
          .addClasspathResource("browser/BrowserHarnessProcess.bpmn")
          .addClasspathResource("browser/Form_BrowserHarnessReview.form")
          .deploy();
    }
    if (filters.createFilterQuery().filterName(FILTER).count() == 0) {
      Filter filter = filters.newTaskFilter(FILTER).setOwner("admin")
          .setQuery(tasks.createTaskQuery().taskDefinitionKey(TASK).taskCandidateGroup("acceptance-officers"));
      filters.saveFilter(filter);
      Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      read.setUserId("officer");
      read.setResource(Resources.FILTER);
      read.setResourceId(filter.getId());
      read.addPermission(Permissions.READ);
      authorizations.saveAuthorization(read);
    }
    // One open task at a time: the cards of this model look alike (the task list shows name and process).
    runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS).list()
        .forEach(old -> runtime.deleteProcessInstance(old.getId(), "browser test cleanup"));
    applicationNo = "BH-" + System.nanoTime();
    instance = runtime.startProcessInstanceByKey(PROCESS, applicationNo, Map.of(
        "applicationNo", applicationNo,
        "institutionName", "浏览器测试职业技能培训学校",
        "materialsMarkdown", "- [营业执照.pdf](/api/filings/" + applicationNo + "/materials/1)"));
  }

  @Test
  void officerOpensTheApplicationFromTheFilterAndAcceptsIt(Browser browser) {
    Tasklist tasklist = Tasklist.login(browser, "officer", "officer").openFilter(FILTER);
    assertThat(tasklist.taskNames()).containsExactly("浏览器测试审查");
    browser.screenshot("filter-with-application");

    tasklist.openTask("浏览器测试审查").claim();
    tasklist.formField("审查结论");
    assertThat(browser.bodyText()).contains(applicationNo, "浏览器测试职业技能培训学校", "申报材料");
    assertThat(browser.driver().findElement(By.linkText("营业执照.pdf")).getAttribute("href"))
        .endsWith("/api/filings/" + applicationNo + "/materials/1");
    tasklist.choose("审查结论", "受理");
    browser.screenshot("form-filled");
    tasklist.complete();

    browser.await("process instance ended", d -> history.createHistoricProcessInstanceQuery()
        .processInstanceId(instance.getId()).finished().count() == 1);
    browser.screenshot("completed");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName("acceptanceDecision").singleResult().getValue()).isEqualTo("ACCEPT");
  }

  @Test
  void aCompletionTheServerRefusesShowsItsMessage(Browser browser) {
    Tasklist tasklist = Tasklist.login(browser, "officer", "officer").openFilter(FILTER);
    tasklist.openTask("浏览器测试审查").claim();

    tasklist.choose("审查结论", "不予受理").complete();
    String shown = tasklist.awaitNotification("审查意见");
    browser.screenshot("server-refused");
    assertThat(shown).contains("提交内容未通过校验");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);

    tasklist.fill("审查意见", "材料不齐全：缺少场地证明。").complete();
    browser.await("process instance ended", d -> history.createHistoricProcessInstanceQuery()
        .processInstanceId(instance.getId()).finished().count() == 1);
    browser.screenshot("completed-with-comment");
  }

  @Test
  void managerSeesTheRunningInstanceOnTheDiagram(Browser browser) {
    Cockpit cockpit = Cockpit.login(browser, "manager", "manager");

    cockpit.openProcessInstance(instance.getId());
    assertThat(cockpit.badgesOn(TASK)).isNotBlank();
    browser.screenshot("cockpit-instance-diagram");
    cockpit.openProcessDefinition(instance.getProcessDefinitionId());
    assertThat(cockpit.badgesOn(TASK)).matches("\\d+.*");
    browser.screenshot("cockpit-definition-diagram");
  }
}
