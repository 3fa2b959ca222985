package cn.hrss.assessment.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The public, server-rendered pages: 名录查询, 公示 with its objection form, 公告, 申请进度查询. */
public final class PublicPages {

  private final Browser browser;

  public PublicPages(Browser browser) {
    this.browser = browser;
  }

  /** Opens /directory and searches by name or code, optionally by province (GB/T 2260 code) and occupation. */
  public PublicPages searchDirectory(String query, String province, String occupation) {
    browser.open("/directory");
    WebElement q = browser.visible(By.cssSelector("form.search input[name=q]"));
    q.clear();
    q.sendKeys(query);
    if (province != null) {
      new Select(browser.visible(By.cssSelector("form.search select[name=province]"))).selectByValue(province);
    }
    if (occupation != null) {
      WebElement o = browser.visible(By.cssSelector("form.search input[name=occupation]"));
      o.clear();
      o.sendKeys(occupation);
    }
    browser.click(By.cssSelector("form.search button[type=submit], form.search input[type=submit]"));
    browser.await("directory results", d -> d.getCurrentUrl().contains("q="));
    return this;
  }

  /** The rows of the directory table as their visible text. */
  public List<String> directoryRows() {
    return browser.all(By.cssSelector("table tbody tr")).stream().map(WebElement::getText).toList();
  }

  /** Opens /notices (公示) and returns the notice of {@code applicationNo} (its section, with the objection form). */
  public WebElement openNotice(String applicationNo) {
    browser.open("/notices");
    return notice(applicationNo);
  }

  /** Opens the objection form under the notice of {@code applicationNo} and fills it in (not yet submitted). */
  public PublicPages fillObjection(String applicationNo, String name, String contact, String content) {
    WebElement notice = notice(applicationNo);
    WebElement summary = notice.findElement(By.tagName("summary"));
    browser.script("arguments[0].scrollIntoView({block: 'start'});", summary);
    summary.click();
    browser.await("objection form of " + applicationNo + " open", d -> notice.findElement(By.name("content")).isDisplayed());
    type(notice.findElement(By.name("name")), name);
    type(notice.findElement(By.name("contact")), contact);
    type(notice.findElement(By.name("content")), content);
    return this;
  }

  /** Submits the objection form of {@code applicationNo}; returns the page's confirmation once it shows. */
  public String submitObjection(String applicationNo) {
    notice(applicationNo).findElement(By.cssSelector("form button[type=submit]")).click();
    return browser.await("objection confirmed", d -> browser.all(By.cssSelector("main [role=status]")).stream()
        .map(WebElement::getText).filter(text -> text.contains(applicationNo)).findFirst().orElse(null));
  }

  /** Opens /announcements (公告) and returns each announcement's visible text. */
  public List<String> announcements() {
    browser.open("/announcements");
    browser.visible(By.tagName("h1"));
    return browser.all(By.cssSelector("main article")).stream().map(WebElement::getText).toList();
  }

  /**
   * Opens /status, types the application number and access token into the form and posts it (the token never
   * goes into a URL); waits for the answer: the application's summary or the error message.
   */
  public PublicPages checkStatus(String applicationNo, String accessToken) {
    browser.open("/status");
    type(browser.visible(By.cssSelector("form.search input[name=applicationNo]")), applicationNo);
    type(browser.visible(By.cssSelector("form.search input[name=accessToken]")), accessToken);
    browser.click(By.cssSelector("form.search button[type=submit]"));
    browser.await("status answer", d -> !browser.all(By.cssSelector("section.card, .errors")).isEmpty());
    return this;
  }

  /** The summary of the application shown by the status page (its name, then "申请编号 BA… 办理状态 公示中 …"). */
  public String statusSummary() {
    return browser.visible(By.cssSelector("section.card")).getText();
  }

  /** The page's error message, if any. */
  public String errorMessage() {
    return browser.all(By.cssSelector(".errors")).stream().map(WebElement::getText).findFirst().orElse("");
  }

  /** Whether the page is wider than the window, i.e. the reader must scroll sideways (tables scroll in place). */
  public boolean overflowsHorizontally() {
    return (Boolean) browser.script("return document.documentElement.scrollWidth > window.innerWidth;");
  }

  private WebElement notice(String applicationNo) {
    return browser.visible(By.xpath("//main//section[.//td[normalize-space()='" + applicationNo + "']]"));
  }

  private static void type(WebElement input, String text) {
    input.clear();
    input.sendKeys(text);
  }
}
