package cn.hrss.assessment.discipline;

import cn.hrss.assessment.codes.ResidentIdNumbers;
import cn.hrss.assessment.registry.InstitutionRegistry;
import cn.hrss.assessment.web.ApiProblem.FieldError;
import cn.hrss.assessment.web.PlainText;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** Checks of a new case (issue 4 §1; 002 Annex 2 Art. 16, 18); every problem is reported, nothing is stored. */
@Component
class CaseIntakeValidator {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s,;]+@[^@\\s,;]+\\.[^@\\s,;]+$");

  private final InstitutionRegistry registry;

  CaseIntakeValidator(InstitutionRegistry registry) {
    this.registry = registry;
  }

  List<FieldError> check(CaseIntake in) {
    List<FieldError> errors = new ArrayList<>();
    plainText(in, errors);
    PartyType partyType = enumValue(PartyType.class, in.partyType(), "partyType", errors);
    CaseSource source = enumValue(CaseSource.class, in.source(), "source", errors);
    CaseIntake.Party party = in.party();
    if (party == null) {
      errors.add(new FieldError("party", "必填"));
    } else {
      if (blank(party.name())) {
        errors.add(new FieldError("party.name", "必填：当事人姓名或机构名称"));
      }
      if (partyType == PartyType.CANDIDATE || partyType == PartyType.STAFF) {
        if (blank(party.idNumber())) {
          errors.add(new FieldError("party.idNumber", "参评人员、工作人员须填写公民身份号码"));
        } else if (!ResidentIdNumbers.isValid(party.idNumber().strip().toUpperCase())) {
          errors.add(new FieldError("party.idNumber", "公民身份号码无效（GB 11643 校验未通过）"));
        }
      }
      if (partyType == PartyType.STAFF) {
        if (blank(party.staffRole())) {
          errors.add(new FieldError("party.staffRole", "工作人员须注明类别：EXAM_ADMIN / EXAMINER / SUPERVISOR"));
        } else {
          enumValue(StaffRole.class, party.staffRole(), "party.staffRole", errors);
        }
      } else if (!blank(party.staffRole())) {
        errors.add(new FieldError("party.staffRole", "仅工作人员案件填写"));
      }
      if (partyType == PartyType.INSTITUTION) {
        if (blank(party.filingCode())) {
          errors.add(new FieldError("party.filingCode", "评价机构案件须填写机构备案码"));
        } else if (lookupable(party.filingCode()) && registry.findByFilingCode(party.filingCode().strip()).isEmpty()) {
          errors.add(new FieldError("party.filingCode", "备案码 " + party.filingCode().strip() + " 不存在"));
        }
      }
    }
    if (partyType == PartyType.CANDIDATE && blank(in.institutionFilingCode())) {
      // 002 Annex 2 Art. 4 para. 4, Art. 16 para. 1: the assessment institution decides candidate cases.
      errors.add(new FieldError("institutionFilingCode", "参评人员案件须填写作出处理的评价机构备案码"));
    }
    if (partyType != PartyType.INSTITUTION && !blank(in.institutionFilingCode()) && lookupable(in.institutionFilingCode())
        && registry.findByFilingCode(in.institutionFilingCode().strip()).isEmpty()) {
      errors.add(new FieldError("institutionFilingCode", "备案码 " + in.institutionFilingCode().strip() + " 不存在"));
    }
    if (blank(in.facts())) {
      errors.add(new FieldError("facts", "必填：违纪违规事实"));
    }
    if (!blank(in.partyEmail()) && !EMAIL.matcher(in.partyEmail().strip()).matches()) {
      errors.add(new FieldError("partyEmail", "电子邮箱格式无效"));
    }
    if (source == CaseSource.EXAM_SITE_REPORT) {
      // 002 Annex 2 Art. 16: 经2名（含）以上工作人员签字报考场负责人确认.
      long reporters = in.reporters() == null ? 0
          : in.reporters().stream().filter(Objects::nonNull).map(String::strip).filter(s -> !s.isEmpty()).distinct().count();
      if (reporters < 2) {
        errors.add(new FieldError("reporters", "考场报告须由2名（含）以上工作人员签字，收到 " + reporters + " 名"));
      }
      if (!Boolean.TRUE.equals(in.siteHeadConfirmed())) {
        errors.add(new FieldError("siteHeadConfirmed", "考场报告须经考场负责人确认"));
      }
    }
    if (!blank(in.assessmentDate())) {
      // 002 Annex 2 Art. 6, 9: "当年" is the year of this assessment.
      LocalDate day = assessmentDate(in.assessmentDate());
      if (day == null) {
        errors.add(new FieldError("assessmentDate", "日期格式应为 yyyy-MM-dd"));
      } else if (day.isAfter(ClockUtil.getCurrentTime().toInstant().atZone(DisciplineCaseService.ZONE).toLocalDate())) {
        errors.add(new FieldError("assessmentDate", "评价活动日期不能晚于今天"));
      }
    }
    if (source == CaseSource.OTHER_AUTHORITY && blank(in.authorityReference())) {
      // 002 Annex 2 Art. 18: 以相关处理结论为依据 — the conclusion must be on file.
      errors.add(new FieldError("authorityReference", "其他机关已处理的案件须填写该机关处理结论的文号"));
    }
    return errors;
  }

  /**
   * Lengths the case can keep (discipline_case columns; facts also travel as a process variable, which the engine
   * stores in 4000 characters) and no control characters (PostgreSQL cannot store a NUL; the rest garbles documents).
   */
  private static void plainText(CaseIntake in, List<FieldError> errors) {
    CaseIntake.Party party = in.party() == null ? new CaseIntake.Party(null, null, null, null) : in.party();
    text(errors, "party.name", party.name(), 200);
    text(errors, "party.idNumber", party.idNumber(), 32);
    text(errors, "party.filingCode", party.filingCode(), 32);
    text(errors, "party.staffRole", party.staffRole(), 32);
    text(errors, "partyEmail", in.partyEmail(), 320);
    text(errors, "facts", in.facts(), 4000);
    text(errors, "institutionFilingCode", in.institutionFilingCode(), 32);
    text(errors, "authorityReference", in.authorityReference(), 200);
    text(errors, "assessmentDate", in.assessmentDate(), 32);
    if (in.reporters() != null) {
      if (String.join("、", in.reporters().stream().map(String::valueOf).toList()).length() > 2000) {
        errors.add(new FieldError("reporters", "报告人合计不能超过 2000 个字符"));
      }
      for (int i = 0; i < in.reporters().size(); i++) {
        text(errors, "reporters[" + i + "]", in.reporters().get(i), 2000);
      }
    }
  }

  /** A code worth looking up: one refused by {@link #plainText} (too long, a NUL PostgreSQL cannot query) is not. */
  private static boolean lookupable(String code) {
    return code.strip().length() <= 32 && !PlainText.hasControlCharacters(code);
  }

  private static void text(List<FieldError> errors, String field, String value, int max) {
    if (value == null) {
      return;
    }
    if (value.strip().length() > max) {
      errors.add(new FieldError(field, "不能超过 " + max + " 个字符"));
    } else if (PlainText.hasControlCharacters(value)) {
      errors.add(new FieldError(field, PlainText.CONTROL_CHARACTERS));
    }
  }

  /** The assessment date as given (yyyy-MM-dd, a date-time's date part accepted), or null if unreadable. */
  static LocalDate assessmentDate(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    try {
      return LocalDate.parse(v.length() > 10 && v.charAt(10) == 'T' ? v.substring(0, 10) : v);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Reporters from the start form's text area: one per line (or separated by commas). */
  static List<String> splitReporters(Object value) {
    if (value == null) {
      return List.of();
    }
    return Arrays.stream(value.toString().split("[\\n,，;；、]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field, List<FieldError> errors) {
    if (blank(value)) {
      errors.add(new FieldError(field, "必填"));
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip());
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(field, "取值必须是 " + String.join(" / ",
          Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()) + " 之一"));
      return null;
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
