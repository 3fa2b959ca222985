package cn.hrss.assessment.notification;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A notice to send by e-mail.
 *
 * @param key idempotency key: the same key always carries the same Message-ID and is never sent twice once
 *     it is SENT (the BPMN delegate uses the id of the job that sends)
 * @param caseRef the case it belongs to (business key: application or case number); notices are listed by it
 * @param template name of a template under {@code templates/mail/} without {@code .html}
 * @param to recipients; none → the notice is recorded as SKIPPED
 * @param model template variables; {@code caseRef} is added, {@code deadline} is shown as a date
 */
public record Notice(String key, String caseRef, String template, List<String> to, Map<String, Object> model) {

  public Notice {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(template, "template");
    to = to == null ? List.of() : to.stream().filter(Objects::nonNull).map(String::trim).filter(s -> !s.isEmpty())
        .distinct().toList();
    model = model == null ? Map.of() : model;
  }
}
