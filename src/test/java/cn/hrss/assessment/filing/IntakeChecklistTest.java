package cn.hrss.assessment.filing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The conditions and prohibitions checklist (issue 19 items 1-2) and the officer's form that confirms it. */
class IntakeChecklistTest {

  @Test
  void everyTypeHasTheConditionsOfItsGuidanceEachCitingItsSource() {
    // 002 Annex 1 §一(六) five conditions; §二(五) (condition 1 in two items) and §二(七) six prohibitions;
    // 人社鉴发〔2019〕3号 §二1 for provincial employers.
    assertThat(IntakeChecklist.conditions("NATIONAL_EMPLOYER")).hasSize(5)
        .allSatisfy(i -> assertThat(i.source()).startsWith("002 附件1 §一(六)"));
    assertThat(IntakeChecklist.conditions("SOCIAL_ORG")).hasSize(6)
        .allSatisfy(i -> assertThat(i.source()).startsWith("002 附件1 §二(五)"));
    assertThat(IntakeChecklist.forType("SOCIAL_ORG")).filteredOn(i -> i.kind() == IntakeChecklist.Kind.PROHIBITION)
        .hasSize(6).allSatisfy(i -> assertThat(i.source()).startsWith("002 附件1 §二(七)"))
        .anySatisfy(i -> assertThat(i.text()).contains("未与政府部门脱钩的社会团体"));
    assertThat(IntakeChecklist.conditions("SOCIAL_ORG")).anySatisfy(i -> assertThat(i.text()).contains("视频监控设备"))
        .anySatisfy(i -> assertThat(i.text()).contains("不以营利为最终目的"));
    // §一(七) 禁止性规定：无.
    assertThat(IntakeChecklist.forType("NATIONAL_EMPLOYER")).noneMatch(i -> i.kind() == IntakeChecklist.Kind.PROHIBITION);
    assertThat(IntakeChecklist.forType("PROVINCIAL_EMPLOYER")).first()
        .satisfies(i -> assertThat(i.source()).contains("人社鉴发〔2019〕3号 §二1"));
  }

  @Test
  void theOfficersFormHasACheckboxForEveryItemShownOnlyForItsType() throws Exception {
    JsonNode form = new ObjectMapper().readTree(Path.of("forms/Form_ReviewCompleteness.form").toFile());
    Map<String, JsonNode> byKey = new HashMap<>();
    form.get("components").forEach(c -> {
      if (c.has("key")) {
        byKey.put(c.get("key").asText(), c);
      }
    });
    for (IntakeChecklist.Item item : IntakeChecklist.ITEMS) {
      JsonNode box = byKey.get(item.confirmKey());
      assertThat(box).as(item.confirmKey()).isNotNull();
      assertThat(box.get("type").asText()).isEqualTo("checkbox");
      assertThat(box.get("label").asText()).contains(item.text(), item.source());
      assertThat(box.at("/conditional/hide").asText()).isEqualTo("=not(institutionType = \"" + item.institutionType() + "\")");
    }
    assertThat(byKey.keySet().stream().filter(k -> k.startsWith("confirm_")).toList())
        .hasSize(IntakeChecklist.ITEMS.size());
  }

  @Test
  void anAcceptanceNeedsEveryItemOfTheTypeConfirmed() {
    FilingCompletionRule rule = new FilingCompletionRule();
    Map<String, Object> accepted = new HashMap<>(Applications.acceptance());
    assertThat(check(rule, accepted, "SOCIAL_ORG")).isEmpty();
    accepted.put("confirm_SO_P1", false);
    accepted.remove("confirm_SO_C4");
    assertThat(check(rule, accepted, "SOCIAL_ORG")).hasSize(2)
        .anySatisfy(m -> assertThat(m).startsWith("confirm_SO_P1").contains("未与政府部门脱钩的社会团体"))
        .anySatisfy(m -> assertThat(m).startsWith("confirm_SO_C4").contains("§二(五)3"));
    // Another type's items do not count: a national employer needs NE_C1-5 only.
    assertThat(check(rule, accepted, "NATIONAL_EMPLOYER")).isEmpty();
    // An unconfirmed item is answered by a supplement request or a refusal, with its comment.
    assertThat(check(rule, Map.of("acceptanceDecision", "REQUEST_SUPPLEMENT", "acceptanceComment", "请补充视频监控设备清单"),
        "SOCIAL_ORG")).isEmpty();
    assertThat(check(rule, Map.of("acceptanceDecision", "REJECT"), "SOCIAL_ORG")).singleElement().asString()
        .startsWith("acceptanceComment");
  }

  private static List<String> check(FilingCompletionRule rule, Map<String, Object> submitted, String type) {
    cn.hrss.assessment.workflow.Violations violations = new cn.hrss.assessment.workflow.Violations();
    Map<String, Object> existing = Map.of(FilingProcess.Vars.INSTITUTION_TYPE, type);
    rule.check(new cn.hrss.assessment.workflow.TaskCompletion("t1", FilingProcess.Elements.REVIEW_COMPLETENESS,
        FilingProcess.KEY, "p1", "BA2026000001", "officer", submitted, existing::get), violations);
    return violations.messages();
  }
}
