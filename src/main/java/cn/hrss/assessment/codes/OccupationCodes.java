package cn.hrss.assessment.codes;

import java.util.regex.Pattern;

/**
 * Occupation codes of the 中华人民共和国职业分类大典 (2015/2022): {@code d-dd-dd-dd}, major category 1-8
 * (e.g. {@code 6-18-01-01} 车工).
 */
public final class OccupationCodes {

  private static final Pattern CODE = Pattern.compile("[1-8]-\\d{2}-\\d{2}-\\d{2}");
  private static final Pattern PREFIX = Pattern.compile("[1-8](-\\d{2}){0,3}");

  private OccupationCodes() {}

  public static boolean isValid(String code) {
    return code != null && CODE.matcher(code).matches();
  }

  /** A code or its leading groups ({@code 6}, {@code 6-18}, {@code 6-18-01}), for searching. */
  public static boolean isValidPrefix(String prefix) {
    return prefix != null && PREFIX.matcher(prefix).matches();
  }

  /** The major category (大类, 1-8); 002 Annex 1 §二(六) admits social organisations for categories 3-6 only. */
  public static int majorCategory(String code) {
    if (!isValid(code)) {
      throw new IllegalArgumentException("职业编码格式应为 d-dd-dd-dd：" + code);
    }
    return code.charAt(0) - '0';
  }

  /** True for a skill level of the certificate code: 1 高级技师 … 5 初级工 (001 人社鉴发〔2019〕2号 表 5). */
  public static boolean isValidLevel(Integer level) {
    return level != null && level >= 1 && level <= 5;
  }
}
