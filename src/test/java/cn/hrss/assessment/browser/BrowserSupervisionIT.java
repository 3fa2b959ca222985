package cn.hrss.assessment.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.codes.CreditCodes;
import cn.hrss.assessment.filing.Applications;
import cn.hrss.assessment.filing.FilingApplication;
import cn.hrss.assessment.filing.FilingService;
import cn.hrss.assessment.registry.InstitutionRegistry;
import cn.hrss.assessment.supervision.AssessmentPlans;
import cn.hrss.assessment.supervision.SupervisionDraws;
import cn.hrss.assessment.support.Jobs;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

/**
 * Quality supervision in a real browser (issue 14 items 1 and 3, issue 17 item 4): an institution declares an
 * assessment plan from its area (a date too early is refused with the form kept), and the public draw page shows who
 * supervises whom from the activity day, also on a phone.
 */
@BrowserTest
class BrowserSupervisionIT {

  @Autowired FilingService filings;
  @Autowired InstitutionRegistry registry;
  @Autowired AssessmentPlans plans;
  @Autowired SupervisionDraws supervisions;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired Jobs jobs;

  record Filed(String filingCode, String token, String name) {}

  @AfterEach
  void tearDown() {
    jobs.runDue();
    List<String> running = runtime.createProcessInstanceQuery().processDefinitionKeyIn("InstitutionFilingProcess", "QualitySupervisionProcess")
        .list().stream().map(p -> p.getId()).toList();
    if (!running.isEmpty()) {
      runtime.deleteProcessInstancesIfExists(running, "browser test finished", true, true, false);
    }
    jobs.resetClock();
  }

  @Test
  void anInstitutionDeclaresAPlanAndATooEarlyDateIsShownOnTheKeptForm(Browser browser) {
    jobs.moveClockTo(LocalDateTime.of(2026, 3, 2, 9, 0));
    Filed filed = file("浏览器评价计划机床有限公司");

    browser.open("/");
    browser.click(By.linkText("机构办事"));
    browser.awaitText("已备案的评价机构以备案编码");
    type(browser.visible(By.name("filingCode")), filed.filingCode());
    WebElement token = browser.visible(By.name("accessToken"));
    type(token, filed.token());
    token.sendKeys(Keys.ENTER);
    browser.awaitText("申报或查看评价计划");
    browser.visible(By.id("open-plans")).sendKeys(Keys.ENTER);
    browser.awaitText("今天申报的评价活动最早可安排在");
    assertThat(browser.visible(By.id("earliest")).getText()).isEqualTo("2026年3月9日");
    assertThat(browser.driver().getCurrentUrl()).doesNotContain(filed.token());

    // Friday 03-06 is only 4 working days ahead (003 indicator 14)
    browser.script("document.getElementById('plan-date').value = '2026-03-06';");
    type(browser.visible(By.id("plan-site")), "郑州市高新区 7 号 实训楼");
    type(browser.visible(By.id("plan-candidates")), "30");
    browser.visible(By.cssSelector("input[name='levels.6-18-01-02'][value='3']")).click();
    browser.visible(By.id("submit-plan")).click();
    browser.awaitText("评价计划未申报");
    assertThat(browser.visible(By.id("plan-date-error")).getText()).contains("2026年3月9日");
    assertThat(browser.visible(By.id("plan-date")).getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.visible(By.id("plan-site")).getAttribute("value")).isEqualTo("郑州市高新区 7 号 实训楼");
    assertThat(browser.visible(By.id("plan-candidates")).getAttribute("value")).isEqualTo("30");
    assertThat(browser.visible(By.cssSelector("input[name='levels.6-18-01-02'][value='3']")).isSelected()).isTrue();
    assertThat(unlabelledControls(browser)).isEmpty();
    browser.screenshot("plan-too-early");

    browser.script("document.getElementById('plan-date').value = '2026-03-09';");
    browser.visible(By.id("submit-plan")).click();
    browser.awaitText("评价计划已申报");
    String planNo = plans.of(filed.filingCode()).get(0).planNo();
    assertThat(browser.visible(By.id("declared")).getText()).contains(planNo, "2026年3月9日");
    assertThat(browser.visible(By.id("plans-table")).getText()).contains(planNo, "郑州市高新区 7 号 实训楼", "铣工 3级", "30");
    browser.screenshot("plan-declared");
  }

