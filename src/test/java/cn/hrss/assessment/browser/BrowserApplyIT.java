package cn.hrss.assessment.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.codes.CreditCodes;
import cn.hrss.assessment.support.TestMail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The institution's side in a real browser (issue 17): the home page, applying online end to end with files, a
 * server-side field error kept on the form, a supplement uploaded from the status page and the filing receipt
 * downloaded there; keyboard only and a phone's width. The home page, the form and the status page are also written
 * to docs/screenshots/ for the README.
 */
@BrowserTest
class BrowserApplyIT {

  static final Path DOCS = Path.of("docs", "screenshots");
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @Autowired FilingSteps steps;

  private Path files;

  @BeforeEach
  void materials() throws IOException {
    TestMail.reset();
    files = Files.createTempDirectory("apply-materials-");
  }

  @AfterEach
  void cleanUp() throws IOException {
    steps.deleteRunning();
    try (Stream<Path> all = Files.walk(files)) {
      all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void anInstitutionAppliesOnlineWithItsMaterialsAndGetsNumberAndTokenOnceAndByMail(Browser browser) {
    browser.open("/");
    browser.awaitText("职业技能等级评价机构备案与违纪违规行为处理");
    assertThat(browser.bodyText()).contains("网上申请备案", "申请进度查询", "备案公示", "评价机构名录", "违纪违规处理公告",
        "案件查询", "任务列表（Tasklist）", "监控平台（Cockpit）");
    document(browser, "home");

    browser.click(By.linkText("网上申请备案"));
    browser.awaitText("职业技能等级评价机构备案网上申请");
    String code = freshCode();
    String email = "online-" + SEQUENCE.incrementAndGet() + "@apply.example.cn";
    fillSocialOrg(browser, "网上申请浏览器测试协会", code, email);
    // social organisations: 6 items and the signed truth commitment; the employers' 15 and the branches are hidden
    assertThat(browser.all(By.cssSelector("input[type=file]"))).hasSize(7);
    assertThat(browser.all(By.id("s-branches"))).isEmpty();
    document(browser, "apply");

    browser.click(By.id("submit-application"));
    browser.awaitText("备案申请已提交");
    String no = browser.visible(By.id("application-no")).getText();
    String token = browser.visible(By.id("access-token")).getText();
    assertThat(no).matches("BA\\d{10}");
    assertThat(token).hasSize(43);
    assertThat(browser.bodyText()).contains("查询令牌只在此显示一次", "已发送至 " + email);
    browser.screenshot("submitted");
    assertThat(TestMail.textsTo(email)).singleElement().asString().contains(no, token);

    // the application is there, with every material, for the holder of the token
    new PublicPages(browser).checkStatus(no, token);
    assertThat(browser.bodyText()).contains("网上申请浏览器测试协会", "受理审查中", "基本情况表.pdf", "实施方案.pdf",
        "专家承诺书.pdf", "场地证明.pdf", "诚信承诺书.pdf");
    browser.screenshot("status-after-applying");
  }

  @Test
  void anErrorFoundByTheServerIsShownOnItsFieldAndNothingTypedIsLost(Browser browser) {
    browser.open("/apply");
    String first17 = freshCode().substring(0, 17);
    String bad = first17 + (CreditCodes.checkCharacter(first17) == '0' ? "1" : "0"); // a wrong check character
    fillSocialOrg(browser, "字段错误浏览器测试协会", bad, "field-error@apply.example.cn");
    // checked as typed (a hint, the server decides)
    assertThat(browser.visible(By.id("h-f-creditCode")).getText()).contains("校验码不符");
    browser.screenshot("credit-code-checked-as-typed");

    browser.click(By.id("submit-application"));
    browser.awaitText("申请未提交，未保存任何内容");
    WebElement field = browser.visible(By.id("f-creditCode"));
    assertThat(field.getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.visible(By.id("e-f-creditCode")).getText()).contains("统一社会信用代码无效");
    assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("error-summary");
    // everything typed is still there; the files are named, to be chosen again
    assertThat(field.getAttribute("value")).isEqualTo(bad);
    assertThat(browser.visible(By.id("f-name")).getAttribute("value")).isEqualTo("字段错误浏览器测试协会");
    assertThat(browser.visible(By.id("f-contact-email")).getAttribute("value")).isEqualTo("field-error@apply.example.cn");
    assertThat(browser.visible(By.id("f-occupations-0-code")).getAttribute("value")).isEqualTo("6-18-01-01");
    assertThat(browser.visible(By.id("f-declarations-noBadAssessmentRecord")).isSelected()).isTrue();
    assertThat(new Select(browser.visible(By.id("f-province"))).getFirstSelectedOption().getText()).isEqualTo("河南省");
    assertThat(browser.visible(By.cssSelector(".files-lost")).getText()).contains("第 1 项：基本情况表.pdf", "请在“申报材料”中重新选择");
    browser.screenshot("field-error-kept");

    // the error link takes the keyboard to the field
    browser.visible(By.cssSelector("#error-summary a[href='#f-creditCode']")).sendKeys(Keys.ENTER);
    browser.await("focus on the credit code", d -> "f-creditCode".equals(d.switchTo().activeElement().getAttribute("id")));
  }

  @Test
  void theFormWorksWithTheKeyboardAloneAndFitsAPhone(Browser browser) {
    browser.open("/apply");
    // the first Tab reaches the skip link, which moves to the content
    browser.driver().findElement(By.tagName("body")).sendKeys(Keys.TAB);
    assertThat(browser.driver().switchTo().activeElement().getText()).isEqualTo("跳到正文");
    // a type chosen with the arrow keys, a row added and removed with Enter
    WebElement national = browser.visible(By.cssSelector("input[name=institutionType][value=NATIONAL_EMPLOYER]"));
    national.sendKeys(Keys.SPACE);
    browser.await("branches shown", d -> d.findElement(By.id("s-branches")).isDisplayed());
    assertThat(browser.all(By.cssSelector("input[type=file]"))).hasSize(15);
    browser.visible(By.cssSelector("[data-add-row=branch]")).sendKeys(Keys.ENTER);
    browser.await("branch row added", d -> d.findElements(By.cssSelector("#branch-rows [data-row]")).size() == 1);
    assertThat(browser.driver().switchTo().activeElement().getAttribute("name")).isEqualTo("branches[0].name");
    browser.visible(By.cssSelector("[data-add-row=occupation]")).sendKeys(Keys.ENTER);
    browser.await("occupation row added", d -> d.findElements(By.cssSelector("#occupation-rows [data-row]")).size() == 2);
    assertThat(browser.driver().switchTo().activeElement().getAttribute("name")).isEqualTo("occupations[1].entry");
    browser.visible(By.cssSelector("#s-occupations-1 [data-remove-row]")).sendKeys(Keys.ENTER);
    browser.await("occupation row removed", d -> d.findElements(By.cssSelector("#occupation-rows [data-row]")).size() == 1);
    // every control has a label
    assertThat(unlabelledControls(browser)).isEmpty();

    phoneViewport(browser);
    for (String page : List.of("/", "/apply", "/status")) {
      browser.open(page);
      browser.visible(By.tagName("h1"));
      assertThat(new PublicPages(browser).overflowsHorizontally()).as(page + " wider than a 375 px phone").isFalse();
      browser.screenshot("phone" + page.replace('/', '-'));
    }
  }

  @Test
  void theApplicantUploadsTheSupplementOnTheStatusPageAndDownloadsTheReceiptOnceFiled(Browser browser) throws Exception {
    String no = steps.submit();
    String token = steps.lastToken();
    steps.requestSupplement(no, "请补充场地设施设备证明");
    PublicPages pages = new PublicPages(browser);

    pages.checkStatus(no, token);
    assertThat(pages.statusSummary()).contains("待补正材料", "补正期限");
    assertThat(browser.bodyText()).contains("补正要求", "请补充场地设施设备证明");
    assertThat(unlabelledControls(browser)).isEmpty();
    browser.visible(By.id("supplement-files")).sendKeys(material("场地设施设备证明.pdf").toString());
    browser.visible(By.id("supplement-note")).sendKeys("已补充场地设施设备证明");
    browser.screenshot("supplement-chosen");
    document(browser, "status");
    browser.click(By.id("submit-supplement"));
    browser.awaitText("补正材料已提交");
    assertThat(pages.statusSummary()).contains("受理审查中");
    assertThat(browser.bodyText()).contains("场地设施设备证明.pdf（第 2 次提交", "提交补正材料");
    assertThat(browser.all(By.id("supplement-files"))).isEmpty();
    browser.screenshot("supplement-submitted");

    // accepted, reviewed, in public notice: the stage is shown although no task is open
    steps.accept(no);
    steps.passReview(no);
    pages.checkStatus(no, token);
    assertThat(pages.statusSummary()).contains("当前环节\n公示中");
    assertThat(browser.all(By.id("download-receipt"))).isEmpty();
    browser.screenshot("public-notice-stage");

    steps.fileAfterNotice(no);
    pages.checkStatus(no, token);
    assertThat(pages.statusSummary()).contains("已备案", "备案编码", "已办结");
    Path downloads = Files.createDirectories(files.resolve("downloads"));
    ((HasCdp) browser.driver()).executeCdpCommand("Browser.setDownloadBehavior",
        Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
    browser.screenshot("filed");
    browser.click(By.id("download-receipt"));
    Path receipt = browser.await("receipt downloaded", d -> {
      try (Stream<Path> found = Files.list(downloads)) {
        return found.filter(p -> p.getFileName().toString().endsWith(".pdf")).findFirst().orElse(null);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    assertThat(receipt.getFileName().toString()).startsWith("备案回执-HZ");
    browser.await("download complete", d -> receipt.toFile().length() > 0);
    // A PDF whose text (PDFBox) carries the institution's Chinese name.
    assertThat(cn.hrss.assessment.support.Pdfs.text(Files.readAllBytes(receipt))).contains(FilingSteps.INSTITUTION, "备案回执");
  }

  // ------------------------------------------------------------------ helpers

  /** Fills every field of a valid social organisation's application, with files for items 1 and 3-6. */
  private void fillSocialOrg(Browser browser, String name, String creditCode, String email) {
    browser.click(By.cssSelector("input[name=institutionType][value=SOCIAL_ORG]"));
    type(browser, "f-name", name);
    type(browser, "f-creditCode", creditCode);
    new Select(browser.visible(By.id("f-organisationForm"))).selectByValue("PRIVATE_NON_ENTERPRISE");
    type(browser, "f-legalRepresentative", "王五");
    new Select(browser.visible(By.id("f-province"))).selectByValue("41");
    type(browser, "f-address", "郑州市金水区花园路 5 号");
    type(browser, "f-contact-name", "李四");
    type(browser, "f-contact-phone", "0371-12345678");
    type(browser, "f-contact-email", email);
    new Select(browser.visible(By.id("f-occupations-0-entry"))).selectByValue("6-18-01-01|数控车床");
    assertThat(browser.visible(By.id("f-occupations-0-code")).getAttribute("value")).isEqualTo("6-18-01-01");
    assertThat(browser.driver().findElement(By.cssSelector("#s-occupations-0 input[value='5']")).isEnabled())
        .as("五级 is not offered for 数控车床").isFalse();
    browser.click(By.cssSelector("#s-occupations-0 input[value='4']"));
    browser.click(By.cssSelector("#s-occupations-0 input[value='3']"));
    // Issue 19 item 1: the conditions of 002 Annex 1 §二(五), one checkbox each.
    List<WebElement> conditions = browser.all(By.cssSelector("#s-conditions [data-for-types=SOCIAL_ORG] input[type=checkbox]"));
    assertThat(conditions).hasSize(6);
    for (WebElement condition : conditions) {
      browser.script("arguments[0].scrollIntoView({block: 'center'});", condition);
      condition.click();
    }
    for (WebElement declaration : browser.all(By.cssSelector("#s-declarations input[type=checkbox]"))) {
      browser.script("arguments[0].scrollIntoView({block: 'center'});", declaration);
      declaration.click();
    }
    Map<Integer, String> materials = Map.of(1, "基本情况表.pdf", 3, "实施方案.pdf", 4, "专家承诺书.pdf",
        5, "场地证明.pdf", 6, "诚信承诺书.pdf", 7, "真实性承诺书.pdf");
    materials.forEach((item, file) ->
        browser.visible(By.id("f-material-social-" + item)).sendKeys(material(file).toString()));
    browser.script("window.scrollTo(0, 0);");
  }

  private Path material(String name) {
    try {
      Path file = files.resolve(name);
      Files.write(file, ("%PDF-1.7\n%" + name + "\n").getBytes(StandardCharsets.UTF_8));
      return file.toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void type(Browser browser, String id, String text) {
    WebElement input = browser.visible(By.id(id));
    input.clear();
    input.sendKeys(text);
  }

  private static String freshCode() {
    String first17 = String.format("52410000MJ%07d", (System.nanoTime() / 1000 + SEQUENCE.incrementAndGet()) % 10_000_000);
    return first17 + CreditCodes.checkCharacter(first17);
  }

  /**
   * A screenshot of the top of the current page for the README, in a window 1,400 × 1,600 px:
   * docs/screenshots/&lt;name&gt;.png (and the test's own). The window's size is restored afterwards.
   */
  private static void document(Browser browser, String name) {
    org.openqa.selenium.Dimension before = browser.driver().manage().window().getSize();
    browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1600));
    browser.script("window.scrollTo(0, 0);");
    Path shot = browser.screenshot(name);
    browser.driver().manage().window().setSize(before);
    try {
      Files.createDirectories(DOCS);
      Files.copy(shot, DOCS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The names of the page's visible form controls that no label names (hidden fields need none). */
  private static List<?> unlabelledControls(Browser browser) {
    return (List<?>) browser.script("return Array.from(document.querySelectorAll('form input, form select, form textarea'))"
        + ".filter(c => c.type !== 'hidden' && c.labels.length === 0).map(c => c.name);");
  }

  private static void phoneViewport(Browser browser) {
    ((HasCdp) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", 375, "height", 812, "deviceScaleFactor", 1, "mobile", true));
  }
}
