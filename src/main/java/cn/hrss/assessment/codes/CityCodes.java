package cn.hrss.assessment.codes;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * City-level codes (省直或市级代码) that a province puts in positions 8-9 of the filing code, where its own coding
 * rule says so. Only Henan has one in our sources: 001 豫职鉴〔2020〕2号 Annex 1 §二(四) 表 5 (positions 8-9: 00 省直,
 * 01 郑州市 … 28 新蔡县; positions 10-13 the site serial). The table is Henan's own, not GB/T 2260: 01-17 happen to
 * match the city digits of GB/T 2260 (4101 郑州 … 4117 驻马店), but 18 济源市 (GB/T 2260 419001) and 19-28, the
 * counties directly administered by the province (省直管县), do not, so the seed's table is the reference.
 */
public final class CityCodes {

  private static final Map<String, Map<String, String>> TABLES;

  static {
    Map<String, String> henan = new LinkedHashMap<>();
    String[] names = {"省直", "郑州市", "开封市", "洛阳市", "平顶山市", "安阳市", "鹤壁市", "新乡市", "焦作市", "濮阳市",
        "许昌市", "漯河市", "三门峡市", "南阳市", "商丘市", "信阳市", "周口市", "驻马店市", "济源市", "巩义市", "兰考县",
        "汝州市", "滑县", "长垣县", "邓州市", "永城市", "固始县", "鹿邑县", "新蔡县"};
    for (int i = 0; i < names.length; i++) {
      henan.put(String.format("%02d", i), names[i]);
    }
    TABLES = Map.of("41", Collections.unmodifiableMap(henan));
  }

  private CityCodes() {}

  /** Whether the province has a city-code table (so the city-code option can be switched on for it). */
  public static boolean hasTable(String province) {
    return TABLES.containsKey(province);
  }

  /** Whether {@code city} is in the province's table (false for a province without one). */
  public static boolean isValid(String province, String city) {
    return city != null && TABLES.getOrDefault(province, Map.of()).containsKey(city);
  }

  /** The Chinese name of the city code, or null. */
  public static String name(String province, String city) {
    return TABLES.getOrDefault(province, Map.of()).get(city);
  }

  /** The province's table, code → name, in table order (empty for a province without one). */
  public static Map<String, String> table(String province) {
    return TABLES.getOrDefault(province, Map.of());
  }
}
