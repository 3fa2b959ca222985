package cn.hrss.assessment.site;

import cn.hrss.assessment.codes.CityCodes;
import cn.hrss.assessment.codes.FilingCode;
import cn.hrss.assessment.codes.Provinces;
import cn.hrss.assessment.filing.CityCodeOption;
import cn.hrss.assessment.filing.Jurisdiction;
import cn.hrss.assessment.filing.JurisdictionGrants;
import cn.hrss.assessment.registry.Institution;
import cn.hrss.assessment.registry.InstitutionRegistry;
import cn.hrss.assessment.registry.InstitutionStatus;
import cn.hrss.assessment.registry.InstitutionType;
import cn.hrss.assessment.web.ApiProblem;
import cn.hrss.assessment.web.ApiProblem.FieldError;
import cn.hrss.assessment.web.PlainText;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issue 19 item 10: a social organisation filed first with the ministry registers its sites (评价站点). 001
 * 人社鉴发〔2019〕2号 Annex 1 表 2 note: the category letter covers "在人力资源社会保障部备案的…社会培训评价组织的考核站点";
 * §二(三)-(四): positions 6-7 are the site's province, positions 8-13 the site serial "由评价机构（站点）参保地省级人力资源
 * 社会保障部门统筹研究确定并赋码". So the site's province confirms it ({@code Task_ConfirmSite},
 * {@code provincial-officers-<province>}) and the registry gives it the next serial of that province (Henan, where the
 * city-code option is on: positions 8-9 the city, 001 豫职鉴〔2020〕2号 Annex 1 §二(四)); positions 1-5 are the
 * organisation's.
 */
@Service
public class SiteService {

  /** The JSON body of {@code POST /api/institutions/{filingCode}/sites}. */
  public record SiteRequest(String name, String province, String cityCode, String address, Contact contact) {}

  public record Contact(String name, String phone, String email) {}

  /** A submitted site request. */
  public record Submitted(String siteNo, String parentFilingCode, String province, String confirmingGroup) {}

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

  /** A statement's length, as for filings. */
  static final int STATEMENT_MAX = 4000;

  private final InstitutionRegistry registry;
  private final SiteRepository repository;
  private final RuntimeService runtime;
  private final JurisdictionGrants grants;
  private final CityCodeOption cityCodes;

  SiteService(InstitutionRegistry registry, SiteRepository repository, RuntimeService runtime,
      JurisdictionGrants grants, CityCodeOption cityCodes) {
    this.registry = registry;
    this.repository = repository;
    this.runtime = runtime;
    this.grants = grants;
    this.cityCodes = cityCodes;
  }

  /**
   * Stores the request and starts the site's confirmation in its province. The organisation's row is locked while
   * it is checked, so a termination at the same moment comes first (and the request is refused) or after.
   */
  @Transactional
  public Submitted submit(String filingCode, SiteRequest request, LocalDate today) {
    Institution organisation = registry.lock(filingCode);
    checkMayAddSite(organisation, today);
    check(request);
    String name = request.name() == null || request.name().isBlank()
        ? SiteTexts.text("site.defaultName", organisation.name(), Provinces.name(request.province()))
        : request.name().strip();
    long id = repository.insert(filingCode, name, request);
    String siteNo = SiteRepository.siteNo(id);
    String group = Jurisdiction.branchReviewGroup(request.province());
    Map<String, Object> variables = new HashMap<>();
    variables.put(SiteProcess.Vars.SITE_NO, siteNo);
    variables.put(SiteProcess.Vars.PARENT_FILING_CODE, filingCode);
    variables.put(SiteProcess.Vars.PARENT_NAME, organisation.name());
    variables.put(SiteProcess.Vars.SITE_NAME, name);
    variables.put(SiteProcess.Vars.SITE_PROVINCE, request.province());
    variables.put(SiteProcess.Vars.SITE_PROVINCE_NAME, Provinces.name(request.province()));
    variables.put(SiteProcess.Vars.SITE_ADDRESS, request.address().strip());
    variables.put(SiteProcess.Vars.CONFIRMING_GROUP, group);
    variables.put(SiteProcess.Vars.CITY_CODE, request.cityCode() == null ? "" : request.cityCode());
    variables.put(SiteProcess.Vars.CITY_CODE_HINT, CityCodes.hasTable(request.province())
        ? SiteTexts.text(cityCodes.on(request.province()) ? "task.cityCode.required" : "task.cityCode.optional",
            Provinces.name(request.province()))
        : SiteTexts.text("task.cityCode.none", Provinces.name(request.province())));
    List<String> to = new ArrayList<>(List.of(request.contact().email().strip()));
    if (organisation.contactEmail() != null && !to.contains(organisation.contactEmail())) {
      to.add(organisation.contactEmail());
    }
    variables.put(SiteProcess.Vars.NOTICE_TO, String.join(",", to));
    String instanceId = runtime.startProcessInstanceByKey(SiteProcess.KEY, siteNo, variables).getId();
    // README "Jurisdiction": the officers and managers of the site's province read the instance.
    grants.grantRead(instanceId, Jurisdiction.provincialReaders(null, null, List.of(request.province())));
    return new Submitted(siteNo, filingCode, request.province(), group);
  }

