package cn.hrss.assessment.workflow;

import java.util.List;
import org.springframework.stereotype.Component;

/** Test-only rule (component-scanned into test contexts) guarding {@code Task_Probe} of {@link TaskCompletionValidationIT}. */
@Component
class ProbeCompletionRule implements TaskCompletionRule {

  @Override
  public List<String> taskDefinitionKeys() {
    return List.of("Task_Probe");
  }

  @Override
  public void check(TaskCompletion completion, Violations violations) {
    violations.oneOf(completion, "decision", List.of("OK"));
  }
}
