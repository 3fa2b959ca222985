package cn.hrss.assessment.codes;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Province-level codes (省级代码) of GB/T 2260 as tabled in 001 人社鉴发〔2019〕2号 Annex 1 §二(三) 表 4,
 * positions 6-7 of the certificate code (DOMAIN.md §3.5). 66 新疆生产建设兵团 is in that table too.
 */
public final class Provinces {

  private static final Map<String, String> NAMES;

  static {
    Map<String, String> names = new LinkedHashMap<>();
    names.put("11", "北京市");
    names.put("12", "天津市");
    names.put("13", "河北省");
    names.put("14", "山西省");
    names.put("15", "内蒙古自治区");
    names.put("21", "辽宁省");
    names.put("22", "吉林省");
    names.put("23", "黑龙江省");
    names.put("31", "上海市");
    names.put("32", "江苏省");
    names.put("33", "浙江省");
    names.put("34", "安徽省");
    names.put("35", "福建省");
    names.put("36", "江西省");
    names.put("37", "山东省");
    names.put("41", "河南省");
    names.put("42", "湖北省");
    names.put("43", "湖南省");
    names.put("44", "广东省");
    names.put("45", "广西壮族自治区");
    names.put("46", "海南省");
    names.put("50", "重庆市");
    names.put("51", "四川省");
    names.put("52", "贵州省");
    names.put("53", "云南省");
    names.put("54", "西藏自治区");
    names.put("61", "陕西省");
    names.put("62", "甘肃省");
    names.put("63", "青海省");
    names.put("64", "宁夏回族自治区");
    names.put("65", "新疆维吾尔自治区");
    names.put("66", "新疆生产建设兵团");
    names.put("71", "台湾省");
    names.put("81", "香港特别行政区");
    names.put("82", "澳门特别行政区");
    NAMES = Collections.unmodifiableMap(names);
  }

  private Provinces() {}

  public static boolean isValid(String code) {
    return code != null && NAMES.containsKey(code);
  }

  /** The Chinese name of a province code; {@link IllegalArgumentException} for an unknown code. */
  public static String name(String code) {
    String name = code == null ? null : NAMES.get(code);
    if (name == null) {
      throw new IllegalArgumentException("未知的省级代码：" + code);
    }
    return name;
  }

  public static Optional<String> nameOf(String code) {
    return Optional.ofNullable(code == null ? null : NAMES.get(code));
  }

  /** Code → name, in the order of the source table. */
  public static Map<String, String> all() {
    return NAMES;
  }
}
