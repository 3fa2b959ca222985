package cn.hrss.assessment.workflow;

import cn.hrss.assessment.web.PlainText;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.springframework.stereotype.Component;

/**
 * Checks every task completion on the server before the engine acts on it, whatever the path: engine REST
 * (Tasklist), the Java API or our own endpoints. A refused completion throws
 * {@link FormFieldValidationException}, which engine REST answers with 400 and the message, which Tasklist
 * shows under the form; nothing is changed.
 *
 * <p>A command interceptor rather than a task listener: the engine wraps listener exceptions into a generic
 * {@code ProcessEngineException} (HTTP 500), and a listener cannot tell what this completion submitted from
 * what an earlier one left behind.
 */
@Component
public class TaskCompletionValidationPlugin extends AbstractProcessEnginePlugin {

  /** Longest text a completion may submit: Camunda stores string variables in {@code TEXT_ VARCHAR(4000)}. */
  static final int MAX_TEXT = 4000;

  private final Map<String, List<TaskCompletionRule>> rulesByTaskKey = new HashMap<>();
  private final FormLabels formLabels;

  public TaskCompletionValidationPlugin(List<TaskCompletionRule> rules, FormLabels formLabels) {
    this.formLabels = formLabels;
    for (TaskCompletionRule rule : rules) {
      for (String key : rule.taskDefinitionKeys()) {
        rulesByTaskKey.computeIfAbsent(key, k -> new ArrayList<>()).add(rule);
      }
    }
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPostCommandInterceptorsTxRequired().add(new ValidatingInterceptor());
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new ConcurrentCompletionRetry());
  }

  private final class ValidatingInterceptor extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      if (command instanceof CompleteTaskCmd) {
        validate(read(command, CompleteTaskCmd.class, "taskId"), read(command, CompleteTaskCmd.class, "variables"));
      } else if (command instanceof SubmitTaskFormCmd) {
        validate(read(command, SubmitTaskFormCmd.class, "taskId"), read(command, SubmitTaskFormCmd.class, "properties"));
      }
      return next.execute(command);
    }

    private void validate(String taskId, Map<String, Object> submitted) {
      CommandContext context = Context.getCommandContext();
      TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
      if (task == null || !rulesByTaskKey.containsKey(task.getTaskDefinitionKey())) {
        return; // unknown task: the command itself reports it
      }
      ExecutionEntity execution = task.getExecution();
      Violations violations = new Violations();
      TaskCompletion completion = new TaskCompletion(
          task.getId(),
          task.getTaskDefinitionKey(),
          task.getProcessDefinition() == null ? null : task.getProcessDefinition().getKey(),
          task.getProcessInstanceId(),
          execution == null ? null : execution.getProcessBusinessKey(),
          context.getAuthenticatedUserId(),
          submitted == null ? Map.of() : Map.copyOf(readable(submitted, violations)),
          name -> execution == null ? null : execution.getVariable(name));
      // A task-local variable of the same name would absorb the submitted value (the engine writes to the
      // nearest scope that has it), so the process would carry something other than what was checked.
      completion.submitted().keySet().stream()
          .filter(task::hasVariableLocal)
          .sorted()
          .forEach(name -> violations.add(name, "已存在同名的任务局部变量，提交值无法生效，请删除该局部变量后重新提交"));
      completion.submitted().entrySet().stream()
          .filter(e -> e.getValue() instanceof String)
          .sorted(Map.Entry.comparingByKey())
          .forEach(e -> {
            String text = (String) e.getValue();
            if (text.length() > MAX_TEXT) {
              // The engine keeps a text variable in a 4000-character column: longer would fail the insert (500).
              violations.add(e.getKey(), "不能超过 " + MAX_TEXT + " 个字符");
            } else if (PlainText.hasControlCharacters(text)) {
              violations.add(e.getKey(), PlainText.CONTROL_CHARACTERS);
            }
          });
      rulesByTaskKey.get(task.getTaskDefinitionKey()).forEach(rule -> rule.check(completion, violations));
      if (!violations.isEmpty()) {
        String formId = formIdOf(task);
        throw new FormFieldValidationException(violations.messages(),
            Violations.refusal("提交内容", violations.messages(field -> formLabels.label(formId, field))));
      }
    }
  }

  /** The Camunda Form of the task ({@code camunda:formRef}, a constant in our models), or {@code null}. */
  private static String formIdOf(TaskEntity task) {
    TaskDefinition definition = task.getTaskDefinition();
    Expression key = definition == null ? null : definition.getCamundaFormDefinitionKey();
    return key == null ? null : key.getExpressionText();
  }

  /**
   * The submitted values without null keys or values. Reading a value deserializes it: a typed value that cannot be
   * read (e.g. {@code {"type": "Json", "value": "{broken"}}) is a violation, not an exception (which was a 500).
   */
  private static Map<String, Object> readable(Map<String, Object> submitted, Violations violations) {
    Map<String, Object> copy = new HashMap<>();
    for (String name : submitted.keySet()) {
      if (name == null) {
        continue;
      }
      try {
        Object value = submitted.get(name);
        if (value != null) {
          copy.put(name, value);
        }
      } catch (RuntimeException unreadable) {
        violations.add(name, "值无法读取（类型或格式不正确）");
      }
    }
    return copy;
  }

  @SuppressWarnings("unchecked")
  private static <V> V read(Object command, Class<?> type, String fieldName) {
    try {
      Field field = type.getDeclaredField(fieldName);
      field.setAccessible(true);
      return (V) field.get(command);
    } catch (ReflectiveOperationException e) {
      // The engine's internals changed (pinned to 7.24): fail loudly rather than let completions through unchecked.
      throw new IllegalStateException("Cannot read " + type.getSimpleName() + "." + fieldName, e);
    }
  }
}
