package cn.hrss.assessment.lifecycle;

import cn.hrss.assessment.filing.FilingProcess;
import cn.hrss.assessment.filing.FilingService;
import cn.hrss.assessment.lifecycle.LifecycleProcess.ChangeElements;
import cn.hrss.assessment.lifecycle.LifecycleProcess.Vars;
import cn.hrss.assessment.registry.InstitutionRegistry;
import cn.hrss.assessment.workflow.TaskCompletion;
import cn.hrss.assessment.workflow.TaskCompletionRule;
import cn.hrss.assessment.workflow.Violations;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The thin delegates of InstitutionChangeProcess and the server-side check of {@code Task_ReviewChange}. */
@Configuration(proxyBeanMethods = false)
class ChangeDelegates {

  /** Task_ApplyChange: registry updated under the same filing code, change receipt number; idempotent. */
  @Bean
  JavaDelegate applyChangeDelegate(ChangeService changes, FilingService filings, InstitutionRegistry registry) {
    return execution -> {
      String applicationNo = (String) execution.getVariable(FilingProcess.Vars.APPLICATION_NO);
      String filingCode = (String) execution.getVariable(FilingProcess.Vars.FILING_CODE);
      if (filings.receiptNoOf(applicationNo) == null) {
        changes.approve(applicationNo, filingCode);
        filings.recordApproval(applicationNo, filingCode,
            registry.findByFilingCode(filingCode).orElseThrow().validUntil(), "CHANGED");
      }
      execution.setVariable(FilingProcess.Vars.RECEIPT_NO, filings.receiptNoOf(applicationNo));
    };
  }

  /** Complete listener of Task_ReviewChange: the decision stored with the application in the completion's transaction. */
  @Bean
  TaskListener reviewChangeListener(ChangeService changes, FilingService filings) {
    return task -> {
      String applicationNo = (String) task.getVariable(FilingProcess.Vars.APPLICATION_NO);
      String decision = String.valueOf(task.getVariable(Vars.CHANGE_DECISION));
      Object comment = task.getVariable(Vars.CHANGE_COMMENT);
      boolean refused = FilingProcess.Values.REJECT.equals(decision);
      filings.recordReview(applicationNo, ChangeElements.REVIEW_CHANGE, user(task), decision,
          comment == null ? null : comment.toString(), refused);
      if (refused) {
        changes.decide(applicationNo, false);
      }
    };
  }

  /** CONTRACT.md: changeDecision = APPROVE | REJECT; changeComment required if REJECT. */
  @Bean
  TaskCompletionRule changeCompletionRule() {
    return new TaskCompletionRule() {
      @Override
      public List<String> taskDefinitionKeys() {
        return List.of(ChangeElements.REVIEW_CHANGE);
      }

      @Override
      public void check(TaskCompletion completion, Violations violations) {
        String decision = violations.oneOf(completion, Vars.CHANGE_DECISION,
            List.of(FilingProcess.Values.APPROVE, FilingProcess.Values.REJECT));
        if (FilingProcess.Values.REJECT.equals(decision) && !completion.hasText(Vars.CHANGE_COMMENT)) {
          violations.add(Vars.CHANGE_COMMENT, "不予变更时必须写明理由");
        }
      }
    };
  }

  private static String user(DelegateTask task) {
    Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication != null && authentication.getUserId() != null ? authentication.getUserId() : task.getAssignee();
  }

}
