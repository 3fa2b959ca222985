package cn.hrss.assessment.supervision;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A supervision scorecard of 003 (data in {@code supervision/scorecard-*.json}, served by {@code GET /api/scorecards/{kind}}):
 * its items with their maximum points, grouped by section (the stage 考前/考中/考后 of Annex 1, the first-level
 * indicator of Annex 2). Scoring rule of both annexes: "符合" full points, "基本符合" some, "不符合" 0.
 */
public record Scorecard(String kind, String title, String source, String note, Map<String, Integer> sectionTotals,
    List<Item> items) {

  public Scorecard {
    sectionTotals = Map.copyOf(sectionTotals);
    items = List.copyOf(items);
  }

  /** One scored row. */
  public record Item(String id, String section, String indicator, String criterion, int maxPoints) {}

  /** The most a supervision can score: 100 for both annexes. */
  public int maxTotal() {
    return items.stream().mapToInt(Item::maxPoints).sum();
  }

  /** The sum of the items' maxima per section, in the order of the items. */
  public Map<String, Integer> computedSectionTotals() {
    Map<String, Integer> totals = new LinkedHashMap<>();
    items.forEach(item -> totals.merge(item.section(), item.maxPoints(), Integer::sum));
    return totals;
  }

  /**
   * Checks a filled scorecard (item id → points): every item scored, none unknown, each 0 ≤ points ≤ its maximum,
   * at most one decimal (a supervisor may give half points for "基本符合"). Returns the problems, in Chinese, each
   * naming its item; empty when the card is complete and valid.
   */
  public List<String> problems(Map<String, ? extends Number> scores) {
    List<String> problems = new ArrayList<>();
    Map<String, Item> byId = new LinkedHashMap<>();
    items.forEach(item -> byId.put(item.id(), item));
    scores.keySet().stream().filter(id -> !byId.containsKey(id)).sorted()
        .forEach(id -> problems.add("评分项 " + id + " 不在本评分表中"));
    for (Item item : items) {
      Number points = scores.get(item.id());
      if (points == null) {
        problems.add("评分项 " + item.id() + "（" + item.indicator() + "）未评分");
        continue;
      }
      BigDecimal value = new BigDecimal(points.toString());
      if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(item.maxPoints())) > 0) {
        problems.add("评分项 " + item.id() + "（" + item.indicator() + "）得分须在 0 至 " + item.maxPoints() + " 分之间");
      } else if (value.stripTrailingZeros().scale() > 1) {
        problems.add("评分项 " + item.id() + " 得分最多保留一位小数");
      }
    }
    return problems;
  }

  /** The total of a valid filled scorecard (see {@link #problems}). */
  public BigDecimal total(Map<String, ? extends Number> scores) {
    List<String> problems = problems(scores);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("；", problems));
    }
    return items.stream().map(item -> new BigDecimal(scores.get(item.id()).toString()))
        .reduce(BigDecimal.ZERO, BigDecimal::add).stripTrailingZeros();
  }
}
