package cn.hrss.assessment.workflow;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * Test-only rule for {@code Task_Interfered} of {@link TaskCompletionValidationIT}: while the first completion of a
 * task is being checked, another transaction suspends and re-activates its process instance, as a job running at
 * the same moment would change it, so that completion fails on the engine's optimistic lock.
 */
@Component
class InterferingCompletionRule implements TaskCompletionRule {

  final AtomicInteger checks = new AtomicInteger();
  private final Set<String> interfered = ConcurrentHashMap.newKeySet();

  @Override
  public List<String> taskDefinitionKeys() {
    return List.of("Task_Interfered");
  }

  @Override
  public void check(TaskCompletion completion, Violations violations) {
    checks.incrementAndGet();
    if (!interfered.add(completion.taskId())) {
      return;
    }
    RuntimeService runtime = Context.getProcessEngineConfiguration().getRuntimeService();
    Thread other = new Thread(() -> {
      runtime.suspendProcessInstanceById(completion.processInstanceId());
      runtime.activateProcessInstanceById(completion.processInstanceId());
    });
    other.start();
    try {
      other.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
