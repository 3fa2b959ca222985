package cn.hrss.assessment.calendar;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Marks every user task whose due date rests on a provisional year with the task-local variable
 * {@link ProcessDeadlines#DUE_DATE_PROVISIONAL} = {@code true} when the task is created, whatever model it comes
 * from: the Tasklist filter 期限暂定的任务 lists those tasks and the task forms say so. A recomputation updates
 * the mark ({@link ProcessDeadlines}).
 */
@Component
class ProvisionalDueDatePlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<WorkingDays> workingDays;

  ProvisionalDueDatePlugin(ObjectProvider<WorkingDays> workingDays) {
    this.workingDays = workingDays;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    TaskListener mark = this::mark;
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
          behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, mark);
        }
      }
    });
  }

  private void mark(DelegateTask task) {
    if (task.getDueDate() != null) {
      task.setVariableLocal(ProcessDeadlines.DUE_DATE_PROVISIONAL, workingDays.getObject().isProvisional(task.getDueDate()));
    }
  }
}
