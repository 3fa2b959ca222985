package cn.hrss.assessment.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExpertPanelTest {

  static final List<String> EXPERTS = List.of("expert1", "expert2", "expert3", "expert4");

  @Test
  void neverDrawsAnExpertWithTheApplicantsCreditCodeOrOrganisation() {
    List<ExpertPanel.Profile> profiles = List.of(new ExpertPanel.Profile("expert4", "某协会", "52410000MJ0000005N"),
        new ExpertPanel.Profile("expert2", "河南省 数控技能培训协会", null));
    for (int seed = 0; seed < 50; seed++) {
      ExpertPanel.Draw draw = ExpertPanel.draw(EXPERTS, profiles, "52410000MJ0000005N", "河南省数控技能培训协会", 3,
          new Random(seed));
      assertThat(draw.excluded()).containsExactly("expert2", "expert4");
      assertThat(draw.panel()).containsExactlyInAnyOrder("expert1", "expert3");
    }
  }

  @Test
  void drawsTheConfiguredNumberAtRandom() {
    ExpertPanel.Draw a = ExpertPanel.draw(EXPERTS, List.of(), "X", "Y", 3, new Random(1));
    assertThat(a.panel()).hasSize(3).doesNotHaveDuplicates().isSubsetOf(EXPERTS);
    assertThat(a.eligible()).containsExactlyElementsOf(EXPERTS);
    Random random = new Random(42);
    long distinctPanels = java.util.stream.IntStream.range(0, 40)
        .mapToObj(i -> ExpertPanel.draw(EXPERTS, List.of(), "X", "Y", 3, random).panel().stream().sorted().toList())
        .distinct().count();
    assertThat(distinctPanels).isGreaterThan(1);
  }

  @Test
  void failsWhenNobodyIsEligible() {
    assertThatThrownBy(() -> ExpertPanel.draw(List.of("expert4"), List.of(new ExpertPanel.Profile("expert4", null, "C")),
        "C", "N", 3, new Random())).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void majorityOfThePanelPasses() {
    assertThat(ExpertPanel.passes(List.of("PASS", "PASS", "FAIL"), 3)).isTrue();
    assertThat(ExpertPanel.passes(List.of("PASS", "FAIL", "FAIL"), 3)).isFalse();
    assertThat(ExpertPanel.passes(List.of("PASS", "PASS"), 4)).isFalse();
  }
}
