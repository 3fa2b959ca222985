package cn.hrss.assessment.filing;

import cn.hrss.assessment.codes.Provinces;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Start of BranchFilingProcess: the branch's name, address and e-mail as display variables for form and notices. */
@Component
class PrepareBranchReviewListener implements ExecutionListener {

  private final FilingService filings;
  private final JurisdictionGrants grants;

  PrepareBranchReviewListener(FilingService filings, JurisdictionGrants grants) {
    this.filings = filings;
    this.grants = grants;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String applicationNo = (String) execution.getVariable(FilingProcess.Vars.APPLICATION_NO);
    int index = ((Number) execution.getVariable(FilingProcess.Vars.BRANCH_INDEX)).intValue();
    FilingRepository.BranchRow branch = filings.branch(applicationNo, index);
    FilingRepository.StoredApplication application = filings.require(applicationNo);
    execution.setVariable(FilingProcess.Vars.APPLICANT_NAME, application.name());
    // 002 Annex 1 §一(十)5: the branch's province reviews it (Jurisdiction); its officers and managers read it.
    execution.setVariable(FilingProcess.Vars.REVIEWING_GROUP, Jurisdiction.branchReviewGroup(branch.province()));
    grants.grantRead(execution.getProcessInstanceId(),
        Jurisdiction.provincialReaders(null, null, java.util.List.of(branch.province())));
    execution.setVariable(FilingProcess.Vars.BRANCH_NAME, branch.name());
    execution.setVariable(FilingProcess.Vars.BRANCH_EMAIL, branch.contactEmail());
    execution.setVariable(FilingProcess.Vars.BRANCH_SUMMARY, FilingTexts.text("branch.summary",
        FilingDisplay.escape(application.name()), FilingDisplay.escape(execution.getVariable(FilingProcess.Vars.PARENT_FILING_CODE) + ""),
        FilingDisplay.escape(branch.name()), FilingDisplay.escape(branch.creditCode()), Provinces.name(branch.province()),
        FilingDisplay.escape(branch.address()), FilingDisplay.escape(branch.contactEmail())));
  }
}
