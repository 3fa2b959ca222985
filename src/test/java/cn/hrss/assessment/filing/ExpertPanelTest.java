package cn.hrss.assessment.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExpertPanelTest {

  static final List<String> EXPERTS = List.of("expert1", "expert2", "expert3", "expert4");
  static final List<String> FIVE = List.of("expert1", "expert2", "expert3", "expert4", "expert5");

  @Test
  void neverDrawsAnExpertWithTheApplicantsCreditCodeOrOrganisation() {
    List<ExpertPanel.Profile> profiles = List.of(new ExpertPanel.Profile("expert4", "某协会", "52410000MJ0000005N"),
        new ExpertPanel.Profile("expert2", "河南省 数控技能培训协会", null));
    for (int seed = 0; seed < 50; seed++) {
      ExpertPanel.Draw draw = ExpertPanel.draw(FIVE, profiles, "52410000MJ0000005N", "河南省数控技能培训协会", 3,
          new Random(seed));
      assertThat(draw.excluded()).containsExactly("expert2", "expert4");
      assertThat(draw.panel()).containsExactlyInAnyOrder("expert1", "expert3", "expert5");
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
  void aPanelNeverShrinksBelowThree() {
    // Issue 19 item 7: two of four experts conflicted → no panel of two; the case waits.
    List<ExpertPanel.Profile> profiles = List.of(new ExpertPanel.Profile("expert4", null, "C"),
        new ExpertPanel.Profile("expert2", null, "C"));
    assertThatThrownBy(() -> ExpertPanel.draw(EXPERTS, profiles, "C", "N", 3, new Random()))
        .isInstanceOfSatisfying(ExpertPanel.TooFewExperts.class, e -> {
          assertThat(e.draw().eligible()).containsExactly("expert1", "expert3");
          assertThat(e.draw().excluded()).containsExactly("expert2", "expert4");
        });
    assertThatThrownBy(() -> ExpertPanel.draw(List.of("expert4"), List.of(new ExpertPanel.Profile("expert4", null, "C")),
        "C", "N", 3, new Random())).isInstanceOf(ExpertPanel.TooFewExperts.class);
    // Three eligible of a configured five: a panel of three.
    assertThat(ExpertPanel.draw(List.of("a", "b", "c"), List.of(), "X", "Y", 5, new Random(1)).panel()).hasSize(3);
  }

  @Test
  void conflictsCoverTheApplicantsBranchesParentAndSisterOrganisations() {
    FilingApplication base = Applications.nationalEmployer();
    FilingApplication group = new FilingApplication(base.institutionType(), base.name(), base.creditCode(),
        base.organisationForm(), base.legalRepresentative(), base.province(), base.address(), base.contact(),
        base.occupations(), base.branches(), base.declarations(), "91110000MA00000080", List.of("91110000MA000001XA"));
    List<ExpertPanel.Profile> profiles = List.of(
        new ExpertPanel.Profile("expert1", "中国示例装备集团郑州分公司", Applications.BRANCH_HENAN_CODE),
        new ExpertPanel.Profile("expert2", "示例控股集团", "91110000MA00000080"),
        new ExpertPanel.Profile("expert3", "示例兄弟公司", "91110000MA000001XA"),
        new ExpertPanel.Profile("expert5", "无关单位", "91110000MA00000099"));
    List<String> experts = List.of("expert1", "expert2", "expert3", "expert4", "expert5", "expert6");
    ExpertPanel.Draw draw = ExpertPanel.draw(experts, profiles, group.groupCreditCodes(), List.of(group.name()), 3,
        new Random(7));
    assertThat(draw.excluded()).containsExactly("expert1", "expert2", "expert3");
    assertThat(draw.panel()).containsExactlyInAnyOrder("expert4", "expert5", "expert6");
  }

  @Test
  void majorityOfThePanelPasses() {
    assertThat(ExpertPanel.passes(List.of("PASS", "PASS", "FAIL"), 3)).isTrue();
    assertThat(ExpertPanel.passes(List.of("PASS", "FAIL", "FAIL"), 3)).isFalse();
    assertThat(ExpertPanel.passes(List.of("PASS", "PASS"), 4)).isFalse();
  }
}
