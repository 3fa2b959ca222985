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
  private final FilingRepository repository;
  private final org.camunda.bpm.engine.RuntimeService runtime;
  private final org.camunda.bpm.engine.ManagementService management;

  private final CityCodeOption cityCodes;

  FilingRegistration(InstitutionRegistry registry, FilingProperties properties, FilingRepository repository,
      org.camunda.bpm.engine.RuntimeService runtime, org.camunda.bpm.engine.ManagementService management,
      CityCodeOption cityCodes) {
    this.cityCodes = cityCodes;
    this.management = management;
    this.runtime = runtime;
    this.registry = registry;
    this.properties = properties;
    this.repository = repository;
  }

  /**
   * The applications whose procedure runs: pending = an open application always has one; a row whose instance an
   * operator deleted holds no place. One query for all of them (by business key, as {@code processInstanceBusinessKey}
   * does): asked one by one, a province with many open applications cost a query per open application at every
   * submission (issue 15: half a million statements for 1,000 submissions).
   */
  private List<FilingRepository.StoredApplication> running(List<FilingRepository.StoredApplication> open) {
    if (open.isEmpty()) {
      return open;
    }
    java.util.Set<String> running = new java.util.HashSet<>();
    String table = management.getTableName(org.camunda.bpm.engine.runtime.ProcessInstance.class);
    for (int from = 0; from < open.size(); from += KEYS_PER_QUERY) {
      List<FilingRepository.StoredApplication> chunk = open.subList(from, Math.min(open.size(), from + KEYS_PER_QUERY));
      StringBuilder sql = new StringBuilder("SELECT RES.* FROM " + table
          + " RES WHERE RES.PARENT_ID_ IS NULL AND RES.BUSINESS_KEY_ IN (");
      var query = runtime.createNativeProcessInstanceQuery();
      for (int i = 0; i < chunk.size(); i++) {
        sql.append(i == 0 ? "" : ", ").append("#{key").append(i).append('}');
        query.parameter("key" + i, chunk.get(i).applicationNo());
      }
      query.sql(sql.append(')').toString()).list()
          .forEach(instance -> running.add(instance.getBusinessKey()));
    }
    return open.stream().filter(p -> running.contains(p.applicationNo())).toList();
  }

  private static final int KEYS_PER_QUERY = 500;

  /** One occupation of an application at or above the quota: social organisations filed and pending for it. */
  record QuotaReached(int index, String code, String name, String province, long filed, long pending) {}

  /**
   * 002 Annex 1 §二(四) "原则上，各辖区 1 个职业不超过 3 家社会培训评价组织": the occupations of a social organisation's
   * first filing for which the accepting jurisdiction (the applicant's province, see {@link Jurisdiction}) already
   * counts {@code quotaPerOccupation} organisations. Counted: organisations filed and in force, and, with
   * {@code countPending}, other open first filings that name the occupation (each holds its place until it is
   * closed). Empty for every other applicant type.
   */
  List<QuotaReached> quotaReached(FilingApplication application, String exceptApplicationNo, boolean countPending) {
    // (our reading) §二(四) limits each province's own selection (各辖区); a social organisation filed first with the
    // ministry (issue 19 item 10) is selected by the ministry's call, not from the province's places.
    if (!"SOCIAL_ORG".equals(application.institutionType()) || application.filedWithMinistry()) {
      return List.of();
    }
    List<FilingRepository.StoredApplication> pending = countPending
        ? running(repository.openSocialOrgFilings(application.province(), exceptApplicationNo).stream()
            .filter(p -> p.application() != null && p.application().occupations().stream()
                .anyMatch(o -> application.occupations().stream().anyMatch(mine -> mine.code().equals(o.code()))))
            .toList())
        : List.of();
    List<QuotaReached> reached = new ArrayList<>();
    for (int i = 0; i < application.occupations().size(); i++) {
      FilingApplication.Occupation occupation = application.occupations().get(i);
      long filed = registry.countActiveSocialOrgs(application.province(), occupation.code());
      long open = pending.stream().filter(p -> p.application() != null && p.application().occupations().stream()
          .anyMatch(o -> occupation.code().equals(o.code()))).count();
      if (filed + open >= properties.quotaPerOccupation()) {
        reached.add(new QuotaReached(i, occupation.code(), occupation.name(), application.province(), filed, open));
      }
    }
    return reached;
  }

  /** 400/409 text of one occupation at the quota. */
  String quotaText(QuotaReached reached) {
    return FilingTexts.text("quota.reached", reached.name(), reached.code(), Provinces.name(reached.province()),
        reached.filed(), reached.pending(), properties.quotaPerOccupation());
  }

  /** The same at the decision, where only organisations filed and in force are counted. */
  String quotaTextAtDecision(QuotaReached reached) {
    return FilingTexts.text("quota.filed", reached.name(), reached.code(), Provinces.name(reached.province()),
        reached.filed(), properties.quotaPerOccupation());
  }

  /** At intake: the city code required where the province's city-code option is on (issue 19 item 10). */
  void checkCityCode(FilingApplication application) {
    cityCodes.check(application);
  }

  /** The same for a branch added after filing (issue 19 items 9-10), its fields under {@code application.}. */
  void checkLaterBranchCityCode(FilingApplication.Branch branch) {
    cityCodes.checkLaterBranch(branch);
  }

  record Registered(String filingCode, String receiptNo, LocalDate validUntil) {}

  /**
   * 002 Annex 1 §二(四): in principle at most 3 social organisations per occupation per jurisdiction. Not a refusal
   * ("in principle"): the warning is shown to the officer. {@code null} when no occupation reaches the quota.
   */
  String quotaWarning(FilingApplication application) {
    if (!"SOCIAL_ORG".equals(application.institutionType()) || application.filedWithMinistry()) {
      return null;
    }
    // Filed and pending ones (README "Quota"); with quotaEnforced such an application never gets here.
    List<String> warnings = quotaReached(application, null, true).stream()
        .map(r -> FilingTexts.text("quota.warning", r.name(), r.code(), Provinces.name(r.province()), r.filed(),
            r.pending(), properties.quotaPerOccupation())).toList();
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
            a.address(), a.contact().email(), application.applicationNo(), scope, null,
            // 人社鉴发〔2019〕2号 Annex 1 §二(二): filed first with the ministry → positions 2-5 = its next 0001-9999.
            a.filedWithMinistry(), null)
            // 豫职鉴〔2020〕2号 §二(四): positions 8-9 the city code, where the province's option is on.
            .withCityCode(cityCodes.cityCodeFor(a))
        : new NewInstitution(InstitutionType.valueOf(a.institutionType()), branch.name(), branch.creditCode(),
            branch.province(), branch.address(), branch.contactEmail(),
            FilingProcess.branchBusinessKey(application.applicationNo(), branch.index()), scope, parentFilingCode)
            // Issue 19 items 9-10: the branch's own province assigns its serial (人社鉴发〔2019〕2号 Annex 1 §二(四));
            // where that province codes by city (豫职鉴〔2020〕2号 §二(四)), positions 8-9 are the branch's city.
            .withCityCode(cityCodes.on(branch.province()) ? branch.cityCode() : null);
    Institution registered = registry.register(institution);
    return new Registered(registered.filingCode(), null, registered.validUntil());
  }

  /**
   * The application that filed the institution {@code filingCode} (a branch's: its employer's), whose token the
   * institution signs in with (as lifecycle.InstitutionAccess); empty if unknown or not filed through this system.
   */
  java.util.Optional<String> filingApplicationNo(String filingCode) {
    return registry.findByFilingCode(filingCode).map(Institution::applicationNo).map(no -> {
      int branch = no.lastIndexOf("-B");
      return branch > 0 ? no.substring(0, branch) : no;
    });
  }
}
