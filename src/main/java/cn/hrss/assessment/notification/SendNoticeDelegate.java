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
 * <p>Idempotency key: the id of the job that runs the step, which stays the same across its retries; so a
 * retry never sends a second mail once the first is SENT, and carries the same Message-ID. Without a job
 * (a synchronous step) the activity instance id serves.
 */
@Component("sendNoticeDelegate")
class SendNoticeDelegate implements JavaDelegate {

  static final String TEMPLATE = "noticeTemplate";
  static final String TO = "noticeTo";
  static final String DEADLINE = "noticeDeadline";

  private final NotificationService notifications;
  private final List<NoticeModelContributor> contributors;

  SendNoticeDelegate(NotificationService notifications, List<NoticeModelContributor> contributors) {
    this.notifications = notifications;
    this.contributors = contributors;
  }

  @Override
  public void execute(DelegateExecution execution) {
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

    notifications.send(new Notice(keyOf(execution), businessKey, name, recipients(execution.getVariable(TO)), model));
  }

  private static String keyOf(DelegateExecution execution) {
    CommandContext commandContext = Context.getCommandContext();
    JobEntity job = commandContext == null ? null : commandContext.getCurrentJob();
    return job != null ? "job-" + job.getId() : "activity-" + execution.getActivityInstanceId();
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
