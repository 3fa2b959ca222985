package cn.hrss.assessment.lifecycle;

import cn.hrss.assessment.filing.FilingApplication;
import cn.hrss.assessment.filing.FilingProcess;
import cn.hrss.assessment.filing.FilingService;
import cn.hrss.assessment.registry.Institution;
import cn.hrss.assessment.registry.InstitutionRegistry;
import cn.hrss.assessment.registry.InstitutionStatus;
import cn.hrss.assessment.registry.OccupationScope;
import cn.hrss.assessment.web.ApiProblem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Change of occupations or levels (004 Art. 22): evaluated under the filing conditions and procedure
 * ({@code InstitutionScopeChangeProcess}: acceptance with 补正, expert panel, decision); the quota of 002 Annex 1
 * §二(四) is checked for the occupations added (or given new levels). Occupations left out of the new scope stop at
 * once: they are removed from the registry when the application is submitted, whatever the decision on the rest.
 */
@Service
public class ScopeChangeService {

  private final FilingService filings;
  private final InstitutionRegistry registry;
  private final InstitutionAccess access;

  ScopeChangeService(FilingService filings, InstitutionRegistry registry, InstitutionAccess access) {
    this.filings = filings;
    this.registry = registry;
    this.access = access;
  }

  public FilingService.Submission submit(String filingCode, FilingApplication application, List<MultipartFile> files,
      Consumer<FilingService.Submission> first) {
    Institution institution = access.require(filingCode);
    checkInForce(institution);
    if (application == null) {
      throw ApiProblem.invalid("application", "缺少申请内容（multipart 部分 application，JSON）：occupations 为变更后的职业（工种）及等级");
    }
    FilingApplication current = filings.currentData(filingCode);
    if (current != null && !current.creditCode().equals(application.creditCode())) {
      throw ApiProblem.invalid("application.creditCode", "变更申请的统一社会信用代码应为该机构的 " + institution.creditCode());
    }
    if (!institution.type().name().equals(application.institutionType())) {
      throw ApiProblem.invalid("application.institutionType", "变更申请不能改变机构类别（" + institution.type().label() + "）");
    }
    Set<String> kept = application.occupations().stream().map(FilingApplication.Occupation::code).collect(Collectors.toSet());
    List<OccupationScope> remaining = institution.occupations().stream().filter(o -> kept.contains(o.code())).toList();
    List<String> removed = institution.occupations().stream().map(OccupationScope::code)
        .filter(code -> !kept.contains(code)).toList();
    // 002 Annex 1 §二(四): only what is added (a new occupation, or new levels) counts against the quota.
    List<FilingApplication.Occupation> added = application.occupations().stream()
        .filter(o -> institution.occupations().stream().noneMatch(
            existing -> existing.code().equals(o.code()) && existing.levels().containsAll(o.levels())))
        .toList();
    if (added.isEmpty() && removed.isEmpty()) {
      throw ApiProblem.invalid("application.occupations", "变更后的职业（工种）及等级与现有备案范围相同");
    }
    String quotaWarning = added.isEmpty() ? null : filings.quotaWarning(new FilingApplication(
        application.institutionType(), application.name(), application.creditCode(), application.organisationForm(),
        application.legalRepresentative(), application.province(), application.address(), application.contact(),
        added.stream().filter(o -> institution.occupations().stream().noneMatch(e -> e.code().equals(o.code()))).toList(),
        List.of(), application.declarations()));
    Map<String, Object> variables = new HashMap<>();
    variables.put(FilingProcess.Vars.QUOTA_EXCEEDED, quotaWarning != null);
    variables.put(FilingProcess.Vars.QUOTA_WARNING, quotaWarning == null ? "" : quotaWarning);
    FilingService.Procedure procedure = new FilingService.Procedure(FilingProcess.SCOPE_CHANGE_KEY,
        LifecycleProcess.SCOPE_CHANGE, filingCode, false, true, variables);
    return filings.submit(procedure, application, files, submission -> {
      checkInForce(registry.lock(filingCode));
      if (!removed.isEmpty()) {
        // 004 Art. 22: occupations given up stop immediately.
        registry.replaceScope(filingCode, remaining, "减少职业（工种）" + String.join("、", removed)
            + "，即时停止（申请编号 " + submission.applicationNo() + "）");
      }
      first.accept(submission);
    });
  }

  private static void checkInForce(Institution institution) {
    if (institution.isBranch()) {
      throw ApiProblem.conflict("分支机构 " + institution.filingCode() + " 的职业（工种）随所属用人单位变更。");
    }
    if (institution.status() == InstitutionStatus.TERMINATED || institution.status() == InstitutionStatus.EXPIRED) {
      throw ApiProblem.conflict("评价机构 " + institution.filingCode() + " 的备案状态为“" + institution.status().label()
          + "”，不能变更职业（工种）。");
    }
  }
}
