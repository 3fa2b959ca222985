package cn.hrss.assessment.browser;

import org.openqa.selenium.By;

/** Camunda Cockpit: dashboard, process definition pages with their rendered BPMN diagram. */
public final class Cockpit {

  private final Browser browser;

  private Cockpit(Browser browser) {
    this.browser = browser;
  }

  /** Signs in to Cockpit and waits for the dashboard. */
  public static Cockpit login(Browser browser, String user, String password) {
    CamundaWebapp.login(browser, "cockpit", user, password);
    Cockpit cockpit = new Cockpit(browser);
    browser.visible(By.cssSelector(".dashboard"));
    return cockpit;
  }

  /** Opens the runtime view of the latest version of a process definition (by key) and waits for its diagram. */
  public Cockpit openProcessDefinition(String key) {
    browser.open("/camunda/app/cockpit/default/#/processes");
    browser.click(By.xpath("//a[contains(@href, '/process-definition/') and normalize-space()!='']"
        + "[ancestor::tr[.//*[normalize-space()='" + key + "']]]"));
    awaitDiagram();
    return this;
  }

  /** Waits until bpmn-js has drawn the diagram (an SVG with shapes). */
  public Cockpit awaitDiagram() {
    browser.await("BPMN diagram rendered", d -> !d.findElements(By.cssSelector(".djs-container svg .djs-element"))
        .isEmpty());
    return this;
  }

  /** Whether the diagram shows the token-count badge of running instances on the activity {@code activityId}. */
  public boolean showsRunningInstancesOn(String activityId) {
    return !browser.driver().findElements(By.cssSelector(
        ".djs-overlays[data-container-id='" + activityId + "'] .badge")).isEmpty();
  }
}
