package cn.hrss.assessment.filing;

import cn.hrss.assessment.workflow.TaskCompletion;
import cn.hrss.assessment.workflow.Violations;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Issue 19 item 11: where the guidance says the applicant is told by phone (通过电话方式告知), the officer records
 * the call on the task (time and outcome), and the server checks it. For national employers 002 Annex 1 §一(十)2 (受理:
 * "在 10 个工作日内通过电话方式告知申报机构申报资料是否符合要求或补正相关材料") and §一(十四) (结果送达: "备案同意后，
 * 通过电话方式告知服务对象"). The guidance for social organisations (§二) and 人社鉴发〔2019〕3号 for provincial employers
 * say only "通知", so no call is required there.
 */
final class PhoneCalls {

  static final String AT = "phoneCallAt";
  static final String OUTCOME = "phoneCallOutcome";
  static final String NOTE = "phoneCallNote";
  /** INFORMED 已电话告知; NOT_REACHED 电话未接通（已以电子邮件告知）. */
  static final List<String> OUTCOMES = List.of("INFORMED", "NOT_REACHED");

  private PhoneCalls() {}

  /** Whether this completion must record a phone call. */
  static boolean required(String taskKey, Object institutionType, String decision) {
    if (!"NATIONAL_EMPLOYER".equals(institutionType == null ? null : institutionType.toString())) {
      return false;
    }
    return switch (taskKey) {
      case FilingProcess.Elements.REVIEW_COMPLETENESS -> decision != null; // §一(十)2: whatever the outcome
      case FilingProcess.Elements.DECIDE_FILING -> FilingProcess.Values.APPROVE.equals(decision); // §一(十四)
      default -> false;
    };
  }

  /** Checks the call: a time not in the future (engine clock), an outcome, a note of at most 500 characters. */
  static void check(TaskCompletion completion, Violations violations, String decision) {
    Object type = completion.existing().apply(FilingProcess.Vars.INSTITUTION_TYPE);
    if (!required(completion.taskDefinitionKey(), type, decision)) {
      return;
    }
    String source = FilingProcess.Elements.DECIDE_FILING.equals(completion.taskDefinitionKey())
        ? "002 附件1 §一(十四)" : "002 附件1 §一(十)2";
    Object at = completion.value(AT);
    if (!(at instanceof String text) || text.isBlank()) {
      violations.add(AT, "全国性用人单位须通过电话告知申报机构（" + source + "），请填写通话时间");
    } else {
      OffsetDateTime time = parse(text);
      if (time == null) {
        violations.add(AT, "通话时间格式无效（例如 2026-03-02T10:30）");
      } else if (time.toInstant().isAfter(ClockUtil.getCurrentTime().toInstant())) {
        violations.add(AT, "通话时间不能晚于当前时间");
      }
    }
    violations.oneOf(completion, OUTCOME, OUTCOMES);
    if (completion.value(NOTE) instanceof String note && note.length() > 500) {
      violations.add(NOTE, "通话记录不能超过 500 个字符");
    }
  }

  /** ISO date-time with an offset, or a local one read as Beijing time; null when neither. */
  static OffsetDateTime parse(String text) {
    try {
      return OffsetDateTime.parse(text.strip());
    } catch (DateTimeParseException e) {
      try {
        LocalDateTime local = LocalDateTime.parse(text.strip());
        return local.atZone(FilingService.CHINA).toOffsetDateTime();
      } catch (DateTimeParseException again) {
        return null;
      }
    }
  }
}
