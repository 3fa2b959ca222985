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
            "InstitutionScopeChangeProcess", "BranchFilingProcess")
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

  /**
   * Issue 19 item 9: a provincial employer applies for a branch through its area — the branch's data and the three
   * materials of 人社鉴发〔2019〕3号 §一5, each in its own input; field errors on their fields and nothing stored; then
   * the branch's province reviews it technically and the area lists the branch with its code.
   */
  @Test
  void aProvincialEmployerAppliesForABranchThroughItsArea(Browser browser) throws IOException {
    jobs.moveClockTo(LocalDateTime.of(2023, 6, 1, 10, 0));
    String first17 = String.format("91410100MD%07d", System.nanoTime() / 1000 % 10_000_000);
    String creditCode = first17 + CreditCodes.checkCharacter(first17);
    FilingService.Submission submitted = filings.submit(Applications.tagged(new FilingApplication("PROVINCIAL_EMPLOYER",
        "浏览器分支机构测试机床有限公司", creditCode, "ENTERPRISE", "孙八", "41", "郑州市高新区 9 号",
        new FilingApplication.Contact("周九", "0371-5555", "hr@branch-area.example.cn"),
        List.of(new FilingApplication.Occupation("6-18-01-02", "铣工", null, List.of(3))), List.of(),
        new FilingApplication.Declarations(true, true, true, true, true)), "备案申请表.pdf"),
        List.of(new MockMultipartFile("files", "备案申请表.pdf", "application/pdf", "%PDF-1.7\n%branch\n".getBytes())));
    file(submitted.applicationNo());
    String filingCode = registry.findByCreditCode(creditCode).get(0).filingCode();
    jobs.moveClockTo(LocalDateTime.of(2024, 3, 4, 9, 0));
    String branchFirst17 = String.format("91330100MD%07d", System.nanoTime() / 1000 % 10_000_000);
    String branchCode = branchFirst17 + CreditCodes.checkCharacter(branchFirst17);
    Path work = Files.createTempDirectory("institution-branch-");
    try {
      Path form = Files.write(work.resolve("分支机构备案申请表.pdf"), "%PDF-1.7\n%form\n".getBytes());
      Path ownPlan = Files.write(work.resolve("分公司工作方案.pdf"), "%PDF-1.7\n%own\n".getBytes());
      Path employerPlan = Files.write(work.resolve("总公司工作方案复印件.pdf"), "%PDF-1.7\n%employer\n".getBytes());
      browser.open("/institution");
      type(browser.visible(By.name("filingCode")), filingCode);
      WebElement token = browser.visible(By.name("accessToken"));
      type(token, submitted.accessToken());
      token.sendKeys(Keys.ENTER);
      browser.awaitText("分支机构备案");

      // A wrong credit code, a city outside Henan's table and the third material missing: all named on their fields.
      type(browser.visible(By.id("f-branch-name")), "浏览器分支机构测试机床有限公司洛阳分公司");
      type(browser.visible(By.id("f-branch-creditCode")), "91330100MA00000000");
      new org.openqa.selenium.support.ui.Select(browser.visible(By.id("f-branch-province"))).selectByValue("41");
      type(browser.visible(By.id("f-branch-cityCode")), "29");
      type(browser.visible(By.id("f-branch-address")), "洛阳市涧西区 1 号");
      type(browser.visible(By.id("f-branch-contactEmail")), "ly@branch-area.example.cn");
      browser.visible(By.id("f-branch-material-1")).sendKeys(form.toString());
      browser.visible(By.id("f-branch-material-2")).sendKeys(ownPlan.toString());
      assertThat(unlabelledControls(browser)).isEmpty();
      browser.click(By.id("submit-branch"));
      browser.awaitText("分支机构备案申请未提交");
      assertThat(browser.visible(By.id("e-f-branch-creditCode")).getText()).isNotBlank();
      assertThat(browser.visible(By.id("e-f-branch-cityCode")).getText()).contains("河南省");
      assertThat(browser.visible(By.id("e-branch-material-3")).getText()).contains("必须上传");
      assertThat(browser.visible(By.id("f-branch-cityCode")).getAttribute("aria-invalid")).isEqualTo("true");
      // What was typed stays; nothing was stored.
      assertThat(browser.visible(By.id("f-branch-name")).getAttribute("value")).isEqualTo("浏览器分支机构测试机床有限公司洛阳分公司");
      assertThat(filings.laterBranchApplications(filingCode)).isEmpty();
      browser.script("document.getElementById('branch-section').scrollIntoView();");
      browser.screenshot("branch-errors");

      // Corrected: a branch in Zhejiang (no city code there), all three materials.
      type(browser.visible(By.id("f-branch-name")), "浏览器分支机构测试机床有限公司杭州分公司");
      type(browser.visible(By.id("f-branch-creditCode")), branchCode);
      new org.openqa.selenium.support.ui.Select(browser.visible(By.id("f-branch-province"))).selectByValue("33");
      browser.visible(By.id("f-branch-cityCode")).clear();
      type(browser.visible(By.id("f-branch-address")), "杭州市西湖区 2 号");
      type(browser.visible(By.id("f-branch-contactEmail")), "hz@branch-area.example.cn");
      browser.visible(By.id("f-branch-material-1")).sendKeys(form.toString());
      browser.visible(By.id("f-branch-material-2")).sendKeys(ownPlan.toString());
      browser.visible(By.id("f-branch-material-3")).sendKeys(employerPlan.toString());
      browser.click(By.id("submit-branch"));
      browser.awaitText("分支机构备案申请已提交");
      assertThat(browser.visible(By.id("branch-applications")).getText())
          .contains("浏览器分支机构测试机床有限公司杭州分公司", "浙江省", "所在地省级人社部门技术评审中");
      browser.script("document.getElementById('branch-section').scrollIntoView();");
      browser.screenshot("branch-submitted");

      // Zhejiang's officers review it technically (every item rated, an opinion) and it is registered.
      String applicationNo = filings.laterBranchApplications(filingCode).get(0).applicationNo();
      Task review = single(applicationNo, "Task_ReviewBranch");
      Map<String, Object> opinion = new HashMap<>(Map.of("branchDecision", "APPROVE",
          "branchOpinion", "文件审核并现场考察：方案可行，场地设备、人员和质量管控制度满足要求"));
      for (String item : List.of("plan", "site", "staff", "quality")) {
        opinion.put("branchReview_" + item, "MEETS");
      }
      complete(review, "officer33", opinion);
      jobs.runDue();
      browser.open("/institution");
      type(browser.visible(By.name("filingCode")), filingCode);
      WebElement again = browser.visible(By.name("accessToken"));
      type(again, submitted.accessToken());
      again.sendKeys(Keys.ENTER);
      browser.awaitText("已备案的分支机构");
      String branchCodeFiled = registry.branchesOf(filingCode).get(0).filingCode();
      assertThat(branchCodeFiled).startsWith("Y000033");
      assertThat(browser.visible(By.id("branches-filed")).getText()).contains(branchCodeFiled, "浙江省");
      assertThat(browser.visible(By.id("branch-applications")).getText()).contains("已备案，分支机构备案编码 " + branchCodeFiled);
      browser.script("document.getElementById('branch-section').scrollIntoView();");
      browser.screenshot("branch-filed");
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
