package cn.hrss.assessment.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Camunda Tasklist as a user sees it: filters (left), the task list (middle), the task with its Camunda Form
 * (right). Every step waits for Angular to render; none takes screenshots by itself (tests decide which
 * steps are evidence).
 */
public final class Tasklist {

  private final Browser browser;

  private Tasklist(Browser browser) {
    this.browser = browser;
  }

  /** Signs in to Tasklist and waits for its filter list. */
  public static Tasklist login(Browser browser, String user, String password) {
    CamundaWebapp.login(browser, "tasklist", user, password);
    Tasklist tasklist = new Tasklist(browser);
    tasklist.awaitFilters();
    return tasklist;
  }

  /** The names of the filters the user sees, top to bottom. */
  public List<String> filterNames() {
    awaitFilters();
    // The link holds the name as its first text node, then the task counter of the selected filter.
    return browser.all(By.cssSelector(".task-filters .task-filter h4.name a")).stream()
        .map(a -> String.valueOf(browser.script("return arguments[0].childNodes[0].textContent;", a)).trim())
        .toList();
  }

  /** Selects the filter whose name is {@code name} and waits until its task list has loaded. */
  public Tasklist openFilter(String name) {
    awaitFilters();
    WebElement filter = browser.await("filter " + name, d -> d.findElements(By.cssSelector(".task-filters .task-filter"))
        .stream().filter(f -> f.isDisplayed() && f.findElement(By.cssSelector("h4.name a")).getText().trim().startsWith(name))
        .findFirst().orElse(null));
    filter.findElement(By.cssSelector("h4.name a")).click();
    browser.await("filter " + name + " selected", d -> filter.getAttribute("class").contains("active"));
    awaitTaskList();
    return this;
  }

  /** The names of the tasks in the current list. */
  public List<String> taskNames() {
    awaitTaskList();
    return browser.all(By.cssSelector(".tasks-list > li.task h4.task")).stream().map(e -> e.getText().trim()).toList();
  }

  /**
   * Opens the first task of the current list whose card mentions {@code text} (task name, process name, or a
   * variable the filter shows) and waits until the task column shows it. The list refreshes itself, so a card
   * may be replaced while we look at it: then we look again.
   */
  public Tasklist openTask(String text) {
    String name = browser.await("task card containing " + text, d -> {
      try {
        for (WebElement card : d.findElements(By.cssSelector(".tasks-list > li.task"))) {
          if (card.getText().contains(text)) {
            WebElement link = card.findElement(By.cssSelector("h4.task a"));
            String taskName = link.getText().trim();
            link.click();
            return taskName;
          }
        }
        return null;
      } catch (StaleElementReferenceException e) {
        return null;
      }
    });
    browser.await("task " + name + " opened", d -> d.getCurrentUrl().contains("task=")
        && d.findElement(By.cssSelector("section.task-details")).getText().contains(name));
    return this;
  }

  /** Waits until no card of the current list mentions {@code text} (after a completion, once the list refreshed). */
  public Tasklist awaitNoTask(String text) {
    browser.await("no task card containing " + text, d -> browser.all(By.cssSelector(".tasks-list > li.task")).stream()
        .noneMatch(card -> card.getText().contains(text)));
    return this;
  }

  /** Opens a task by its id (Tasklist's own link, e.g. from a notification e-mail). */
  public Tasklist openTaskById(String taskId) {
    browser.open("/camunda/app/tasklist/default/#/?task=" + taskId);
    browser.await("task " + taskId + " opened", d -> !browser.all(By.cssSelector("section.task-details [cam-tasklist-task] *"))
        .isEmpty() && d.getCurrentUrl().contains(taskId));
    return this;
  }

  /** Claims the open task when it is not yet assigned to the user (the form is read-only until then). */
  public Tasklist claim() {
    List<WebElement> claim = browser.all(By.cssSelector("section.task-details button.claim"));
    if (!claim.isEmpty()) {
      claim.get(0).click();
      browser.await("task claimed", d -> browser.all(By.cssSelector("section.task-details button.claim")).isEmpty());
    }
    return this;
  }

  /**
   * Waits until the form takes input: Tasklist lays a disabled overlay over it until it has taken the claim (or
   * the assignment) into account.
   */
  public Tasklist awaitFormEnabled() {
    browser.await("form enabled", d -> browser.all(By.cssSelector(".disabled-form")).isEmpty());
    return this;
  }