  /**
   * Issue 19 item 6: the organisation's statement on an intended refusal of its site, only while the hearing is open
   * (409 otherwise, also when the window closes meanwhile); {@code Task_ConfirmSite} then shows it. A request of another
   * organisation is unknown here (404). Checked before anything is stored.
   */
  @Transactional
  public void state(String filingCode, String siteNo, String content) {
    SiteRepository.SiteRow row = repository.find(siteNo).filter(r -> r.parentFilingCode().equals(filingCode))
        .orElseThrow(() -> ApiProblem.notFound(SiteTexts.text("statement.unknown", siteNo)));
    boolean open = runtime.createExecutionQuery().processDefinitionKey(SiteProcess.KEY)
        .processInstanceBusinessKey(row.siteNo()).activityId(SiteProcess.Ids.AWAIT_STATEMENT).count() > 0;
    if (!open) {
      throw ApiProblem.conflict(SiteTexts.text("statement.notOpen", siteNo));
    }
    List<FieldError> errors = new ArrayList<>();
    required(errors, "content", content, STATEMENT_MAX);
    if (!errors.isEmpty()) {
      throw ApiProblem.invalid(errors);
    }
    try {
      runtime.createMessageCorrelation(SiteProcess.Ids.STATEMENT_MESSAGE).processInstanceBusinessKey(row.siteNo())
          .setVariable(SiteProcess.Vars.STATEMENT, content.strip()).correlate();
    } catch (MismatchingMessageCorrelationException e) {
      throw ApiProblem.conflict(SiteTexts.text("statement.closed", siteNo));
    }
  }

  /** The organisation's site requests, oldest first. */
  public List<SiteRepository.SiteRow> requestsOf(String filingCode) {
    return repository.of(filingCode);
  }

  /**
   * 人社鉴发〔2019〕2号 Annex 1 表 2 note and §二(二): sites are those of social organisations filed first with the
   * ministry (positions 2-5 = 0001-9999). An employer's are branches ({@code /branches}); an organisation filed with
   * its province (0000) has none under this rule; a branch or site adds none; only an active filing does.
   */
  static void checkMayAddSite(Institution institution, LocalDate today) {
    if (institution.isBranch()) {
      throw ApiProblem.conflict(SiteTexts.text("conflict.branch", institution.filingCode(),
          institution.parentFilingCode()));
    }
    if (institution.type() != InstitutionType.SOCIAL_ORG) {
      throw ApiProblem.conflict(SiteTexts.text("conflict.notSocialOrg", institution.filingCode()));
    }
    if (!FilingCode.parse(institution.filingCode()).ministryFiled()) {
      throw ApiProblem.conflict(SiteTexts.text("conflict.provinceFiled", institution.filingCode()));
    }
    boolean expired = institution.validUntil() != null && today.isAfter(institution.validUntil());
    if (institution.status() != InstitutionStatus.ACTIVE || expired) {
      throw ApiProblem.conflict(SiteTexts.text("conflict.status", institution.filingCode(),
          (expired ? InstitutionStatus.EXPIRED : institution.status()).label()));
    }
  }

  /** Field errors of a request (problem+json, nothing stored). */
  static void check(SiteRequest request) {
    if (request == null) {
      throw ApiProblem.invalid("application", SiteTexts.text("field.application"));
    }
    List<FieldError> errors = new ArrayList<>();
    if (request.name() != null) {
      length(errors, "name", request.name(), 200);
    }
    boolean province = Provinces.isValid(request.province());
    if (!province) {
      errors.add(new FieldError("province", request.province() == null ? SiteTexts.text("field.required")
          : SiteTexts.text("field.province")));
    }
    // 001 豫职鉴〔2020〕2号 Annex 1 §二(四) 表 5: positions 8-9 from the province's own table.
    if (request.cityCode() != null && province && !CityCodes.isValid(request.province(), request.cityCode())) {
      errors.add(new FieldError("cityCode", CityCodes.hasTable(request.province())
          ? SiteTexts.text("field.cityCode.notInTable", Provinces.name(request.province()))
          : SiteTexts.text("field.cityCode.noTable", Provinces.name(request.province()))));
    }
    required(errors, "address", request.address(), 500);
    if (request.contact() == null) {
      errors.add(new FieldError("contact", SiteTexts.text("field.required")));
    } else {
      required(errors, "contact.name", request.contact().name(), 100);
      required(errors, "contact.phone", request.contact().phone(), 40);
      if (required(errors, "contact.email", request.contact().email(), 320)
          && !EMAIL.matcher(request.contact().email().strip()).matches()) {
        errors.add(new FieldError("contact.email", SiteTexts.text("field.email")));
      }
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.invalid(errors);
    }
  }

  private static boolean required(List<FieldError> errors, String field, String value, int max) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, SiteTexts.text("field.required")));
      return false;
    }
    return length(errors, field, value, max);
  }

  private static boolean length(List<FieldError> errors, String field, String value, int max) {
    if (value.strip().length() > max) {
      errors.add(new FieldError(field, SiteTexts.text("field.tooLong", max)));
      return false;
    }
    if (PlainText.hasControlCharacters(value)) {
      errors.add(new FieldError(field, SiteTexts.text("field.plain")));
      return false;
    }
    return true;
  }
}
