package cn.hrss.assessment.calendar;

import cn.hrss.assessment.workflow.TaskVariables;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Declares the deadline kinds that live in a process instance: where the deadline is kept (a process variable,
 * timer jobs, a user task's due date) and while which activities it runs. A recomputation then sets all of them
 * to the same instant, so that the Tasklist due date, the timer and the status API never disagree:
 *
 * <pre>{@code
 * @Bean DeadlineKind supplementDue(ProcessDeadlines deadlines) {
 *   return deadlines.kind("supplementDue", Binding.PARTY).whileAt("Task_AwaitSupplement")
 *       .variable("supplementDueAt").timers("Boundary_SupplementOverdue").build();
 * }
 * }</pre>
 */
@Component
public class ProcessDeadlines {

  /** Task-local variable: the task's due date rests on a provisional year (Tasklist filter, task form). */
  public static final String DUE_DATE_PROVISIONAL = TaskVariables.DUE_DATE_PROVISIONAL;

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final ZoneId zone;

  ProcessDeadlines(RuntimeService runtime, TaskService tasks, ManagementService management,
      CalendarProperties properties) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.zone = properties.zone();
  }

  public Builder kind(String name, DeadlineKind.Binding binding) {
    return new Builder(name, binding);
  }

  /** See {@link ProcessDeadlines}. */
  public final class Builder {
    private final String name;
    private final DeadlineKind.Binding binding;
    private final Set<String> live = new LinkedHashSet<>();
    private final Set<String> timers = new LinkedHashSet<>();
    private String variable;
    private String taskDefinitionKey;

    private Builder(String name, DeadlineKind.Binding binding) {
      this.name = Objects.requireNonNull(name, "name");
      this.binding = Objects.requireNonNull(binding, "binding");
    }

    /** The deadline runs while the instance is at one of these activities (a wait state, or the job before it). */
    public Builder whileAt(String... activityIds) {
      live.addAll(List.of(activityIds));
      return this;
    }

    /** The process variable (a {@link Date}) that holds the deadline. */
    public Builder variable(String name) {
      this.variable = name;
      return this;
    }

    /** Timer events whose jobs fire at the deadline. */
    public Builder timers(String... activityIds) {
      timers.addAll(List.of(activityIds));
      return this;
    }

    /** The user task whose due date is the deadline; the officer sees a comment when it moves. */
    public Builder taskDueDate(String taskDefinitionKey) {
      this.taskDefinitionKey = taskDefinitionKey;
      return this;
    }

    public DeadlineKind build() {
      if (live.isEmpty()) {
        throw new IllegalStateException("Deadline kind " + name + " needs the activities it runs at (whileAt)");
      }
      return new ProcessDeadline(name, binding, Set.copyOf(live), variable, Set.copyOf(timers), taskDefinitionKey);
    }
  }

  private final class ProcessDeadline implements DeadlineKind {
    private final String name;
    private final Binding binding;
    private final Set<String> live;
    private final String variable;
    private final Set<String> timers;
    private final String taskDefinitionKey;

    private ProcessDeadline(String name, Binding binding, Set<String> live, String variable, Set<String> timers,
        String taskDefinitionKey) {
      this.name = name;
      this.binding = binding;
      this.live = live;
      this.variable = variable;
      this.timers = timers;
      this.taskDefinitionKey = taskDefinitionKey;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public Binding binding() {
      return binding;
    }

    @Override
    public boolean isOpen(DeadlineEntry entry) {
      ActivityInstance tree = runtime.getActivityInstance(entry.processInstanceId());
      if (tree == null) {
        return false; // the instance has ended
      }
      List<String> active = new ArrayList<>();
      collect(tree, active);
      return active.stream().anyMatch(live::contains);
    }

    @Override
    public void apply(DeadlineEntry entry, Instant due, boolean moved, boolean provisional, String reason) {
      String instance = entry.processInstanceId();
      Date date = Date.from(due);
      if (moved && variable != null) {
        runtime.setVariable(instance, variable, date);
      }
      if (moved) {
        for (String timer : timers) {
          for (Job job : management.createJobQuery().processInstanceId(instance).activityId(timer).timers().list()) {
            management.setJobDuedate(job.getId(), date);
          }
        }
      }
      if (taskDefinitionKey != null) {
        for (Task task : tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskDefinitionKey).list()) {
          if (moved) {
            Date previous = task.getDueDate();
            task.setDueDate(date);
            tasks.saveTask(task);
            tasks.createComment(task.getId(), instance, "期限已调整：" + shown(previous) + " → " + shown(date) + "。" + reason);
          }
          tasks.setVariableLocal(task.getId(), DUE_DATE_PROVISIONAL, provisional);
        }
      }
    }

    private static void collect(ActivityInstance instance, List<String> ids) {
      ids.add(instance.getActivityId());
      for (TransitionInstance transition : instance.getChildTransitionInstances()) {
        ids.add(transition.getActivityId());
      }
      for (ActivityInstance child : instance.getChildActivityInstances()) {
        collect(child, ids);
      }
    }

    private String shown(Date date) {
      return date == null ? "无" : date.toInstant().atZone(zone).toLocalDate().toString();
    }
  }
}
