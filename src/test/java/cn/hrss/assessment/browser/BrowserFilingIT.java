package cn.hrss.assessment.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.codes.CreditCodes;
import cn.hrss.assessment.filing.FilingApplication;
import cn.hrss.assessment.filing.FilingService;
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
import org.springframework.mock.web.MockMultipartFile;

/**
 * The real filing form in Tasklist: the acceptance officer opens 受理审查 from the 受理审查 filter, reads the
 * application and opens its material with the Tasklist session (no second login), accepts it; Cockpit draws the
 * InstitutionFilingProcess diagram with the instance on it.
 */
@BrowserTest
class BrowserFilingIT {

  @Autowired FilingService filings;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  @AfterEach
  void cleanUp() {
    List<String> running = runtime.createProcessInstanceQuery().processDefinitionKeyIn("InstitutionFilingProcess",
        "BranchFilingProcess").list().stream().map(p -> p.getId()).toList();
    if (!running.isEmpty()) {
      runtime.deleteProcessInstancesIfExists(running, "browser test finished", true, true, false);
    }
  }

  @Test
  void officerReadsTheApplicationOpensItsMaterialAndAcceptsIt(Browser browser) {
    String no = submit();
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

    // The form stays disabled (an overlay) until Tasklist has taken the claim into account.
    browser.await("form enabled after the claim", d -> browser.all(By.cssSelector(".disabled-form")).isEmpty());
    // The application data makes the form long: bring the decision into view before clicking it.
    ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});",
        tasklist.formField("受理审查结论"));
    tasklist.choose("受理审查结论", "材料齐全，予以受理").complete();
    browser.await("acceptance recorded", d -> tasks.createTaskQuery().taskId(task.getId()).count() == 0);
    assertThat(runtime.getVariables(task.getProcessInstanceId(), List.of("acceptanceDecision")))
        .isEqualTo(Map.of("acceptanceDecision", "ACCEPT"));
  }

  @Test
  void managerSeesTheFilingDiagramWithTheInstanceInCockpit(Browser browser) {
    String no = submit();
    String instanceId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(no).singleResult().getId();
    Cockpit cockpit = Cockpit.login(browser, "manager", "manager");
    cockpit.openProcessInstance(instanceId);
    assertThat(cockpit.badgesOn("Task_ReviewCompleteness")).isNotBlank();
    browser.screenshot("filing-cockpit-instance");
  }

  private String submit() {
    String first17 = String.format("5241%04dMJ%07d", 77, System.nanoTime() / 1000 % 10_000_000);
    FilingApplication application = new FilingApplication("SOCIAL_ORG", "浏览器测试数控技能培训协会",
        first17 + CreditCodes.checkCharacter(first17), "ASSOCIATION", "王五", "41", "郑州市金水区花园路 1 号",
        new FilingApplication.Contact("李四", "0371-12345678", "apply@browser.example.cn"),
        List.of(new FilingApplication.Occupation("6-18-01-01", "车工", "数控车床", List.of(4, 3))), List.of(),
        new FilingApplication.Declarations(true, true, true, true, true));
    return filings.submit(application, List.of(new MockMultipartFile("files", "备案申请表.pdf", "application/pdf",
        "%PDF-1.7\n%browser\n".getBytes()))).applicationNo();
  }
}
