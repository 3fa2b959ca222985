package cn.hrss.assessment.filing;

import cn.hrss.assessment.codes.Provinces;
import cn.hrss.assessment.registry.Institution;
import cn.hrss.assessment.registry.InstitutionRegistry;
import cn.hrss.assessment.registry.InstitutionType;
import cn.hrss.assessment.registry.NewInstitution;
import cn.hrss.assessment.registry.OccupationScope;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** The filing feature's use of the institution registry: quota counts and registration with a filing code. */
@Component
class FilingRegistration {

  private final InstitutionRegistry registry;
  private final FilingProperties properties;

  FilingRegistration(InstitutionRegistry registry, FilingProperties properties) {
    this.registry = registry;
    this.properties = properties;
  }

  record Registered(String filingCode, String receiptNo, LocalDate validUntil) {}

  /**
   * 002 Annex 1 §二(四): in principle at most 3 social organisations per occupation per jurisdiction. Not a refusal
   * ("in principle"): the warning is shown to the officer. {@code null} when no occupation reaches the quota.
   */
  String quotaWarning(FilingApplication application) {
    if (!"SOCIAL_ORG".equals(application.institutionType())) {
      return null;
    }
    List<String> warnings = new ArrayList<>();
    for (FilingApplication.Occupation occupation : application.occupations()) {
      long filed = registry.countActiveSocialOrgs(application.province(), occupation.code());
      if (filed >= properties.quotaPerOccupation()) {
        warnings.add(FilingTexts.text("quota.warning", occupation.name(), occupation.code(),
            Provinces.name(application.province()), filed));
      }
    }
    return warnings.isEmpty() ? null : String.join("\n", warnings);
  }

  /** Registers the institution, or (with {@code branch}) one of its branches under {@code parentFilingCode}. */
  Registered register(FilingRepository.StoredApplication application, FilingRepository.BranchRow branch,
      String parentFilingCode) {
    FilingApplication a = application.application();
    List<OccupationScope> scope = a.occupations().stream()
        .map(o -> new OccupationScope(o.code(), o.name(), o.track(), o.levels())).toList();
    NewInstitution institution = branch == null
        ? new NewInstitution(InstitutionType.valueOf(a.institutionType()), a.name(), a.creditCode(), a.province(),
            a.address(), a.contact().email(), application.applicationNo(), scope, null)
        : new NewInstitution(InstitutionType.valueOf(a.institutionType()), branch.name(), branch.creditCode(),
            branch.province(), branch.address(), branch.contactEmail(),
            FilingProcess.branchBusinessKey(application.applicationNo(), branch.index()), scope, parentFilingCode);
    Institution registered = registry.register(institution);
    return new Registered(registered.filingCode(), null, registered.validUntil());
  }
}
