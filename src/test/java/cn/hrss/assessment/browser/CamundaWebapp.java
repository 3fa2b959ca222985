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
}
