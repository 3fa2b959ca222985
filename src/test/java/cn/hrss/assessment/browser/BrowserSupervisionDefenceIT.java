package cn.hrss.assessment.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.registry.InstitutionRegistry;
import cn.hrss.assessment.supervision.DefenceFixtures;
import cn.hrss.assessment.supervision.Scorecards;
import cn.hrss.assessment.supervision.SupervisionOutcomes;
import cn.hrss.assessment.support.Jobs;
import cn.hrss.assessment.support.Pdfs;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 质量督导与申辩 in the institution's area in a real browser (issue 17 item 4), keyboard only and at a phone's width:
 * the institution signs in, reads the preliminary opinion and the defence deadline, sends an empty defence (the reason
 * shown on the field), then its defence; after the manager issues the letter it sees the grade and downloads the
 * 督导意见书 as a PDF whose text is checked.
 */
@BrowserTest
class BrowserSupervisionDefenceIT {

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired InstitutionRegistry registry;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transactions;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired Scorecards scorecards;
  @Autowired SupervisionOutcomes outcomes;
  @Autowired Jobs jobs;

  DefenceFixtures fixtures;

  @BeforeEach
  void setUp() {
    jobs.moveClockTo(LocalDateTime.of(2026, 3, 2, 9, 0));
    fixtures = new DefenceFixtures(http, json, registry, events, transactions, tasks, identity, scorecards, jobs);
  }

  @AfterEach
  void tearDown() {
    jobs.resetClock();
    jobs.forget(fixtures.businessKeys());
  }

  @Test
  void theInstitutionAnswersThePreliminaryOpinionAndDownloadsTheLetter(Browser browser) throws IOException {
    DefenceFixtures.Org org = fixtures.institution("浏览器申辩测试机床有限公司");
    String no = fixtures.toDefenceWindow(org, 58, "题库未按规定更新。");
    jobs.moveClockTo(LocalDateTime.of(2026, 3, 4, 10, 0));
    ((HasCdp) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", 375, "height", 812, "deviceScaleFactor", 1, "mobile", true));

    browser.open("/institution");
    browser.visible(By.name("filingCode")).sendKeys(org.filingCode());
    WebElement token = browser.visible(By.name("accessToken"));
    token.sendKeys(org.token());
    token.sendKeys(Keys.ENTER);
    browser.awaitText("质量督导与申辩");
    browser.visible(By.id("open-supervisions")).sendKeys(Keys.ENTER);
    browser.awaitText("初步督导意见");
    assertThat(browser.driver().getCurrentUrl()).endsWith("/institution/supervisions").doesNotContain(org.token());
    assertThat(browser.visible(By.id("supervision-" + no)).getText())
        .contains(no, "58 分", "题库未按规定更新。", "2026年3月9日 23:59 前", "申辩期内");
    assertThat(unlabelledControls(browser)).isEmpty();
    assertThat(new PublicPages(browser).overflowsHorizontally()).as("wider than a 375 px phone").isFalse();
    browser.screenshot("defence-open");

    // nothing typed: the server's reason on the field, the form still there
    WebElement content = browser.visible(By.id("defence-" + no));
    content.sendKeys(Keys.TAB, Keys.ENTER);
    browser.awaitText("申辩意见未提交");
    assertThat(browser.visible(By.id("defence-" + no + "-error")).getText()).contains("必填：申辩意见");
    assertThat(browser.visible(By.id("defence-" + no)).getAttribute("aria-invalid")).isEqualTo("true");
    browser.screenshot("defence-error");
    assertThat(outcomes.find(no).orElseThrow().defence()).isNull();

    content = browser.visible(By.id("defence-" + no));
    content.sendKeys("题库已于2026年1月更新，附更新记录。");
    content.sendKeys(Keys.TAB, Keys.ENTER);
    browser.awaitText("申辩意见已提交");
    assertThat(browser.bodyText()).contains("2026年3月4日 10:00", "题库已于2026年1月更新，附更新记录。");
    assertThat(browser.all(By.id("defence-" + no))).isEmpty();
    browser.screenshot("defence-received");
    assertThat(outcomes.find(no).orElseThrow().defence()).isEqualTo("题库已于2026年1月更新，附更新记录。");

    fixtures.issue(no, 66, "经核实申辩材料，题库已更新，酌情加分。");
    browser.visible(By.id("back-to-area")).sendKeys(Keys.ENTER);
    browser.awaitText("正在办理的申请");
    browser.visible(By.id("open-supervisions")).sendKeys(Keys.ENTER);
    browser.awaitText("督导结论");
    assertThat(browser.visible(By.id("grade-" + no)).getText()).isEqualTo("合格（66 分）");
    assertThat(new PublicPages(browser).overflowsHorizontally()).isFalse();
    browser.screenshot("defence-letter");

    Path downloads = Files.createTempDirectory("defence-letter-");
    try {
      ((HasCdp) browser.driver()).executeCdpCommand("Browser.setDownloadBehavior",
          Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
      browser.visible(By.id("letter-" + no)).sendKeys(Keys.ENTER);
      Path letter = browser.await("letter downloaded", d -> {
        try (Stream<Path> found = Files.list(downloads)) {
          return found.filter(p -> p.getFileName().toString().endsWith(".pdf")).findFirst().orElse(null);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      browser.await("download complete", d -> letter.toFile().length() > 0);
      assertThat(letter.getFileName().toString()).isEqualTo("督导意见书-" + no + ".pdf");
      assertThat(Pdfs.text(Files.readAllBytes(letter))).contains("督导意见书", "合格", "66分", no,
          "你单位的申辩意见：题库已于2026年1月更新");
    } finally {
      try (Stream<Path> all = Files.walk(downloads)) {
        all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** The names of the page's visible form controls that no label names (hidden fields need none). */
  private static List<?> unlabelledControls(Browser browser) {
    return (List<?>) browser.script("return Array.from(document.querySelectorAll('form input, form select, form textarea'))"
        + ".filter(c => c.type !== 'hidden' && c.labels.length === 0).map(c => c.name);");
  }
}
