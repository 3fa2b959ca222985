package cn.hrss.assessment.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The public, server-rendered pages (名录查询, 申请进度查询; later: 公示 with its objection form, 公告). */
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

  /**
   * Opens /status, types the application number and access token into the form and posts it (the token never
   * goes into a URL); waits for the answer: the application's summary or the error message.
   */
  public PublicPages checkStatus(String applicationNo, String accessToken) {
    browser.open("/status");
    WebElement number = browser.visible(By.cssSelector("form.search input[name=applicationNo]"));
    number.clear();
    number.sendKeys(applicationNo);
    WebElement token = browser.visible(By.cssSelector("form.search input[name=accessToken]"));
    token.clear();
    token.sendKeys(accessToken);
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
}
