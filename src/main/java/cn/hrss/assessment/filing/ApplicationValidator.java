package cn.hrss.assessment.filing;

import cn.hrss.assessment.codes.CityCodes;
import cn.hrss.assessment.codes.CreditCodes;
import cn.hrss.assessment.codes.Provinces;
import cn.hrss.assessment.web.ApiProblem;
import cn.hrss.assessment.web.ApiProblem.FieldError;
import cn.hrss.assessment.web.PlainText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/**
 * Checks an application before anything is stored (issue 3 item 1). Malformed input → 400 with every error and
 * its JSON path; a well-formed application that the rules forbid (002 Annex 1 §二(七)) → 400 citing the rule.
 */
final class ApplicationValidator {

  static final Set<String> TYPES = Set.of("NATIONAL_EMPLOYER", "PROVINCIAL_EMPLOYER", "SOCIAL_ORG");
  static final Set<String> ORGANISATION_FORMS = Set.of("ENTERPRISE", "ASSOCIATION", "PRIVATE_NON_ENTERPRISE", "SCHOOL",
      "GOVERNMENT_BODY", "PUBLIC_INSTITUTION");
  /** 002 Annex 1 §二(七): government bodies and public institutions may not apply. */
  static final Set<String> PROHIBITED_FORMS = Set.of("GOVERNMENT_BODY", "PUBLIC_INSTITUTION");

