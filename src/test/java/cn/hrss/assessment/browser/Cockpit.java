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

  /** Opens the runtime view of a process definition (by its id) and waits for its rendered diagram. */
  public Cockpit openProcessDefinition(String processDefinitionId) {
    browser.open("/camunda/app/cockpit/default/#/process-definition/" + processDefinitionId + "/runtime");
    awaitDiagram();
    return this;
  }

  /** Opens the runtime view of a process instance (by its id) and waits for its rendered diagram. */
  public Cockpit openProcessInstance(String processInstanceId) {
    browser.open("/camunda/app/cockpit/default/#/process-instance/" + processInstanceId + "/runtime");
    awaitDiagram();
    return this;
  }

  /** Waits until bpmn-js has drawn the diagram (an SVG with shapes). */
  public Cockpit awaitDiagram() {
    browser.await("BPMN diagram rendered", d -> !d.findElements(By.cssSelector(".djs-container svg .djs-element"))
        .isEmpty());
    return this;
  }

  /** The numbers Cockpit shows on the diagram at {@code activityId} (running instances, incidents), waiting for one. */
  public String badgesOn(String activityId) {
    return browser.await("badge on " + activityId, d -> {
      String text = String.join(" ", d.findElements(By.cssSelector(
          ".djs-overlays[data-container-id='" + activityId + "'] .badge")).stream().map(e -> e.getText()).toList());
      return text.isBlank() ? null : text.trim();
    });
  }
}
