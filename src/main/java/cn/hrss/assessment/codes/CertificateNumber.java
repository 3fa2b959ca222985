package cn.hrss.assessment.codes;

import java.util.ArrayList;
import java.util.List;

/**
 * The 22-character skill-level certificate code (职业技能等级证书编码) of 001 人社鉴发〔2019〕2号 Annex 1:
 * positions 1-13 the institution's {@link FilingCode} (assigned by HRSS), 14-15 year of issue,
 * 16 skill level (1 高级技师 … 5 初级工), 17-22 serial 000001-999999 per year and level (assigned by the
 * institution). Example 1 of the source: {@code Y000123XXXXXX195000001}.
 *
 * @param filingCode positions 1-13
 * @param year two-digit year of issue, 0-99 (position 14-15: "取公元纪年后两位")
 * @param level 1-5
 * @param serial 1-999999
 */
public record CertificateNumber(FilingCode filingCode, int year, int level, int serial) {

  public static final int LENGTH = 22;
  public static final int MAX_SERIAL = 999_999;

  public CertificateNumber {
    List<String> problems = new ArrayList<>();
    if (filingCode == null) {
      problems.add("缺少评价机构备案编码（第 1-13 位）");
    }
    problems.addAll(issuerProblems(year, level, serial));
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("证书编码无效：" + String.join("；", problems));
    }
  }

  /** Builds the code; {@code yearOfIssue} is the full year (2026) or its last two digits (26). */
  public static CertificateNumber of(String filingCode, int yearOfIssue, int level, int serial) {
    int year = yearOfIssue >= 100 ? yearOfIssue % 100 : yearOfIssue;
    if (yearOfIssue < 0 || yearOfIssue > 9999) {
      throw new IllegalArgumentException("证书编码无效：核发年份不正确：" + yearOfIssue);
    }
    return new CertificateNumber(FilingCode.parse(filingCode), year, level, serial);
  }

  /** Parses a 22-character code; {@link IllegalArgumentException} with a Chinese message naming every problem. */
  public static CertificateNumber parse(String code) {
    List<String> problems = validate(code);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("证书编码无效：" + String.join("；", problems));
    }
    return new CertificateNumber(
        FilingCode.parse(code.substring(0, 13)),
        Integer.parseInt(code.substring(13, 15)),
        code.charAt(15) - '0',
        Integer.parseInt(code.substring(16, 22)));
  }

  public static boolean isValid(String code) {
    return validate(code).isEmpty();
  }

  /** Every problem of {@code code}, in Chinese; empty when it is a valid certificate code. */
  public static List<String> validate(String code) {
    if (code == null || code.length() != LENGTH) {
      return List.of("证书编码应为 22 位（1 位大写字母 + 21 位数字）");
    }
    List<String> problems = new ArrayList<>(FilingCode.validate(code.substring(0, 13)));
    if (!FilingCode.digits(code.substring(13, 15), 2)) {
      problems.add("第 14-15 位证书核发年份代码应为 2 位数字");
    }
    char level = code.charAt(15);
    if (level < '1' || level > '5') {
      problems.add("第 16 位职业技能等级代码应为 1-5（1 高级技师、2 技师、3 高级工、4 中级工、5 初级工）");
    }
    String serial = code.substring(16, 22);
    if (!FilingCode.digits(serial, 6) || "000000".equals(serial)) {
      problems.add("第 17-22 位证书序列码应为 000001-999999");
    }
    return problems;
  }

  public String value() {
    return filingCode.value() + String.format("%02d%d%06d", year, level, serial);
  }

  @Override
  public String toString() {
    return value();
  }

  private static List<String> issuerProblems(int year, int level, int serial) {
    List<String> problems = new ArrayList<>();
    if (year < 0 || year > 99) {
      problems.add("第 14-15 位证书核发年份代码应为 00-99");
    }
    if (level < 1 || level > 5) {
      problems.add("第 16 位职业技能等级代码应为 1-5（1 高级技师、2 技师、3 高级工、4 中级工、5 初级工）");
    }
    if (serial < 1 || serial > MAX_SERIAL) {
      problems.add("第 17-22 位证书序列码应为 000001-999999");
    }
    return problems;
  }
}
