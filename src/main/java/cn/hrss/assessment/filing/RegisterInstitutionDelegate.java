package cn.hrss.assessment.filing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RegisterInstitution: filing code from the registry, receipt number, valid 3 years (004 Art. 23). */
@Component
class RegisterInstitutionDelegate implements JavaDelegate {

  private final FilingService filings;

  RegisterInstitutionDelegate(FilingService filings) {
    this.filings = filings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FilingRegistration.Registered registered =
        filings.register((String) execution.getVariable(FilingProcess.Vars.APPLICATION_NO));
    execution.setVariable(FilingProcess.Vars.FILING_CODE, registered.filingCode());
    execution.setVariable(FilingProcess.Vars.RECEIPT_NO, registered.receiptNo());
  }
}
