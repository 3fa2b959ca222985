package cn.hrss.assessment.supervision;

import cn.hrss.assessment.supervision.QualitySupervisionProcess.Vars;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A member's filled scorecard as a completion of {@code Task_ScoreSupervision} submits it: either the contract's
 * {@code scores} (a String holding a JSON object item id → points, what API clients send) or the generated form's
 * per-item number fields {@code score_A01} … (what Tasklist sends; {@link ScoreForms}). Both are read into one map
 * item id → points and checked against the card ({@link Scorecard#problems}).
 */
record ScoreSheet(Map<String, BigDecimal> points, List<String> problems) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static ScoreSheet read(Map<String, Object> submitted, Scorecard card) {
    List<String> problems = new ArrayList<>();
    Map<String, BigDecimal> points = new LinkedHashMap<>();
    Object json = submitted.get(Vars.SCORES);
    boolean hasItems = submitted.keySet().stream().anyMatch(k -> k.startsWith(Vars.ITEM_PREFIX));
    if (json != null && hasItems) {
      problems.add("请只以一种方式提交评分：scores（JSON）或各评分项字段，不可同时提交");
      return new ScoreSheet(points, problems);
    }
    if (json != null) {
      readJson(json, points, problems);
    } else if (hasItems) {
      submitted.forEach((key, value) -> {
        if (key.startsWith(Vars.ITEM_PREFIX)) {
          String id = key.substring(Vars.ITEM_PREFIX.length());
          BigDecimal number = number(value);
          if (number == null) {
            problems.add("评分项 " + id + " 的得分必须是数字");
          } else {
            points.put(id, number);
          }
        }
      });
    } else {
      problems.add("必填：评分表的每一项得分");
      return new ScoreSheet(points, problems);
    }
    if (problems.isEmpty()) {
      problems.addAll(card.problems(points));
    }
    return new ScoreSheet(points, problems);
  }

  private static void readJson(Object value, Map<String, BigDecimal> points, List<String> problems) {
    if (!(value instanceof String text)) {
      problems.add("必须是文本，内容为 JSON 对象（评分项编号 → 得分）");
      return;
    }
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      problems.add("不是有效的 JSON 对象（评分项编号 → 得分）");
      return;
    }
    if (node == null || !node.isObject()) {
      problems.add("必须是 JSON 对象（评分项编号 → 得分）");
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isNumber()) {
        problems.add("评分项 " + e.getKey() + " 的得分必须是数字");
      } else {
        points.put(e.getKey(), e.getValue().decimalValue());
      }
    }
  }

  /** A submitted number (Long, Double … from a form, or a numeric string), or null. */
  static BigDecimal number(Object value) {
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return Double.isFinite(d) ? new BigDecimal(Double.toString(d)) : null;
    }
    if (value instanceof String s && s.strip().matches("-?\\d{1,3}(\\.\\d{1,6})?")) {
      return new BigDecimal(s.strip());
    }
    return null;
  }

  /** The sum of the points (a valid sheet). */
  BigDecimal total() {
    return points.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).stripTrailingZeros();
  }

  /** The points as the contract's {@code scores}: a JSON object in the card's item order. */
  String json(Scorecard card) {
    ObjectNode node = JSON.createObjectNode();
    card.items().forEach(item -> node.put(item.id(), points.get(item.id())));
    return node.toString();
  }
}