  private static final Pattern OCCUPATION_CODE = Pattern.compile("[1-8]-\\d{2}-\\d{2}-\\d{2}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

  private ApplicationValidator() {}

  /**
   * GB 32100-2015 Table 1 (登记管理部门代码 and 机构类别代码, positions 1-2 of the credit code): the codes each
   * organisation form may carry. 11 机关, 12 事业单位, 13 中央编办直接管理机构编制的群众团体, 19 其他 (机构编制);
   * 51 社会团体, 52 民办非企业单位 (民政); 91 企业 (工商); A1 军队事业单位. A school is a 事业单位 (12), a
   * 民办非企业单位 (52) or, run for profit, an enterprise (91) (our reading).
   */
  static final java.util.Map<String, Set<String>> CREDIT_CODE_PREFIXES = java.util.Map.of(
      "ENTERPRISE", Set.of("91"),
      "ASSOCIATION", Set.of("51", "13"),
      "PRIVATE_NON_ENTERPRISE", Set.of("52"),
      "SCHOOL", Set.of("12", "52", "91"),
      "GOVERNMENT_BODY", Set.of("11", "19"),
      "PUBLIC_INSTITUTION", Set.of("12", "A1"));

  /** Throws {@link ApiProblem} unless the application may be filed as a first filing. */
  static void check(FilingApplication application) {
    check(application, true);
  }

  /**
   * Throws {@link ApiProblem} unless the application may be filed.
   *
   * @param firstFiling a first filing (issue 19 item 1: the applicant answers the conditions of its type); renewals
   *     and scope changes repeat the data of the filing and are not asked again
   */
  static void check(FilingApplication application, boolean firstFiling) {
    List<FieldError> errors = new ArrayList<>();
    if (application == null) {
      throw ApiProblem.invalid("application", "缺少申请内容（multipart 部分 application）");
    }
    String type = application.institutionType();
    // Set.of(...).contains(null) throws: a missing value is checked first.
    if (type == null || !TYPES.contains(type)) {
      errors.add(new FieldError("institutionType", "必须是 NATIONAL_EMPLOYER、PROVINCIAL_EMPLOYER 或 SOCIAL_ORG"));
    }
    text(errors, "name", application.name(), 200);
    creditCode(errors, "creditCode", application.creditCode());
    group(errors, application);
    if (application.organisationForm() == null || !ORGANISATION_FORMS.contains(application.organisationForm())) {
      errors.add(new FieldError("organisationForm", "必须是 " + String.join("、", ORGANISATION_FORMS.stream().sorted().toList()) + " 之一"));
    }
    text(errors, "legalRepresentative", application.legalRepresentative(), 100);
    province(errors, "province", application.province());
    // Issue 19 item 10: the city of positions 8-9 (001 豫职鉴〔2020〕2号 Annex 1 §二(四) 表 5), from the province's table.
    cityCode(errors, "cityCode", application.province(), application.cityCode());
    filingLevel(errors, application);
    text(errors, "address", application.address(), 500);
    if (application.contact() == null) {
      errors.add(new FieldError("contact", "必填：联系人姓名、电话、电子邮箱"));
    } else {
      text(errors, "contact.name", application.contact().name(), 100);
      text(errors, "contact.phone", application.contact().phone(), 40);
      email(errors, "contact.email", application.contact().email());
    }
    organisationFormAgreesWithCreditCode(errors, application);
    occupations(errors, application);
    branches(errors, application);
    // 002 Annex 1 §一(七): employers have no prohibitions ("无"); only social organisations declare §二(七).
    if ("SOCIAL_ORG".equals(type)) {
      declarations(errors, application.declarations(), firstFiling);
    }
    if (firstFiling && type != null && TYPES.contains(type)) {
      conditions(errors, application);
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.invalid(errors);
    }
    if ("SOCIAL_ORG".equals(type)) {
      prohibitions(application);
    }
  }

  /**
   * Issue 19 item 2: the organisation form must be the one the credit code's registration authority and type
   * characters say (GB 32100-2015 Table 1); a national employer is an enterprise (002 Annex 1 §一(六)1 中央企业、
   * 大型国有企业、民营企业); a provincial employer is registered in its province (人社鉴发〔2019〕3号 §二1
   * 在各省行政区域内登记注册: positions 3-4 of the credit code, the division of the registering authority).
   */
  private static void organisationFormAgreesWithCreditCode(List<FieldError> errors, FilingApplication a) {
    String form = a.organisationForm();
    if (form == null || !ORGANISATION_FORMS.contains(form) || a.creditCode() == null || !CreditCodes.isValid(a.creditCode())) {
      return;
    }
    String prefix = a.creditCode().substring(0, 2);
    if (!CREDIT_CODE_PREFIXES.get(form).contains(prefix)) {
      errors.add(new FieldError("organisationForm", FilingTexts.text("field.organisationForm.creditCode",
          FilingTexts.text("form." + form), prefix, String.join("、", CREDIT_CODE_PREFIXES.get(form).stream().sorted().toList()))));
    }
    if ("NATIONAL_EMPLOYER".equals(a.institutionType()) && !"ENTERPRISE".equals(form)) {
      errors.add(new FieldError("organisationForm", FilingTexts.text("field.organisationForm.nationalEmployer")));
    }
    if ("PROVINCIAL_EMPLOYER".equals(a.institutionType()) && a.province() != null && Provinces.isValid(a.province())
        && !a.creditCode().startsWith(a.province(), 2)) {
      errors.add(new FieldError("province", FilingTexts.text("field.province.provincialEmployer",
          a.creditCode().substring(2, 4), a.province())));
    }
  }

  /** Registration at national level: positions 3-8 of the credit code (GB 32100-2015 §4: 登记管理机关行政区划码). */
  static final String NATIONAL_REGISTRATION = "100000";

  /**
   * Issue 19 item 10: the declared filing level (人社鉴发〔2019〕2号 Annex 1 §二(二) 表 3: filed first with the ministry
   * → 0001-9999, with a province → 0000). Optional: without it the type decides (national employer: ministry; others:
   * province). A national employer is the ministry's (002 Annex 1 §一), a provincial employer its province's
   * (人社鉴发〔2019〕3号 §二). A social organisation may be the ministry's where it answers the ministry's call
   * (002 Annex 1 §二(二)3 我部…发布的征集通告); our reading of "national": registered with a national registration
   * authority (民政部 for 社会团体 and 民办非企业单位), which the credit code shows as 100000 in positions 3-8.
   */
  private static void filingLevel(List<FieldError> errors, FilingApplication a) {
    String level = a.filingLevel();
    if (level == null) {
      return;
    }
    if (!FilingApplication.MINISTRY.equals(level) && !FilingApplication.PROVINCE.equals(level)) {
      errors.add(new FieldError("filingLevel", FilingTexts.text("field.filingLevel.value")));
      return;
    }
    if ("NATIONAL_EMPLOYER".equals(a.institutionType()) && FilingApplication.PROVINCE.equals(level)) {
      errors.add(new FieldError("filingLevel", FilingTexts.text("field.filingLevel.nationalEmployer")));
    }
    if ("PROVINCIAL_EMPLOYER".equals(a.institutionType()) && FilingApplication.MINISTRY.equals(level)) {
      errors.add(new FieldError("filingLevel", FilingTexts.text("field.filingLevel.provincialEmployer")));
    }
    if ("SOCIAL_ORG".equals(a.institutionType()) && FilingApplication.MINISTRY.equals(level)
        && a.creditCode() != null && CreditCodes.isValid(a.creditCode())
        && !a.creditCode().startsWith(NATIONAL_REGISTRATION, 2)) {
      errors.add(new FieldError("filingLevel", FilingTexts.text("field.filingLevel.national",
          a.creditCode().substring(2, 8))));
    }
  }

  /**
   * Issue 19 item 1: every condition of the type's list (002 Annex 1 §一(六), §二(五); 人社鉴发〔2019〕3号 §二1) is
   * answered, and answered yes: an applicant that does not meet one may not apply. Unknown ids are refused.
   */
  private static void conditions(List<FieldError> errors, FilingApplication a) {
    List<IntakeChecklist.Item> items = IntakeChecklist.conditions(a.institutionType());
    Set<String> known = new HashSet<>();
    for (IntakeChecklist.Item item : items) {
      known.add(item.id());
      Boolean answer = a.conditions().get(item.id());
      if (answer == null) {
        errors.add(new FieldError("conditions." + item.id(), FilingTexts.text("field.condition.missing", item.text(), item.source())));
      } else if (!answer) {
        errors.add(new FieldError("conditions." + item.id(), FilingTexts.text("field.condition.unmet", item.text(), item.source())));
      }
    }
    for (String id : a.conditions().keySet()) {
      if (!known.contains(id)) {
        errors.add(new FieldError("conditions." + id, FilingTexts.text("field.condition.unknown")));
      }
    }
  }

  private static void occupations(List<FieldError> errors, FilingApplication application) {
    if (application.occupations().isEmpty()) {
      errors.add(new FieldError("occupations", "至少申报一个职业（工种）"));
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < application.occupations().size(); i++) {
      FilingApplication.Occupation occupation = application.occupations().get(i);
      String path = "occupations[" + i + "]";
      if (occupation == null) {
        errors.add(new FieldError(path, "不能为空"));
        continue;
      }
      if (occupation.code() == null || !OCCUPATION_CODE.matcher(occupation.code()).matches()) {
        errors.add(new FieldError(path + ".code", "职业编码格式应为 d-dd-dd-dd，例如 6-18-01-01"));
      } else if ("SOCIAL_ORG".equals(application.institutionType())
          && (occupation.code().charAt(0) < '3' || occupation.code().charAt(0) > '6')) {
        // 002 Annex 1 §二(六): social organisations assess skill occupations of categories 3-6 only.
        errors.add(new FieldError(path + ".code", "社会培训评价组织只能申报职业分类大典第三至第六大类的技能类职业（002 附件1 §二(六)）"));
      } else if (!seen.add(occupation.code() + "|" + occupation.track())) {
        errors.add(new FieldError(path + ".code", "同一职业（工种）重复申报"));
      }
      qualification(errors, path, application.institutionType(), occupation);
      text(errors, path + ".name", occupation.name(), 100);
      if (occupation.track() != null && (occupation.track().length() > 100 || PlainText.hasControlCharacters(occupation.track()))) {
        errors.add(new FieldError(path + ".track", occupation.track().length() > 100 ? "不能超过 100 个字符"
            : PlainText.CONTROL_CHARACTERS));
      }
      if (occupation.levels() == null || occupation.levels().isEmpty()) {
        errors.add(new FieldError(path + ".levels", "至少申报一个等级（1-5）"));
      } else {
        for (Integer level : occupation.levels()) {
          if (level == null || level < 1 || level > 5) {
            errors.add(new FieldError(path + ".levels", "等级必须是 1（高级技师）至 5（初级工），收到 " + level));
          }
        }
      }
    }
  }

  /**
   * Issue 19 item 4: an occupation of the 国家职业资格目录（2021年版）'s skill qualifications. A social organisation may
   * not apply for any (002 Annex 1 §二(六) "涉及现行《国家职业资格目录》内的职业（工种）另行研究"); an employer not for
   * the 准入类 ones (企业职业技能等级认定工作实施方案基本内容 §二(二) "非准入类的技能类职业（工种）").
   */
  private static void qualification(List<FieldError> errors, String path, String type, FilingApplication.Occupation o) {
    QualificationCatalogue.find(o.name(), o.track()).ifPresent(q -> {
      if ("SOCIAL_ORG".equals(type)) {
        errors.add(new FieldError(path + ".name", FilingTexts.text("occupation.qualification.socialOrg", q.name(),
            q.category(), q.body())));
      } else if (q.licensing()) {
        errors.add(new FieldError(path + ".name", FilingTexts.text("occupation.qualification.licensing", q.name(),
            q.body())));
      }
    });
  }

  /** A branch added after filing: its fields as in a filing's {@code branches[i]}, under {@code application.}. */
  static void checkLaterBranch(FilingApplication.Branch branch) {
    if (branch == null) {
      throw ApiProblem.invalid("application", "缺少分支机构信息（multipart 部分 application）");
    }
    List<FieldError> errors = new ArrayList<>();
    text(errors, "application.name", branch.name(), 200);
    creditCode(errors, "application.creditCode", branch.creditCode());
    province(errors, "application.province", branch.province());
    text(errors, "application.address", branch.address(), 500);
    email(errors, "application.contactEmail", branch.contactEmail());
    cityCode(errors, "application.cityCode", branch.province(), branch.cityCode());
    if (!errors.isEmpty()) {
      throw ApiProblem.invalid(errors);
    }
  }

  private static void branches(List<FieldError> errors, FilingApplication application) {
    if (application.branches().isEmpty()) {
      return;
    }
    if (!"NATIONAL_EMPLOYER".equals(application.institutionType())) {
      // 002 Annex 1 §一(十)5: only national employers file branches (provincially).
      errors.add(new FieldError("branches", "只有全国性用人单位可以申报分支机构（002 附件1 §一(十)5），该机构类别不应填写分支机构"));
      return;
    }
    for (int i = 0; i < application.branches().size(); i++) {
      FilingApplication.Branch branch = application.branches().get(i);
      String path = "branches[" + i + "]";
      if (branch == null) {
        errors.add(new FieldError(path, "不能为空"));
        continue;
      }
      text(errors, path + ".name", branch.name(), 200);
      creditCode(errors, path + ".creditCode", branch.creditCode());
      province(errors, path + ".province", branch.province());
      text(errors, path + ".address", branch.address(), 500);
      email(errors, path + ".contactEmail", branch.contactEmail());
      cityCode(errors, path + ".cityCode", branch.province(), branch.cityCode());
    }
  }

  /**
   * Issue 19 items 9-10: the city of positions 8-9 (001 豫职鉴〔2020〕2号 Annex 1 §二(四) 表 5) of an institution or a
   * branch, from the table of its own province; a province without a table takes none.
   */
  private static void cityCode(List<FieldError> errors, String path, String province, String cityCode) {
    if (cityCode != null && Provinces.isValid(province) && !CityCodes.isValid(province, cityCode)) {
      errors.add(new FieldError(path, CityCodes.hasTable(province)
          ? "不在" + Provinces.name(province) + "的省直和市级代码表中（两位数字，如 01 郑州市）"
          : Provinces.name(province) + "的备案编码不含市级代码，请不要填写"));
    }
  }

  private static void declarations(List<FieldError> errors, FilingApplication.Declarations declarations,
      boolean firstFiling) {
    if (declarations == null) {
      errors.add(new FieldError("declarations", "必填：002 附件1 §二(七) 规定的六项承诺"));
      return;
    }
    requireDeclared(errors, "declarations.noIllegalRecord", declarations.noIllegalRecord());
    requireDeclared(errors, "declarations.noAnnualInspectionFailure", declarations.noAnnualInspectionFailure());
    requireDeclared(errors, "declarations.notOnIllegalOrgList", declarations.notOnIllegalOrgList());
    requireDeclared(errors, "declarations.notOnAbnormalOperationsList", declarations.notOnAbnormalOperationsList());
    requireDeclared(errors, "declarations.noBadAssessmentRecord", declarations.noBadAssessmentRecord());
    // Issue 19 item 2: asked of first filings; a renewal repeats data filed before the declaration existed.
    if (firstFiling || declarations.notGovernmentAffiliated() != null) {
      requireDeclared(errors, "declarations.notGovernmentAffiliated", declarations.notGovernmentAffiliated());
    }
  }

  private static void requireDeclared(List<FieldError> errors, String field, Boolean value) {
    if (value == null) {
      errors.add(new FieldError(field, "必填（true 或 false）"));
    }
  }

  /** 002 Annex 1 §二(七): who may not apply; social organisations only (§一(七): employers "无"). */
  private static void prohibitions(FilingApplication application) {
    List<FieldError> refusals = new ArrayList<>();
    if (PROHIBITED_FORMS.contains(application.organisationForm())) {
      refusals.add(new FieldError("organisationForm",
          "党政机关、事业单位不得申请备案为职业技能等级评价机构（002 附件1 §二(七)）"));
    }
    FilingApplication.Declarations d = application.declarations();
    // null only in a renewal of data filed before issue 19 (a first filing without it is a field error above)
    if (d.notGovernmentAffiliated() != null) {
      prohibited(refusals, "declarations.notGovernmentAffiliated", d.notGovernmentAffiliated(),
          "政府及其所属部门（事业单位、未与政府部门脱钩的社会团体）不能申报（002 附件1 §二(七)1）");
    }
    prohibited(refusals, "declarations.noIllegalRecord", d.noIllegalRecord(),
        "本单位或其法定代表人在培训、评价工作中有违法失信记录的，不得申请（002 附件1 §二(七)1）");
    prohibited(refusals, "declarations.noAnnualInspectionFailure", d.noAnnualInspectionFailure(),
        "近 3 年民政部门年检不合格的社会团体、民办非企业单位不得申请（002 附件1 §二(七)2）");
    prohibited(refusals, "declarations.notOnIllegalOrgList", d.notOnIllegalOrgList(),
        "列入非法社会组织名单的不得申请（002 附件1 §二(七)3）");
    prohibited(refusals, "declarations.notOnAbnormalOperationsList", d.notOnAbnormalOperationsList(),
        "近 3 年被列入经营异常名录的企业不得申请（002 附件1 §二(七)4）");
    prohibited(refusals, "declarations.noBadAssessmentRecord", d.noBadAssessmentRecord(),
        "在人才评价工作中有不良记录的不得申请（002 附件1 §二(七)5）");
    if (!refusals.isEmpty()) {
      throw new ApiProblem(HttpStatus.BAD_REQUEST, "不符合备案条件",
          "依据 002 附件1 §二(七)，该申请不予受理，未保存任何内容。", refusals);
    }
  }

  private static void prohibited(List<FieldError> refusals, String field, Boolean declared, String message) {
    if (!Boolean.TRUE.equals(declared)) {
      refusals.add(new FieldError(field, message));
    }
  }

  private static void text(List<FieldError> errors, String field, String value, int max) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, "必填"));
    } else if (value.length() > max) {
      errors.add(new FieldError(field, "不能超过 " + max + " 个字符"));
    } else if (PlainText.hasControlCharacters(value)) {
      errors.add(new FieldError(field, PlainText.CONTROL_CHARACTERS));
    }
  }

  /**
   * The applicant's group (issue 19 item 7), optional: the parent's and the sister organisations' unified social
   * credit codes (GB 32100 with check character), used to keep conflicted experts off the panel. At most 50 sisters;
   * none may be the applicant's own code.
   */
  private static void group(List<FieldError> errors, FilingApplication application) {
    if (application.parentCreditCode() != null) {
      creditCode(errors, "parentCreditCode", application.parentCreditCode());
      if (application.parentCreditCode().equals(application.creditCode())) {
        errors.add(new FieldError("parentCreditCode", "上级单位的统一社会信用代码不能与申请单位相同"));
      }
    }
    List<String> related = application.relatedCreditCodes();
    if (related.size() > 50) {
      errors.add(new FieldError("relatedCreditCodes", "关联单位至多填写 50 个"));
      return;
    }
    for (int i = 0; i < related.size(); i++) {
      creditCode(errors, "relatedCreditCodes[" + i + "]", related.get(i));
      if (related.get(i) != null && related.get(i).equals(application.creditCode())) {
        errors.add(new FieldError("relatedCreditCodes[" + i + "]", "关联单位的统一社会信用代码不能与申请单位相同"));
      }
    }
  }

  private static void creditCode(List<FieldError> errors, String field, String value) {
    if (value == null || !CreditCodes.isValid(value)) {
      errors.add(new FieldError(field, "统一社会信用代码无效（18 位，校验码按 GB 32100-2015 计算）"));
    }
  }

  private static void province(List<FieldError> errors, String field, String value) {
    if (value == null || !Provinces.isValid(value)) {
      errors.add(new FieldError(field, "省份代码无效（GB/T 2260 两位代码，例如 41 河南）"));
    }
  }

  static boolean isEmail(String value) {
    return value != null && value.length() <= 254 && EMAIL.matcher(value).matches() && !PlainText.hasControlCharacters(value);
  }

  private static void email(List<FieldError> errors, String field, String value) {
    if (!isEmail(value)) {
      errors.add(new FieldError(field, "电子邮箱格式无效"));
    }
  }
}
