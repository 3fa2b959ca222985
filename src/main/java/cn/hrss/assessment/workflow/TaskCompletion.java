package cn.hrss.assessment.workflow;

import java.util.Map;
import java.util.function.Function;

/**
 * A user's attempt to complete a task, seen before the engine acts on it.
 *
 * @param submitted the variables the user submits with this completion (only these count as "given")
 * @param existing  reads a variable the process already holds (for context, e.g. who issued a decision)
 * @param userId    the authenticated user, or {@code null} for a call without authentication (engine-internal)
 */
public record TaskCompletion(
    String taskId,
    String taskDefinitionKey,
    String processDefinitionKey,
    String processInstanceId,
    String businessKey,
    String userId,
    Map<String, Object> submitted,
    Function<String, Object> existing) {

  public Object value(String name) {
    return submitted.get(name);
  }

  public boolean has(String name) {
    Object value = submitted.get(name);
    return value != null && !(value instanceof String s && s.isBlank());
  }

  /** A non-blank text was submitted for {@code name} (a number or boolean is no comment or reason). */
  public boolean hasText(String name) {
    return submitted.get(name) instanceof String s && !s.isBlank();
  }
}
