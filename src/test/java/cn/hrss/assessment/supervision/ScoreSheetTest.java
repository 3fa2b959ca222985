package cn.hrss.assessment.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A member's scorecard read from the form's fields or the contract's {@code scores}, checked and totalled. */
class ScoreSheetTest {

  private final Scorecard card = new Scorecards(new ObjectMapper()).find(Scorecards.QUESTION_SETTING).orElseThrow();

  @Test
  void theFormsFieldsAndTheJsonGiveTheSameTotal() {
    Map<String, Object> fields = new HashMap<>();
    Map<String, Object> json = new LinkedHashMap<>();
    card.items().forEach(item -> {
      fields.put("score_" + item.id(), (long) item.maxPoints());
      json.put(item.id(), item.maxPoints());
    });
    fields.put("score_P01", 2.5d); // a half point for 基本符合 (P01 has 5)
    json.put("P01", 2.5);
    ScoreSheet fromForm = ScoreSheet.read(fields, card);
    ScoreSheet fromJson = ScoreSheet.read(Map.of("scores", toJson(json)), card);
    assertThat(fromForm.problems()).isEmpty();
    assertThat(fromJson.problems()).isEmpty();
    assertThat(fromForm.total()).isEqualByComparingTo("97.5");
    assertThat(fromJson.total()).isEqualByComparingTo(new BigDecimal("97.5"));
    assertThat(fromForm.json(card)).isEqualTo(fromJson.json(card)).startsWith("{\"P01\":2.5,");
  }

  @Test
  void anItemAboveItsMaximumAMissingItemAndAnUnknownItemAreNamed() {
    Map<String, Object> json = new LinkedHashMap<>();
    card.items().forEach(item -> json.put(item.id(), item.maxPoints()));
    json.put("P01", 6);      // max 5
    json.remove("P02");      // missing
    json.put("X99", 1);      // not on the card
    assertThat(ScoreSheet.read(Map.of("scores", toJson(json)), card).problems())
        .anySatisfy(p -> assertThat(p).contains("P01").contains("0 至 5 分"))
        .anySatisfy(p -> assertThat(p).contains("P02").contains("未评分"))
        .anySatisfy(p -> assertThat(p).contains("X99").contains("不在本评分表中"));
  }

  @Test
  void notJsonTextAndBothWaysAtOnceAreRefused() {
    assertThat(ScoreSheet.read(Map.of("scores", "{broken"), card).problems()).singleElement().asString().contains("JSON");
    assertThat(ScoreSheet.read(Map.of("scores", "{\"P01\":\"五\"}"), card).problems()).first().asString().contains("数字");
    assertThat(ScoreSheet.read(Map.of("scores", "{}", "score_P01", 1L), card).problems()).singleElement().asString()
        .contains("只以一种方式");
    assertThat(ScoreSheet.read(Map.of(), card).problems()).singleElement().asString().contains("必填");
  }

  private static String toJson(Object value) {
    try {
      return new ObjectMapper().writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
