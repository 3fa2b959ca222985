package cn.hrss.assessment.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.support.Jobs;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The public complaint page {@code /complaints} in a real browser (issue 14 "It must show"), keyboard only and at a
 * phone's width: a named complaint first refused for an unknown filing code (the reason on the field, everything typed
 * kept), then accepted with the number and token shown once; an anonymous one; then the complaint followed with its
 * number and token on the same page (a wrong token refused).
 */
@BrowserTest
class BrowserComplaintIT {

  @Autowired JdbcTemplate jdbc;
  @Autowired Jobs jobs;

  @BeforeEach
  void setUp() {
    jobs.moveClockTo(LocalDateTime.of(2026, 3, 2, 9, 0));
  }

  @AfterEach
  void tearDown() {
    jobs.resetClock();
    jobs.forget(jdbc.queryForList("SELECT complaint_no FROM complaint", String.class));
  }

  @Test
  void aComplaintIsSubmittedNamedAndAnonymousAndFollowedWithItsNumberAndToken(Browser browser) {
    ((HasCdp) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", 375, "height", 812, "deviceScaleFactor", 1, "mobile", true));
    browser.open("/complaints");
    browser.awaitText("投诉评价机构");
    assertThat(unlabelledControls(browser)).isEmpty();
    assertThat(new PublicPages(browser).overflowsHorizontally()).as("wider than a 375 px phone").isFalse();
    browser.screenshot("complaint-form");

    // named, with a filing code that does not exist: refused on its field, nothing typed is lost
    String content = "2026年2月28日在郑州考点，考评员代考生填写答题卡，现场无人制止。";
    browser.visible(By.id("institutionFilingCode")).sendKeys("Y000141999999");
    browser.visible(By.id("content")).sendKeys(content);
    browser.visible(By.id("name")).sendKeys("王五");
    browser.visible(By.id("contact")).sendKeys("13900000000");
    WebElement email = browser.visible(By.id("email"));
    email.sendKeys("wangwu@example.cn");
    email.sendKeys(Keys.ENTER);
    browser.awaitText("投诉未提交");
    assertThat(browser.visible(By.id("error-institutionFilingCode")).getText()).contains("未找到该备案编码的评价机构");
    assertThat(browser.visible(By.id("institutionFilingCode")).getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.visible(By.id("content")).getAttribute("value")).isEqualTo(content);
    assertThat(browser.visible(By.id("name")).getAttribute("value")).isEqualTo("王五");
    assertThat(browser.visible(By.id("email")).getAttribute("value")).isEqualTo("wangwu@example.cn");
    assertThat(new PublicPages(browser).overflowsHorizontally()).isFalse();
    browser.screenshot("complaint-field-error");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM complaint WHERE content = ?", Integer.class, content)).isZero();

    WebElement code = browser.visible(By.id("institutionFilingCode"));
    code.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    WebElement name = browser.visible(By.id("institutionName"));
    name.sendKeys("郑州某某职业技能培训学校");
    name.sendKeys(Keys.ENTER);
    browser.awaitText("投诉已提交");
    String named = browser.visible(By.id("complaint-no")).getText();
    String token = browser.visible(By.id("complaint-token")).getText();
    assertThat(named).startsWith("TS");
    assertThat(token).isNotBlank();
    assertThat(browser.bodyText()).contains("令牌只显示这一次");
    assertThat(browser.driver().getCurrentUrl()).doesNotContain(token);
    browser.script("document.getElementById('received').scrollIntoView();");
    browser.screenshot("complaint-received");

    // shown once: the page opened again has no token and no number
    browser.open("/complaints");
    browser.awaitText("提交投诉");
    assertThat(browser.driver().getPageSource()).doesNotContain(token).doesNotContain(named);

    // anonymous: no name, no contact
    String anonymous = "该机构2026年2月的考评中，考场内有人使用手机传递答案。";
    browser.visible(By.id("institutionName")).sendKeys("郑州某某职业技能培训学校");
    browser.visible(By.id("content")).sendKeys(anonymous);
    browser.visible(By.id("email")).sendKeys(Keys.ENTER);
    browser.awaitText("投诉已提交");
    String second = browser.visible(By.id("complaint-no")).getText();
    assertThat(second).startsWith("TS").isNotEqualTo(named);
    assertThat(jdbc.queryForMap("SELECT complainant_name, complainant_contact, complainant_email FROM complaint"
        + " WHERE complaint_no = ?", second).values()).allSatisfy(v -> assertThat(v == null || v.toString().isEmpty()).isTrue());

    // followed with number and token: a wrong token first
    WebElement no = browser.visible(By.name("complaintNo"));
    no.sendKeys(named);
    WebElement wrong = browser.visible(By.name("accessToken"));
    wrong.sendKeys("not-the-token");
    wrong.sendKeys(Keys.ENTER);
    browser.awaitText("投诉编号或查询令牌不正确");
    assertThat(browser.visible(By.name("complaintNo")).getAttribute("value")).isEqualTo(named);
    WebElement right = browser.visible(By.name("accessToken"));
    right.sendKeys(token);
    right.sendKeys(Keys.ENTER);
    browser.awaitText("办理状态");
    String status = browser.visible(By.cssSelector("section[aria-labelledby=lookup] dl")).getText();
    assertThat(status).contains(named, "郑州某某职业技能培训学校", "2026年3月2日 09:00", "答复期限");
    assertThat(browser.bodyText()).doesNotContain("王五", "13900000000", "wangwu@example.cn");
    assertThat(new PublicPages(browser).overflowsHorizontally()).isFalse();
    browser.script("document.getElementById('lookup').scrollIntoView();");
    browser.screenshot("complaint-status");
  }

  /** The names of the page's visible form controls that no label names (hidden fields need none). */
  private static List<?> unlabelledControls(Browser browser) {
    return (List<?>) browser.script("return Array.from(document.querySelectorAll('form input, form select, form textarea'))"
        + ".filter(c => c.type !== 'hidden' && c.labels.length === 0).map(c => c.name);");
  }
}
