package cn.hrss.assessment.notification;

import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Sends a notice from Java code as reliably as a notice step of a procedure: it starts {@code NoticeProcess} in
 * the caller's transaction, whose asynchronous step sends the mail once that transaction has committed (never if
 * it rolls back), retries on failure and ends in an incident an operator sees in Cockpit. The notice is listed
 * with the case's notices ({@link NotificationService#noticesFor}).
 */
@Component
public class NoticeQueue {

  /** Process id of {@code processes/NoticeProcess.bpmn}. */
  public static final String PROCESS = "NoticeProcess";

  private final RuntimeService runtime;

  NoticeQueue(RuntimeService runtime) {
    this.runtime = runtime;
  }

  /**
   * @param caseRef the case the notice belongs to (application or case number)
   * @param template a template under {@code templates/mail/}
   * @param to recipients (none: recorded as skipped)
   * @param model the template's values: strings, numbers, booleans or {@link Date}s ({@code deadline} is shown as
   *     a date and marked provisional where it is)
   */
  public void queue(String caseRef, String template, Collection<String> to, Map<String, Object> model) {
    Objects.requireNonNull(caseRef, "caseRef");
    Map<String, Object> variables = new HashMap<>();
    model.forEach((name, value) -> {
      if (value != null) {
        if (!(value instanceof String || value instanceof Number || value instanceof Boolean || value instanceof Date)) {
          throw new IllegalArgumentException("Notice model value " + name + " must be a string, number, boolean or Date: "
              + value.getClass().getName());
        }
        variables.put(name, value);
      }
    });
    variables.put(SendNoticeDelegate.TEMPLATE, Objects.requireNonNull(template, "template"));
    variables.put(SendNoticeDelegate.TO, String.join(",", to));
    runtime.startProcessInstanceByKey(PROCESS, caseRef, variables);
  }
}
