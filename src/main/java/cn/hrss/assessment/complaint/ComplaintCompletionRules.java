package cn.hrss.assessment.complaint;

import cn.hrss.assessment.complaint.ComplaintProcess.Ids;
import cn.hrss.assessment.complaint.ComplaintProcess.Vars;
import cn.hrss.assessment.workflow.TaskCompletion;
import cn.hrss.assessment.workflow.TaskCompletionRule;
import cn.hrss.assessment.workflow.Violations;
import java.util.List;
import org.springframework.stereotype.Component;

/** Server-side checks of the two tasks of ComplaintProcess (CONTRACT.md "Complaints"). */
@Component
class ComplaintCompletionRules implements TaskCompletionRule {

  static final int TEXT_MAX = 2000;

  @Override
  public List<String> taskDefinitionKeys() {
    return List.of(Ids.TRIAGE, Ids.VERIFY);
  }

  @Override
  public void check(TaskCompletion completion, Violations violations) {
    if (Ids.TRIAGE.equals(completion.taskDefinitionKey())) {
      violations.oneOf(completion, Vars.TRIAGE_DECISION, List.of("VERIFY", "DISMISS"));
      // DISMISS: the reasons are the answer the complainant gets; VERIFY: what is to be checked.
      text(completion, Vars.TRIAGE_COMMENT, violations);
    } else {
      violations.bool(completion, Vars.VERIFIED);
      text(completion, Vars.FINDINGS, violations);
      text(completion, Vars.REPLY, violations);
    }
  }

  private static void text(TaskCompletion completion, String field, Violations violations) {
    if (violations.required(completion, field) && completion.value(field) instanceof String text && text.length() > TEXT_MAX) {
      violations.add(field, "不得超过 " + TEXT_MAX + " 个字符");
    }
  }
}
