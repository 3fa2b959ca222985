package cn.hrss.assessment.filing;

import cn.hrss.assessment.codes.Provinces;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Start of BranchFilingProcess: the branch's name, address and e-mail as display variables for form and notices. */
@Component
class PrepareBranchReviewListener implements ExecutionListener {

  private final FilingService filings;

  PrepareBranchReviewListener(FilingService filings) {
    this.filings = filings;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String applicationNo = (String) execution.getVariable(FilingProcess.Vars.APPLICATION_NO);
    int index = ((Number) execution.getVariable(FilingProcess.Vars.BRANCH_INDEX)).intValue();
    FilingRepository.BranchRow branch = filings.branch(applicationNo, index);
    FilingRepository.StoredApplication application = filings.require(applicationNo);
    execution.setVariable(FilingProcess.Vars.APPLICANT_NAME, application.name());
    execution.setVariable(FilingProcess.Vars.BRANCH_NAME, branch.name());
    execution.setVariable(FilingProcess.Vars.BRANCH_EMAIL, branch.contactEmail());
    execution.setVariable(FilingProcess.Vars.BRANCH_SUMMARY, FilingTexts.text("branch.summary",
        FilingDisplay.escape(application.name()), FilingDisplay.escape(execution.getVariable(FilingProcess.Vars.PARENT_FILING_CODE) + ""),
        FilingDisplay.escape(branch.name()), FilingDisplay.escape(branch.creditCode()), Provinces.name(branch.province()),
        FilingDisplay.escape(branch.address()), FilingDisplay.escape(branch.contactEmail())));
  }
}
