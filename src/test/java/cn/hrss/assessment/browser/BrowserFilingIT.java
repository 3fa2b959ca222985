package cn.hrss.assessment.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.filing.Applications;
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

    // Issue 19 items 1-3: the materials as the guidance lists them (☑/☐ per item) and the conditions and prohibitions
    // of 002 Annex 1 §二(五), §二(七), which the officer confirms one by one before accepting.
    assertThat(browser.bodyText()).contains("☑ 1. 社会培训评价组织基本情况表", "☑ 7. 法定代表人签字的申报材料真实性承诺书",
        "申请条件与禁止性规定核对", "视频监控设备", "未与政府部门脱钩的社会团体");
    tasklist.awaitFormEnabled().choose("受理审查结论", "材料齐全，予以受理").complete();
    assertThat(tasklist.awaitNotification("逐项核对")).contains("视频监控设备");
    tasklist.dismissNotifications();
    List<String> checklist = Applications.checklistLabels("SOCIAL_ORG");
    checklist.forEach(label -> tasklist.check(label, true));
    assertThat(tasklist.clippedLabels()).as("checklist items the officer could not read whole").isEmpty();
    document(browser, tasklist.formField(checklist.get(0)), "acceptance-checklist");
    tasklist.complete();
    browser.await("acceptance recorded", d -> tasks.createTaskQuery().taskId(task.getId()).count() == 0);
    assertThat(runtime.getVariables(task.getProcessInstanceId(), List.of("acceptanceDecision")))
        .isEqualTo(Map.of("acceptanceDecision", "ACCEPT"));
  }

  /**
   * The officer's checklist as Tasklist shows it, for the README: the window at 1,400 × 1,600 px with {@code from} at
   * the top, saved as docs/screenshots/&lt;name&gt;.png (and the test's own). The window's size is restored afterwards.
   */
  private static void document(Browser browser, org.openqa.selenium.WebElement from, String name) {
    org.openqa.selenium.Dimension before = browser.driver().manage().window().getSize();
    browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1600));
    browser.script("arguments[0].scrollIntoView({block: 'start'});", from);
    java.nio.file.Path shot = browser.screenshot(name);
    browser.driver().manage().window().setSize(before);
    try {
      java.nio.file.Path docs = java.nio.file.Path.of("docs", "screenshots");
      java.nio.file.Files.createDirectories(docs);
      java.nio.file.Files.copy(shot, docs.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
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
