package cn.hrss.assessment.lifecycle;

import cn.hrss.assessment.filing.FilingApplication;
import cn.hrss.assessment.filing.FilingProcess;
import cn.hrss.assessment.filing.FilingService;
import cn.hrss.assessment.registry.InstitutionRegistry;
import cn.hrss.assessment.registry.OccupationScope;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ChangeScope: 004 Art. 22, the approved scope replaces the registry's (same code, same validity); idempotent. */
@Component
class ChangeScopeDelegate implements JavaDelegate {

  private final FilingService filings;
  private final InstitutionRegistry registry;

  ChangeScopeDelegate(FilingService filings, InstitutionRegistry registry) {
    this.filings = filings;
    this.registry = registry;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String applicationNo = (String) execution.getVariable(FilingProcess.Vars.APPLICATION_NO);
    String filingCode = (String) execution.getVariable(FilingProcess.Vars.FILING_CODE);
    if (filings.receiptNoOf(applicationNo) == null) {
      FilingApplication approved = filings.applicationOf(applicationNo);
      var changed = registry.replaceScope(filingCode, approved.occupations().stream()
          .map(o -> new OccupationScope(o.code(), o.name(), o.track(), o.levels())).toList(),
          "职业（工种）及等级变更（申请编号 " + applicationNo + "）");
      filings.recordApproval(applicationNo, filingCode, changed.validUntil(), "SCOPE_CHANGED");
    }
    execution.setVariable(FilingProcess.Vars.RECEIPT_NO, filings.receiptNoOf(applicationNo));
  }
}
