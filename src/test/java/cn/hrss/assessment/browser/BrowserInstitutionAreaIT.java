package cn.hrss.assessment.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.codes.CreditCodes;
import cn.hrss.assessment.filing.Applications;
import cn.hrss.assessment.filing.FilingApplication;
import cn.hrss.assessment.filing.FilingService;
import cn.hrss.assessment.registry.InstitutionRegistry;
import cn.hrss.assessment.registry.InstitutionStatus;
import cn.hrss.assessment.support.Jobs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

/**
 * The institution's area {@code /institution} in a real browser (issue 17 item 4): a provincial employer filed on
 * 2023-06-01 (valid until 2026-06-01) signs in with its filing code and token four months before its end, is told the
 * day renewal opens, and terminates its filing voluntarily through the confirmation step, by keyboard. The signed-in
 * page is written to docs/screenshots/institution.png for the README.
 */
@BrowserTest
class BrowserInstitutionAreaIT {

  @Autowired FilingService filings;
  @Autowired InstitutionRegistry registry;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired Jobs jobs;

  @AfterEach
  void tearDown() {
    List<String> running = runtime.createProcessInstanceQuery()
        .processDefinitionKeyIn("InstitutionFilingProcess", "InstitutionRenewalProcess", "InstitutionChangeProcess",
            "InstitutionScopeChangeProcess")
        .list().stream().map(p -> p.getId()).toList();
    if (!running.isEmpty()) {
      runtime.deleteProcessInstancesIfExists(running, "browser test finished", true, true, false);
    }
    jobs.resetClock();
  }

  @Test
  void anInstitutionSignsInIsToldWhenRenewalOpensAndTerminatesAfterConfirming(Browser browser) {
    jobs.moveClockTo(LocalDateTime.of(2023, 6, 1, 10, 0));
    String first17 = String.format("91410100MB%07d", System.nanoTime() / 1000 % 10_000_000);
    String creditCode = first17 + CreditCodes.checkCharacter(first17);
    FilingService.Submission submitted = filings.submit(cn.hrss.assessment.filing.Applications.tagged(new FilingApplication("PROVINCIAL_EMPLOYER", "浏览器机构办事测试机床有限公司",
        creditCode, "ENTERPRISE", "孙八", "41", "郑州市高新区 7 号",
        new FilingApplication.Contact("周九", "0371-5555", "hr@area.example.cn"),
        List.of(new FilingApplication.Occupation("6-18-01-02", "铣工", null, List.of(3))), List.of(),
        new FilingApplication.Declarations(true, true, true, true, true)), "备案申请表.pdf"),
        List.of(new MockMultipartFile("files", "备案申请表.pdf", "application/pdf", "%PDF-1.7\n%area\n".getBytes())));
    file(submitted.applicationNo());
    String filingCode = registry.findByCreditCode(creditCode).get(0).filingCode();
    jobs.moveClockTo(LocalDateTime.of(2026, 2, 2, 9, 0)); // four months before the end

    browser.open("/");
    browser.click(By.linkText("机构办事"));
    browser.awaitText("已备案的评价机构以备案编码");
    type(browser.visible(By.name("filingCode")), filingCode);
    WebElement token = browser.visible(By.name("accessToken"));
    type(token, submitted.accessToken());
    token.sendKeys(Keys.ENTER);
    browser.awaitText("正在办理的申请");
    assertThat(browser.driver().getCurrentUrl()).endsWith("/institution").doesNotContain(submitted.accessToken());
    assertThat(browser.visible(By.cssSelector("section[aria-labelledby=entry]")).getText())
        .contains("浏览器机构办事测试机床有限公司", filingCode, "正常", "2026年6月1日", "铣工");
    // 004 Art. 23: no renewal form yet, the day it opens instead
    assertThat(browser.visible(By.id("renewal-closed")).getText()).contains("自 2026年3月1日 起可以申请延续");
    assertThat(browser.all(By.id("submit-renewal"))).isEmpty();
    assertThat(unlabelledControls(browser)).isEmpty();
    document(browser, "institution");

    // voluntary termination: reason, then the confirmation step, by keyboard only
    WebElement reason = browser.visible(By.id("termination-reason"));
    type(reason, "企业转型，不再开展评价工作");
    reason.sendKeys(Keys.TAB, Keys.ENTER);
    browser.awaitText("请确认：注销后备案立即终止，不能撤销");
    browser.screenshot("termination-confirm");
    assertThat(browser.all(By.id("submit-change"))).as("the question alone, not lost below the other forms").isEmpty();
    assertThat(registry.findByFilingCode(filingCode).orElseThrow().status()).isEqualTo(InstitutionStatus.ACTIVE);
    browser.visible(By.id("confirm-termination")).sendKeys(Keys.ENTER);
    browser.awaitText("已注销备案");
    assertThat(browser.bodyText()).contains("备案编码移入废置库", "备案状态为“终止备案”");
    assertThat(browser.all(By.id("request-termination"))).isEmpty();
    browser.screenshot("terminated");
    assertThat(registry.findByFilingCode(filingCode).orElseThrow().status()).isEqualTo(InstitutionStatus.TERMINATED);
  }