  /** The input of a Camunda Form field (form-js), found by its Chinese label. */
  public WebElement formField(String label) {
    return browser.await("form field " + label, d -> d.findElements(By.cssSelector(".fjs-form-field")).stream()
        .filter(f -> !f.findElements(By.cssSelector("label")).isEmpty()
            && f.findElement(By.cssSelector("label")).getText().replace("*", "").trim().equals(label))
        .findFirst().orElse(null));
  }

  /** The field labelled {@code label}, scrolled into view to be used (application data makes forms long). */
  private WebElement fieldToUse(String label) {
    WebElement field = formField(label);
    browser.script("arguments[0].scrollIntoView({block: 'center'});", field);
    return field;
  }

  /** Types {@code value} into the text field / text area / number field labelled {@code label}. */
  public Tasklist fill(String label, String value) {
    WebElement input = fieldToUse(label).findElement(By.cssSelector("input, textarea"));
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    input.sendKeys(value);
    return this;
  }

  /** Chooses the option shown as {@code optionLabel} in the radio group or select labelled {@code label}. */
  public Tasklist choose(String label, String optionLabel) {
    WebElement field = fieldToUse(label);
    List<WebElement> selects = field.findElements(By.tagName("select"));
    if (!selects.isEmpty()) {
      new Select(selects.get(0)).selectByVisibleText(optionLabel);
      return this;
    }
    WebElement option = field.findElements(By.cssSelector("label")).stream()
        .filter(l -> l.getText().trim().equals(optionLabel)).findFirst()
        .orElseThrow(() -> new AssertionError("no option " + optionLabel + " in " + label + ": " + field.getText()));
    option.click();
    return this;
  }

  /** Ticks or clears the checkbox labelled {@code label}. */
  public Tasklist check(String label, boolean checked) {
    WebElement box = fieldToUse(label).findElement(By.cssSelector("input[type=checkbox]"));
    if (box.isSelected() != checked) {
      box.click();
    }
    return this;
  }

  /**
   * The labels of the open form that are cut off (their text wider than their box): an item the user cannot read
   * whole. form-js clips labels to one line; our styles/user-styles.css lets them wrap.
   */
  @SuppressWarnings("unchecked")
  public List<String> clippedLabels() {
    return (List<String>) browser.script("return Array.from(document.querySelectorAll('.fjs-form-field label'))"
        + ".filter(l => l.offsetParent !== null && l.scrollWidth > l.clientWidth + 1)"
        + ".map(l => l.textContent.trim());");
  }

  /** Clicks 完成 (complete) under the task form. */
  public Tasklist complete() {
    dismissNotifications();   // an earlier message would cover the button
    WebElement button = browser.visible(By.cssSelector("section.task-details button[ng-click='complete()']"));
    browser.script("arguments[0].scrollIntoView({block: 'center'});", button);
    browser.click(By.cssSelector("section.task-details button[ng-click='complete()']"));
    return this;
  }

  /** Closes the notifications shown (they float over the lower part of the page). */
  public Tasklist dismissNotifications() {
    for (WebElement close : browser.all(By.cssSelector(".notifications .alert button.close"))) {
      try {
        close.click();
      } catch (org.openqa.selenium.WebDriverException e) {
        // already gone
      }
    }
    browser.await("notifications closed", d -> browser.all(By.cssSelector(".notifications .alert")).isEmpty());
    return this;
  }

  /** The texts of the notifications (success and error toasts) currently shown. */
  public String notifications() {
    return String.join("\n", browser.all(By.cssSelector(".notifications .alert, section.task-details .alert"))
        .stream().map(WebElement::getText).toList());
  }

  /** Waits for a notification containing {@code text} (e.g. the server's validation message). */
  public String awaitNotification(String text) {
    return browser.await("notification containing " + text, d -> {
      String shown = notifications();
      return shown.contains(text) ? shown : null;
    });
  }

  private void awaitFilters() {
    browser.await("filters loaded", d -> !browser.all(By.cssSelector(".task-filters .task-filter")).isEmpty()
        || !browser.all(By.cssSelector(".task-filters .well")).isEmpty());
  }

  private void awaitTaskList() {
    browser.await("task list loaded", d -> !browser.all(By.cssSelector("[cam-tasks] .tasks-list")).isEmpty()
        || !browser.all(By.cssSelector("[cam-tasks] .well")).isEmpty());
  }
}
