package cn.hrss.assessment.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The real filing form in Tasklist: the acceptance officer opens 受理审查 from the 受理审查 filter, reads the
 * application and opens its material with the Tasklist session (no second login), accepts it; Cockpit draws the
 * InstitutionFilingProcess diagram with the instance on it.
 */
@BrowserTest
class BrowserFilingIT {

  @Autowired FilingSteps filings;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  @AfterEach
  void cleanUp() {
    filings.deleteRunning();
  }

  @Test
  void officerReadsTheApplicationOpensItsMaterialAndAcceptsIt(Browser browser) {
    String no = filings.submit();
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(no).taskDefinitionKey("Task_ReviewCompleteness")
        .singleResult();

    Tasklist tasklist = Tasklist.login(browser, "officer", "officer").openFilter("受理审查").openTaskById(task.getId())
        .claim();
    tasklist.formField("受理审查结论");
    assertThat(browser.bodyText()).contains(no, "浏览器测试数控技能培训协会", "社会培训评价组织", "车工", "申报材料")
        .doesNotContain("数量提示");
    String href = browser.driver().findElement(By.linkText("备案申请表.pdf")).getAttribute("href");
    assertThat(href).contains("/api/filings/" + no + "/materials/");
    Object status = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
        "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => done(r.status), e => done(String(e)));",
        href);
    assertThat(status).isEqualTo(200L);
    browser.screenshot("filing-review-completeness");

    tasklist.awaitFormEnabled().choose("受理审查结论", "材料齐全，予以受理").complete();
    browser.await("acceptance recorded", d -> tasks.createTaskQuery().taskId(task.getId()).count() == 0);
    assertThat(runtime.getVariables(task.getProcessInstanceId(), List.of("acceptanceDecision")))
        .isEqualTo(Map.of("acceptanceDecision", "ACCEPT"));
  }

  @Test
  void managerSeesTheFilingDiagramWithTheInstanceInCockpit(Browser browser) {
    String no = filings.submit();
    String instanceId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(no).singleResult().getId();
    Cockpit cockpit = Cockpit.login(browser, "manager", "manager");
    cockpit.openProcessInstance(instanceId);
    assertThat(cockpit.badgesOn("Task_ReviewCompleteness")).isNotBlank();
    browser.screenshot("filing-cockpit-instance");
  }
}
