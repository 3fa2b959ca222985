package cn.hrss.assessment.codes;

import java.util.ArrayList;
import java.util.List;

/**
 * The institution (site) filing code (机构备案码): positions 1-13 of the certificate code of
 * 001 人社鉴发〔2019〕2号 Annex 1, assigned by HRSS departments (DOMAIN.md §3.5).
 *
 * @param category Y (用人单位) or S (社会培训评价组织), position 1
 * @param institutionCode 4 digits, positions 2-5: 0001-9999 if filed first with the ministry, 0000 if with a province
 * @param province GB/T 2260 province code of the institution (site), positions 6-7
 * @param siteSerial 6 digits, positions 8-13, assigned by the province
 */
public record FilingCode(String category, String institutionCode, String province, String siteSerial) {

  public static final int LENGTH = 13;
  /** Positions 2-5 of an institution filed first with a province (表 3). */
  public static final String PROVINCE_FILED = "0000";

  public FilingCode {
    List<String> problems = problems(category, institutionCode, province, siteSerial);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("备案编码无效：" + String.join("；", problems));
    }
  }

  /** Builds a code from numbers: {@code ministryNumber} 0 for a province-filed institution (0000). */
  public static FilingCode of(String category, int ministryNumber, String province, int siteSerial) {
    return new FilingCode(category, String.format("%04d", ministryNumber), province, String.format("%06d", siteSerial));
  }

  /** Parses a 13-character code; {@link IllegalArgumentException} with a Chinese message naming every problem. */
  public static FilingCode parse(String code) {
    if (code == null || code.length() != LENGTH) {
      throw new IllegalArgumentException("备案编码应为 13 位（1 位字母 + 12 位数字）：" + code);
    }
    return new FilingCode(code.substring(0, 1), code.substring(1, 5), code.substring(5, 7), code.substring(7, 13));
  }

  /**
   * Builds a code whose positions 8-13 are the city code (8-9) and a 4-digit serial (10-13), for a province that codes
   * its sites by city (001 豫职鉴〔2020〕2号 Annex 1 §二(四)-(五), e.g. {@code Y0000411 2XXXX} for 三门峡市).
   *
   * @throws IllegalArgumentException when the city is not in the province's table or the serial not 1-9999
   */
  public static FilingCode withCity(String category, int ministryNumber, String province, String cityCode, int serial) {
    if (!CityCodes.isValid(province, cityCode)) {
      throw new IllegalArgumentException("备案编码无效：第 8-9 位市级代码 " + cityCode + " 不在"
          + (Provinces.isValid(province) ? Provinces.name(province) : province) + "的省直和市级代码表中");
    }
    if (serial < 1 || serial > 9999) {
      throw new IllegalArgumentException("备案编码无效：第 10-13 位评价机构（站点）序列码应为 0001-9999");
    }
    return new FilingCode(category, String.format("%04d", ministryNumber), province, cityCode + String.format("%04d", serial));
  }

  public static boolean isValid(String code) {
    return validate(code).isEmpty();
  }

  /** Every problem of {@code code}, in Chinese; empty when it is a valid filing code. */
  public static List<String> validate(String code) {
    if (code == null || code.length() != LENGTH) {
      return List.of("备案编码应为 13 位（1 位字母 + 12 位数字）");
    }
    return problems(code.substring(0, 1), code.substring(1, 5), code.substring(5, 7), code.substring(7, 13));
  }

  public boolean ministryFiled() {
    return !PROVINCE_FILED.equals(institutionCode);
  }

  public String value() {
    return category + institutionCode + province + siteSerial;
  }

  @Override
  public String toString() {
    return value();
  }

  static List<String> problems(String category, String institutionCode, String province, String siteSerial) {
    List<String> problems = new ArrayList<>();
    if (!"Y".equals(category) && !"S".equals(category)) {
      problems.add("第 1 位评价机构类别代码应为 Y（用人单位）或 S（社会培训评价组织）");
    }
    if (!digits(institutionCode, 4)) {
      problems.add("第 2-5 位评价机构代码应为 4 位数字（部备案 0001-9999，省备案 0000）");
    }
    if (!Provinces.isValid(province)) {
      problems.add("第 6-7 位省级代码不在 GB/T 2260 省级代码表中");
    }
    if (!digits(siteSerial, 6) || "000000".equals(siteSerial)) {
      problems.add("第 8-13 位评价机构（站点）序列码应为 6 位数字，且不为 000000");
    }
    return problems;
  }

  static boolean digits(String s, int length) {
    if (s == null || s.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
