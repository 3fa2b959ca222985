package cn.hrss.assessment.notification;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.stereotype.Component;

/**
 * {@code camunda:delegateExpression="${sendNoticeDelegate}"} on an async service task
 * ({@code camunda:asyncBefore="true"}) with input parameters {@code noticeTemplate}, {@code noticeTo}
 * (comma-separated string or collection) and optionally {@code noticeDeadline}.
 *
 * <p>Idempotency key: {@code job-<jobId>-<activityId>[#<loopCounter>…]}. The job stays the same across its
 * retries, so a retry never sends a second mail once the first is SENT, and carries the same Message-ID. The
 * activity id and the loop counters tell apart the several notices one job may send: an async multi-instance
 * step (the job sits on the multi-instance body and runs every instance), or an async gateway followed by
 * several notice steps. Loop counters are collected from the executing instance outwards (nested
 * multi-instance), outermost first; a retry runs the same instances with the same counters.
 *
 * <p>A step without a job (no {@code camunda:asyncBefore}) is refused with an {@link IllegalStateException}:
 * its activity instance id changes when the transaction is rolled back and redone, so it could not keep a
 * notice from being sent twice, and an SMTP failure would roll back the caller's whole transaction.
 */
@Component("sendNoticeDelegate")
class SendNoticeDelegate implements JavaDelegate {

  static final String TEMPLATE = "noticeTemplate";
  static final String TO = "noticeTo";
  static final String DEADLINE = "noticeDeadline";
  /** Camunda's local variable of each multi-instance inner execution: its index, 0-based. */
  private static final String LOOP_COUNTER = "loopCounter";

  private final NotificationService notifications;
  private final List<NoticeModelContributor> contributors;

  SendNoticeDelegate(NotificationService notifications, List<NoticeModelContributor> contributors) {
    this.notifications = notifications;
    this.contributors = contributors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = keyOf(execution); // first: a synchronous step is refused before anything is rendered
    Object template = execution.getVariable(TEMPLATE);
    if (!(template instanceof String name) || name.isBlank()) {
      throw new IllegalStateException("Input parameter " + TEMPLATE + " is missing on " + execution.getCurrentActivityId());
    }
    String processKey = ((ExecutionEntity) execution).getProcessDefinition().getKey();
    String businessKey = execution.getProcessBusinessKey();

    // Model: process variables, then contributed values, then the step's own input parameters, which win.
    Map<String, Object> model = new HashMap<>();
    execution.getVariables().forEach((k, v) -> {
      if (!execution.hasVariableLocal(k)) {
        model.put(k, v);
      }
    });
    for (NoticeModelContributor contributor : contributors) {
      if (contributor.supports(processKey)) {
        model.putAll(contributor.contribute(processKey, businessKey));
      }
    }
    model.putAll(execution.getVariablesLocal());
    Object deadline = model.get(DEADLINE);
    if (deadline != null) {
      model.put("deadline", deadline);
    }
    model.values().removeIf(Objects::isNull);

    notifications.send(new Notice(key, businessKey, name, recipients(execution.getVariable(TO)), model));
  }

  static String keyOf(DelegateExecution execution) {
    CommandContext commandContext = Context.getCommandContext();
    JobEntity job = commandContext == null ? null : commandContext.getCurrentJob();
    if (job == null) {
      throw new IllegalStateException("Notice step " + execution.getCurrentActivityId()
          + " must be asynchronous (camunda:asyncBefore=\"true\"): its idempotency key is the id of the job that runs it");
    }
    return "job-" + job.getId() + "-" + execution.getCurrentActivityId() + loopCounters(execution);
  }

  /** {@code #n} per multi-instance level around the step, outermost first; empty outside multi-instance. */
  private static String loopCounters(DelegateExecution execution) {
    StringBuilder counters = new StringBuilder();
    for (DelegateExecution e = execution; e != null; e = e.getParentId() == null ? null : ((ExecutionEntity) e).getParent()) {
      Object counter = e.getVariableLocal(LOOP_COUNTER);
      if (counter != null) {
        counters.insert(0, "#" + counter);
      }
    }
    return counters.toString();
  }

  static List<String> recipients(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof Collection<?> collection) {
      return collection.stream().filter(Objects::nonNull).map(Object::toString)
          .flatMap(s -> Arrays.stream(s.split("[,;，；]"))).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
    return Arrays.stream(value.toString().split("[,;，；]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
