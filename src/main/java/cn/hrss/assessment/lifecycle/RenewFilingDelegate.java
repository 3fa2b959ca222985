package cn.hrss.assessment.lifecycle;

import cn.hrss.assessment.filing.FilingProcess;
import cn.hrss.assessment.filing.FilingService;
import cn.hrss.assessment.registry.Institution;
import cn.hrss.assessment.registry.InstitutionRegistry;
import cn.hrss.assessment.registry.InstitutionStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RenewFiling: 004 Art. 23, validity + 3 years from the current end (not from today), same filing code, a new
 * receipt number. Its branches in force are renewed with it (their filing rests on the employer's). Idempotent: a
 * retried job finds the receipt number already issued and renews nothing twice.
 */
@Component
class RenewFilingDelegate implements JavaDelegate {

  private final FilingService filings;
  private final InstitutionRegistry registry;

  RenewFilingDelegate(FilingService filings, InstitutionRegistry registry) {
    this.filings = filings;
    this.registry = registry;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String applicationNo = (String) execution.getVariable(FilingProcess.Vars.APPLICATION_NO);
    String filingCode = (String) execution.getVariable(FilingProcess.Vars.FILING_CODE);
    String receiptNo = filings.receiptNoOf(applicationNo);
    if (receiptNo == null) {
      String reason = "延续备案（申请编号 " + applicationNo + "）";
      // Applied for in time (the window is checked at submission): granted even if the validity ended meanwhile.
      java.time.LocalDate appliedOn = filings.submittedOn(applicationNo);
      Institution renewed = registry.renew(filingCode, reason, appliedOn);
      for (Institution branch : registry.branchesOf(filingCode)) {
        if (branch.status() != InstitutionStatus.TERMINATED && !appliedOn.isAfter(branch.validUntil())) {
          registry.renew(branch.filingCode(), "所属用人单位" + reason, appliedOn);
        }
      }
      receiptNo = filings.recordApproval(applicationNo, filingCode, renewed.validUntil(), "RENEWED");
    }
    execution.setVariable(FilingProcess.Vars.RECEIPT_NO, receiptNo);
    execution.setVariable(LifecycleProcess.Vars.VALID_UNTIL,
        registry.findByFilingCode(filingCode).orElseThrow().validUntil().toString());
  }
}
