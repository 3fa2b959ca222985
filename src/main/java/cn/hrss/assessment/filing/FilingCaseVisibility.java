package cn.hrss.assessment.filing;

import cn.hrss.assessment.identity.Caller;
import cn.hrss.assessment.notification.CaseVisibility;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The notices of a filing case (application number, or a branch's {@code <no>-B<index>}) are shown to the officers of
 * its jurisdiction only (README "Jurisdiction"), like the case itself.
 */
@Component
class FilingCaseVisibility implements CaseVisibility {

  private static final Pattern BRANCH_KEY = Pattern.compile("(.+)-B(\\d{1,4})");

  private final FilingRepository repository;

  FilingCaseVisibility(FilingRepository repository) {
    this.repository = repository;
  }

  @Override
  public boolean visible(String caseRef, Caller caller) {
    Matcher branch = BRANCH_KEY.matcher(caseRef);
    String applicationNo = branch.matches() ? branch.group(1) : caseRef;
    FilingRepository.StoredApplication application = repository.find(applicationNo).orElse(null);
    if (application == null) {
      return true;
    }
    if (branch.matches()) {
      String province = repository.branches(applicationNo).stream()
          .filter(b -> b.index() == Integer.parseInt(branch.group(2))).map(FilingRepository.BranchRow::province)
          .findFirst().orElse(null);
      return province == null || Jurisdiction.mayRead(caller, null, null, List.of(province));
    }
    List<String> branchProvinces = repository.branches(applicationNo).stream()
        .map(FilingRepository.BranchRow::province).toList();
    return Jurisdiction.mayRead(caller, Jurisdiction.caseType(application.institutionType(), application.application()),
        application.province(), branchProvinces);
  }
}
