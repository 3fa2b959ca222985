package cn.hrss.assessment.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scorecards of 003 as data: their totals, and the checks and total of a filled card. */
class ScorecardsTest {

  private final Scorecards scorecards = new Scorecards(new ObjectMapper());

  @Test
  void theOnSiteCardOfAnnex1Scores28Then52Then20_100InAll() {
    Scorecard card = scorecards.find(Scorecards.ON_SITE).orElseThrow();
    // 003 Annex 1: 考前 (28分), 考中 (52分), 考后 (20分); 内部督导 (6分) belongs to 考中 although the PDF prints it after.
    assertThat(card.computedSectionTotals()).containsExactly(Map.entry("考前", 28), Map.entry("考中", 52), Map.entry("考后", 20));
    assertThat(card.maxTotal()).isEqualTo(100);
    assertThat(card.items()).hasSize(42);
    assertThat(card.items()).filteredOn(item -> item.indicator().startsWith("内部督导")).extracting(Scorecard.Item::section)
        .containsOnly("考中");
    assertThat(card.source()).contains("003").contains("附件1");
  }

  @Test
  void theQuestionSettingCardOfAnnex2HasFourSectionsOf25() {
    Scorecard card = scorecards.find(Scorecards.QUESTION_SETTING).orElseThrow();
    assertThat(card.computedSectionTotals().values()).containsExactly(25, 25, 25, 25);
    assertThat(card.computedSectionTotals().keySet())
        .containsExactly("命题管理的规范性", "考评蓝图的合理性", "试题试卷的科学性", "题库卷库的完备性");
    assertThat(card.items()).hasSize(24);
    assertThat(card.source()).contains("附件2");
  }

  @Test
  void aFilledCardIsTotalledWhenEveryItemIsScoredWithinItsMaximum() {
    Scorecard card = scorecards.find(Scorecards.ON_SITE).orElseThrow();
    Map<String, Number> full = new HashMap<>();
    card.items().forEach(item -> full.put(item.id(), item.maxPoints()));
    assertThat(card.total(full)).isEqualByComparingTo("100");
    assertThat(card.items()).filteredOn(item -> item.id().equals("B14")).singleElement()
        .satisfies(item -> assertThat(item.criterion()).isEqualTo("严格按照评分标准逐项评分。"));
    full.put("A18", 2.5); // 报名人员资质, 5 points: "基本符合"
    full.put("B14", 0); // 严格按照评分标准逐项评分, 5 points: "不符合"
    assertThat(card.total(full)).isEqualByComparingTo(new BigDecimal("92.5"));
  }

  @Test
  void aCardWithAMissingUnknownOrExcessiveScoreIsRefusedNamingTheItem() {
    Scorecard card = scorecards.find(Scorecards.QUESTION_SETTING).orElseThrow();
    Map<String, Number> scores = new HashMap<>();
    card.items().forEach(item -> scores.put(item.id(), item.maxPoints()));
    scores.remove("P02");
    scores.put("P01", 6); // max 5
    scores.put("Q03", -1);
    scores.put("Q04", 1.25);
    scores.put("X99", 1);
    List<String> problems = card.problems(scores);
    assertThat(problems).hasSize(5);
    assertThat(String.join("\n", problems)).contains("X99 不在本评分表中", "P02", "未评分", "P01", "0 至 5 分", "Q03", "Q04", "一位小数");
    assertThatThrownBy(() -> card.total(scores)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCardWhoseRowsDoNotAddUpToItsStatedTotalsStopsTheStart() {
    Scorecard wrong = new Scorecard("ON_SITE", "t", "003", "", Map.of("考前", 28, "考中", 52, "考后", 20),
        List.of(new Scorecard.Item("A01", "考前", "x", "y", 28), new Scorecard.Item("B01", "考中", "x", "y", 46),
            new Scorecard.Item("C01", "考后", "x", "y", 26)));
    assertThatThrownBy(() -> Scorecards.check(wrong, "test")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("考中=46");
  }

  @Test
  void gradesFollow003Annex1AndASeriousViolationFailsWhateverTheScore() {
    assertThat(SupervisionGrade.of(new BigDecimal("85"), false)).isEqualTo(SupervisionGrade.EXCELLENT);
    assertThat(SupervisionGrade.of(new BigDecimal("84.5"), false)).isEqualTo(SupervisionGrade.PASS);
    assertThat(SupervisionGrade.of(new BigDecimal("60"), false)).isEqualTo(SupervisionGrade.PASS);
    assertThat(SupervisionGrade.of(new BigDecimal("59.5"), false)).isEqualTo(SupervisionGrade.FAIL);
    assertThat(SupervisionGrade.of(new BigDecimal("100"), true)).isEqualTo(SupervisionGrade.FAIL);
  }
}
