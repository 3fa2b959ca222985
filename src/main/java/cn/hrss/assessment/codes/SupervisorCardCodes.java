package cn.hrss.assessment.codes;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Card codes of quality supervisors (001 人社职司便函〔2020〕53号 附件1《技能人才评价质量督导员证卡编码规则（试行）》).
 * <ul>
 *   <li>External supervisors (外督), 9 characters: {@code R} + the issuing HRSS department (2 digits: 00 the ministry,
 *       or a province code of its 表 3) + the year issued (2 digits) + a serial 0001-9999.</li>
 *   <li>Internal supervisors (内督), 13 characters: {@code H} (行业部门), {@code Y} (用人单位) or {@code S} (社会培训评价组织)
 *       + the issuing body (6 digits) + the year issued (2 digits) + a serial 0001-9999.</li>
 * </ul>
 */
public final class SupervisorCardCodes {

  private static final Pattern EXTERNAL = Pattern.compile("R(\\d{2})(\\d{2})(\\d{4})");
  private static final Pattern INTERNAL = Pattern.compile("([HYS])(\\d{6})(\\d{2})(\\d{4})");

  private SupervisorCardCodes() {}

  /** Why {@code code} is not a supervisor card code, in Chinese; empty when it is one. */
  public static Optional<String> problem(String code) {
    if (code == null || code.isBlank()) {
      return Optional.of("必填");
    }
    Matcher external = EXTERNAL.matcher(code);
    if (external.matches()) {
      String issuer = external.group(1);
      if (!issuer.equals("00") && !Provinces.isValid(issuer)) {
        return Optional.of("外督证卡第 2-3 位须为人力资源社会保障部（00）或省级部门代码，" + issuer + " 不是");
      }
      return serial(external.group(3));
    }
    Matcher internal = INTERNAL.matcher(code);
    if (internal.matches()) {
      return serial(internal.group(4));
    }
    return Optional.of("督导员证卡编码应为 R + 8 位数字（外督）或 H/Y/S + 12 位数字（内督）");
  }

  public static boolean isValid(String code) {
    return problem(code).isEmpty();
  }

  /** Whether the card is an external supervisor's (外督). */
  public static boolean isExternal(String code) {
    return code != null && EXTERNAL.matcher(code).matches();
  }

  private static Optional<String> serial(String serial) {
    return "0000".equals(serial) ? Optional.of("证卡序列码须在 0001 至 9999 之间") : Optional.empty();
  }
}