  @Test
  void anInstitutionReadsItsRecordDownloadsItsReceiptAndAddsAnOccupationFromTheCatalogue(Browser browser)
      throws IOException {
    jobs.moveClockTo(LocalDateTime.of(2023, 6, 1, 10, 0));
    String first17 = String.format("91410100MC%07d", System.nanoTime() / 1000 % 10_000_000);
    String creditCode = first17 + CreditCodes.checkCharacter(first17);
    FilingService.Submission submitted = filings.submit(Applications.tagged(new FilingApplication("PROVINCIAL_EMPLOYER", "浏览器监管档案测试机床有限公司",
        creditCode, "ENTERPRISE", "孙八", "41", "郑州市高新区 8 号",
        new FilingApplication.Contact("周九", "0371-5555", "hr@record.example.cn"),
        List.of(new FilingApplication.Occupation("6-18-01-02", "铣工", null, List.of(3))), List.of(),
        new FilingApplication.Declarations(true, true, true, true, true)), "备案申请表.pdf"),
        List.of(new MockMultipartFile("files", "备案申请表.pdf", "application/pdf", "%PDF-1.7\n%record\n".getBytes())));
    file(submitted.applicationNo());
    String filingCode = registry.findByCreditCode(creditCode).get(0).filingCode();
    jobs.moveClockTo(LocalDateTime.of(2024, 3, 4, 9, 0));
    Path work = Files.createTempDirectory("institution-area-");
    try {
      browser.open("/institution");
      type(browser.visible(By.name("filingCode")), filingCode);
      WebElement token = browser.visible(By.name("accessToken"));
      type(token, submitted.accessToken());
      token.sendKeys(Keys.ENTER);
      browser.awaitText("监管档案");

      // its own record, oldest first, with the receipt of the approved filing
      String record = browser.visible(By.id("record-table")).getText();
      assertThat(record).contains("备案申请", "准予备案", "2023-06-01");
      assertThat(record.indexOf("备案申请")).isLessThan(record.indexOf("准予备案"));
      browser.script("document.getElementById('record-section').scrollIntoView();");
      browser.screenshot("record");
      Path downloads = Files.createDirectories(work.resolve("downloads"));
      ((org.openqa.selenium.chromium.HasCdp) browser.driver()).executeCdpCommand("Browser.setDownloadBehavior",
          Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
      browser.click(By.id("receipt-" + submitted.applicationNo()));
      Path receipt = browser.await("receipt downloaded", d -> {
        try (java.util.stream.Stream<Path> found = Files.list(downloads)) {
          return found.filter(p -> p.getFileName().toString().endsWith(".pdf")).findFirst().orElse(null);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      assertThat(receipt.getFileName().toString()).startsWith("备案回执-HZ");
      assertThat(cn.hrss.assessment.support.Pdfs.text(Files.readAllBytes(receipt)))
          .contains("浏览器监管档案测试机床有限公司", filingCode);

      // the occupation to add is picked from the catalogue, its levels ticked; no code is typed
      assertThat(browser.all(By.name("new.code"))).isEmpty();
      new org.openqa.selenium.support.ui.Select(browser.visible(By.id("scope-new-entry")))
          .selectByValue("6-18-01-01|数控车床");
      browser.visible(By.cssSelector("input[name='new.levels'][value='4']")).click();
      Path material = Files.write(work.resolve("变更申请表.pdf"), "%PDF-1.7\n%scope\n".getBytes());
      browser.visible(By.id("scope-files")).sendKeys(material.toString());
      assertThat(unlabelledControls(browser)).isEmpty();
      browser.screenshot("scope-picked");
      browser.click(By.id("submit-scope-change"));
      browser.awaitText("职业（工种）及等级变更申请已提交");
      browser.screenshot("scope-submitted");
      assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("InstitutionScopeChangeProcess")
          .processInstanceBusinessKeyLike("BA%").active().list()).isNotEmpty();
    } finally {
      try (java.util.stream.Stream<Path> all = Files.walk(work)) {
        all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** Acceptance, three PASS opinions, the decision (a provincial employer has no public notice). */
  private void file(String applicationNo) {
    complete(single(applicationNo, "Task_ReviewCompleteness"), "officer", cn.hrss.assessment.filing.Applications.acceptance());
    jobs.runDue();
    for (Task review : tasks.createTaskQuery().processInstanceBusinessKey(applicationNo)
        .taskDefinitionKey("Task_ExpertReview").list()) {
      complete(review, review.getAssignee(), Map.of("expertOpinion", "PASS", "expertComment", "符合条件"));
    }
    jobs.runDue();
    complete(single(applicationNo, "Task_DecideFiling"), "officer", cn.hrss.assessment.filing.Applications.approval());
    jobs.runDue();
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

  /** The names of the page's visible form controls that no label names (hidden fields need none). */
  private static List<?> unlabelledControls(Browser browser) {
    return (List<?>) browser.script("return Array.from(document.querySelectorAll('form input, form select, form textarea'))"
        + ".filter(c => c.type !== 'hidden' && c.labels.length === 0).map(c => c.name);");
  }

  /** The top of the page in a 1,400 × 1,600 px window for the README: docs/screenshots/&lt;name&gt;.png. */
  private static void document(Browser browser, String name) {
    org.openqa.selenium.Dimension before = browser.driver().manage().window().getSize();
    browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1600));
    browser.script("window.scrollTo(0, 0);");
    Path shot = browser.screenshot(name);
    browser.driver().manage().window().setSize(before);
    try {
      Files.createDirectories(BrowserApplyIT.DOCS);
      Files.copy(shot, BrowserApplyIT.DOCS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
