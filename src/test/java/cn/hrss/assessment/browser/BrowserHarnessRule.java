package cn.hrss.assessment.browser;

import cn.hrss.assessment.workflow.TaskCompletion;
import cn.hrss.assessment.workflow.TaskCompletionRule;
import cn.hrss.assessment.workflow.Violations;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Test-only rule (component-scanned into test contexts, like workflow.ProbeCompletionRule) of the test model
 * of {@link BrowserTaskFormIT}, like the filing rules: 不予受理 needs 审查意见.
 */
@Component
class BrowserHarnessRule implements TaskCompletionRule {

  @Override
  public List<String> taskDefinitionKeys() {
    return List.of(BrowserTaskFormIT.TASK);
  }

  @Override
  public void check(TaskCompletion completion, Violations violations) {
    String decision = violations.oneOf(completion, "acceptanceDecision", List.of("ACCEPT", "REJECT"));
    if ("REJECT".equals(decision) && !completion.has("acceptanceComment")) {
      violations.add("acceptanceComment", "不予受理时必须填写审查意见");
    }
  }
}
