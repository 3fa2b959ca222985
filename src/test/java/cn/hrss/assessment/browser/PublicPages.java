package cn.hrss.assessment.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The public, server-rendered pages (名录查询; later: 公示 with its objection form, 公告, application status). */
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
}
