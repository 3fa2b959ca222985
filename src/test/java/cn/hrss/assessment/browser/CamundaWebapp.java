package cn.hrss.assessment.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Login to the Camunda webapps (Tasklist, Cockpit, Admin share one login page and session). */
public final class CamundaWebapp {

  private CamundaWebapp() {}

  /** Opens {@code /camunda/app/<app>/} and signs in; returns once the app shows the user's menu. */
  public static void login(Browser browser, String app, String user, String password) {
    browser.open("/camunda/app/" + app + "/default/");
    WebElement name = browser.visible(By.cssSelector("form[name=signinForm] input[ng-model=username]"));
    name.clear();
    name.sendKeys(user);
    WebElement secret = browser.visible(By.cssSelector("form[name=signinForm] input[ng-model=password]"));
    secret.clear();
    secret.sendKeys(password);
    browser.screenshot(app + "-login-" + user);
    browser.click(By.cssSelector("form[name=signinForm] button[type=submit]"));
    browser.await("signed in to " + app + " as " + user,
        d -> d.findElements(By.cssSelector("form[name=signinForm]")).isEmpty());
  }

  /**
   * Chooses the other language in the user menu (app/language/switch.js): {@code English} or {@code 中文}; the
   * app reloads in that language.
   */
  public static void switchLanguage(Browser browser, String label) {
    browser.click(By.cssSelector("li.account > a.dropdown-toggle"));
    browser.click(By.xpath("//li[contains(@class,'assessment-language')]/a[normalize-space()='" + label + "']"));
    browser.await("reloaded after choosing " + label, d -> d.findElements(By.cssSelector("li.account")).stream()
        .anyMatch(WebElement::isDisplayed) && !browser.all(By.cssSelector("li.account > a.dropdown-toggle")).isEmpty());
  }
}