  @Test
  void thePublicDrawPageShowsTheTeamFromTheActivityDayAlsoOnAPhone(Browser browser) {
    jobs.moveClockTo(LocalDateTime.of(2026, 3, 2, 9, 0));
    Filed filed = file("浏览器督导公示机床有限公司");
    AssessmentPlans.Plan plan = plans.declare(filed.filingCode(), new AssessmentPlans.PlanRequest(
        LocalDate.of(2026, 3, 20), "郑州市高新区 7 号", List.of(new AssessmentPlans.PlanOccupation("6-18-01-02",
            List.of(3))), 25), p -> { });
    SupervisionDraws.DrawResult drawn = supervisions.assign(
        new SupervisionDraws.SingleRequest(plan.planNo(), "ON_SITE", false, null), "manager", r -> { });
    String no = drawn.supervisions().get(0).supervisionNo();
    jobs.moveClockTo(LocalDateTime.of(2026, 3, 20, 8, 0));

    browser.open("/");
    browser.click(By.linkText("质量督导抽取结果公示"));
    browser.awaitText("质量督导抽取结果公示");
    String page = browser.bodyText();
    assertThat(page).contains(drawn.drawNo(), drawn.seed(), filed.name(), filed.filingCode(), "2026年3月20日", "组长",
        "督导进行中").doesNotContain("@");
    browser.screenshot("supervision-results");

    Dimension before = browser.driver().manage().window().getSize();
    browser.driver().manage().window().setSize(new Dimension(390, 844));
    try {
      browser.open("/supervision-results");
      browser.awaitText(filed.name());
      Object overflow = browser.script(
          "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
      assertThat(overflow).as("no sideways scrolling of the page on a phone").isEqualTo(false);
      browser.screenshot("supervision-results-phone");
    } finally {
      browser.driver().manage().window().setSize(before);
    }
    jobs.forget(List.of(no));
  }

  private Filed file(String name) {
    String first17 = String.format("91410100MD%07d", System.nanoTime() / 1000 % 10_000_000);
    String creditCode = first17 + CreditCodes.checkCharacter(first17);
    FilingService.Submission submitted = filings.submit(Applications.tagged(new FilingApplication("PROVINCIAL_EMPLOYER", name, creditCode,
        "ENTERPRISE", "孙八", "41", "郑州市高新区 7 号", new FilingApplication.Contact("周九", "0371-5555", "hr@sv.example.cn"),
        List.of(new FilingApplication.Occupation("6-18-01-02", "铣工", null, List.of(3, 4))), List.of(),
        new FilingApplication.Declarations(true, true, true, true, true)), "备案申请表.pdf"),
        List.of(new MockMultipartFile("files", "备案申请表.pdf", "application/pdf", "%PDF-1.7\n%sv\n".getBytes())));
    String no = submitted.applicationNo();
    complete(single(no, "Task_ReviewCompleteness"), "officer", cn.hrss.assessment.filing.Applications.acceptance());
    jobs.runDue();
    for (Task review : tasks.createTaskQuery().processInstanceBusinessKey(no).taskDefinitionKey("Task_ExpertReview").list()) {
      complete(review, review.getAssignee(), Map.of("expertOpinion", "PASS", "expertComment", "符合条件"));
    }
    jobs.runDue();
    complete(single(no, "Task_DecideFiling"), "officer", cn.hrss.assessment.filing.Applications.approval());
    jobs.runDue();
    return new Filed(registry.findByCreditCode(creditCode).get(0).filingCode(), submitted.accessToken(), name);
  }

  private Task single(String applicationNo, String key) {
    return tasks.createTaskQuery().processInstanceBusinessKey(applicationNo).taskDefinitionKey(key).singleResult();
  }

  private void complete(Task task, String user, Map<String, Object> variables) {
    identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList());
    try {
      tasks.complete(task.getId(), new HashMap<>(variables));
    } finally {
      identity.clearAuthentication();
    }
  }

  private static void type(WebElement input, String text) {
    input.clear();
    input.sendKeys(text);
  }

  private static List<?> unlabelledControls(Browser browser) {
    return (List<?>) browser.script("return Array.from(document.querySelectorAll('form input, form select, form textarea'))"
        + ".filter(c => c.type !== 'hidden' && c.labels.length === 0).map(c => c.name);");
  }
}
