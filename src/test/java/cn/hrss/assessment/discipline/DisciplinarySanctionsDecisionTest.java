package cn.hrss.assessment.discipline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sanctions table against the regulation, item by item: every item of 002 Annex 2 Art. 5-15 (and the
 * serious acts of 000 §三 folded into Art. 14) with the sanctions the text prescribes. First column = source.
 */
class DisciplinarySanctionsDecisionTest {

  private static DmnEngine engine;
  private static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = DisciplinarySanctionsDecisionTest.class.getResourceAsStream("/processes/DisciplinarySanctions.dmn")) {
      decision = engine.parseDecision("DisciplinarySanctions", in);
    }
  }

  @ParameterizedTest(name = "{0} → {6}")
  @CsvSource(nullValues = "", value = {
      "002 Annex 2 Art. 5(1), CANDIDATE, 5, 1, , , CANCEL_SUBJECT_SCORE",
      "002 Annex 2 Art. 5(2), CANDIDATE, 5, 2, , , CANCEL_SUBJECT_SCORE",
      "002 Annex 2 Art. 5(3), CANDIDATE, 5, 3, , , CANCEL_SUBJECT_SCORE",
      "002 Annex 2 Art. 5(4), CANDIDATE, 5, 4, , , CANCEL_SUBJECT_SCORE",
      "002 Annex 2 Art. 6(1), CANDIDATE, 6, 1, , , CANCEL_ALL_SCORES BAN_CURRENT_YEAR",
      "002 Annex 2 Art. 6(2), CANDIDATE, 6, 2, , , CANCEL_ALL_SCORES BAN_CURRENT_YEAR",
      "002 Annex 2 Art. 6(3), CANDIDATE, 6, 3, , , CANCEL_ALL_SCORES BAN_CURRENT_YEAR",
      "002 Annex 2 Art. 6(4), CANDIDATE, 6, 4, , , CANCEL_ALL_SCORES BAN_CURRENT_YEAR",
      "002 Annex 2 Art. 6(5), CANDIDATE, 6, 5, , , CANCEL_ALL_SCORES BAN_CURRENT_YEAR",
      "002 Annex 2 Art. 7(1); minor, CANDIDATE, 7, 1, MINOR, , CANCEL_ALL_SCORES BAN_2_YEARS",
      "002 Annex 2 Art. 7(1); serious, CANDIDATE, 7, 1, SERIOUS, , CANCEL_ALL_SCORES BAN_5_YEARS REFERRAL",
      "002 Annex 2 Art. 7(2); minor, CANDIDATE, 7, 2, MINOR, , CANCEL_ALL_SCORES BAN_2_YEARS",
      "002 Annex 2 Art. 7(2); serious, CANDIDATE, 7, 2, SERIOUS, , CANCEL_ALL_SCORES BAN_5_YEARS REFERRAL",
      "002 Annex 2 Art. 7(3); minor, CANDIDATE, 7, 3, MINOR, , CANCEL_ALL_SCORES BAN_2_YEARS",
      "002 Annex 2 Art. 7(3); serious, CANDIDATE, 7, 3, SERIOUS, , CANCEL_ALL_SCORES BAN_5_YEARS REFERRAL",
      "002 Annex 2 Art. 7(4); minor, CANDIDATE, 7, 4, MINOR, , CANCEL_ALL_SCORES BAN_2_YEARS",
      "002 Annex 2 Art. 7(4); serious, CANDIDATE, 7, 4, SERIOUS, , CANCEL_ALL_SCORES BAN_5_YEARS REFERRAL",
      "002 Annex 2 Art. 7(5); minor, CANDIDATE, 7, 5, MINOR, , CANCEL_ALL_SCORES BAN_2_YEARS",
      "002 Annex 2 Art. 7(5); serious, CANDIDATE, 7, 5, SERIOUS, , CANCEL_ALL_SCORES BAN_5_YEARS REFERRAL",
      "002 Annex 2 Art. 7(6); minor, CANDIDATE, 7, 6, MINOR, , CANCEL_ALL_SCORES BAN_2_YEARS",
      "002 Annex 2 Art. 7(6); serious, CANDIDATE, 7, 6, SERIOUS, , CANCEL_ALL_SCORES BAN_5_YEARS REFERRAL",
      "002 Annex 2 Art. 7(7); minor, CANDIDATE, 7, 7, MINOR, , CANCEL_ALL_SCORES BAN_2_YEARS",
      "002 Annex 2 Art. 7(7); serious, CANDIDATE, 7, 7, SERIOUS, , CANCEL_ALL_SCORES BAN_5_YEARS REFERRAL",
      "002 Annex 2 Art. 8 with Art. 5, CANDIDATE, 8, 5, , , CANCEL_SUBJECT_SCORE INVALIDATE_CERTIFICATES REVOKE_CERTIFICATE_DATA",
      "002 Annex 2 Art. 8 with Art. 6, CANDIDATE, 8, 6, , , CANCEL_ALL_SCORES BAN_CURRENT_YEAR INVALIDATE_CERTIFICATES REVOKE_CERTIFICATE_DATA",
      "002 Annex 2 Art. 8 with Art. 7; minor, CANDIDATE, 8, 7, MINOR, , CANCEL_ALL_SCORES BAN_2_YEARS INVALIDATE_CERTIFICATES REVOKE_CERTIFICATE_DATA",
      "002 Annex 2 Art. 8 with Art. 7; serious, CANDIDATE, 8, 7, SERIOUS, , CANCEL_ALL_SCORES BAN_5_YEARS REFERRAL INVALIDATE_CERTIFICATES REVOKE_CERTIFICATE_DATA",
      "002 Annex 2 Art. 9(1), STAFF, 9, 1, , , DISQUALIFY_STAFF_CURRENT_YEAR INSTITUTION_HANDLING",
      "002 Annex 2 Art. 9(2), STAFF, 9, 2, , , DISQUALIFY_STAFF_CURRENT_YEAR INSTITUTION_HANDLING",
      "002 Annex 2 Art. 9(3), STAFF, 9, 3, , , DISQUALIFY_STAFF_CURRENT_YEAR INSTITUTION_HANDLING",
      "002 Annex 2 Art. 9(4), STAFF, 9, 4, , , DISQUALIFY_STAFF_CURRENT_YEAR INSTITUTION_HANDLING",
      "002 Annex 2 Art. 9(5), STAFF, 9, 5, , , DISQUALIFY_STAFF_CURRENT_YEAR INSTITUTION_HANDLING",
      "002 Annex 2 Art. 10(1), STAFF, 10, 1, , , REVOKE_EXAMINER_CERTIFICATE INSTITUTION_HANDLING",
      "002 Annex 2 Art. 10(2), STAFF, 10, 2, , , REVOKE_EXAMINER_CERTIFICATE INSTITUTION_HANDLING",
      "002 Annex 2 Art. 10(3), STAFF, 10, 3, , , REVOKE_EXAMINER_CERTIFICATE INSTITUTION_HANDLING",
      "002 Annex 2 Art. 11 (single item), STAFF, 11, 1, , , HANDLE_PER_RULES",
      "002 Annex 2 Art. 12(1), INSTITUTION, 12, 1, , , INTERVIEW",
      "002 Annex 2 Art. 12(2), INSTITUTION, 12, 2, , , INTERVIEW",
      "002 Annex 2 Art. 12(3), INSTITUTION, 12, 3, , , INTERVIEW",
      "002 Annex 2 Art. 12(4), INSTITUTION, 12, 4, , , INTERVIEW",
      "002 Annex 2 Art. 13(1), INSTITUTION, 13, 1, , false, WARNING SUSPEND_FOR_RECTIFICATION",
      "002 Annex 2 Art. 14(6) (record: warned under Art. 13; re-offends under Art. 13(1)), INSTITUTION, 13, 1, , true, TERMINATE_FILING",
      "002 Annex 2 Art. 13(2), INSTITUTION, 13, 2, , false, WARNING SUSPEND_FOR_RECTIFICATION",
      "002 Annex 2 Art. 14(6) (record: warned under Art. 13; re-offends under Art. 13(2)), INSTITUTION, 13, 2, , true, TERMINATE_FILING",
      "002 Annex 2 Art. 13(3), INSTITUTION, 13, 3, , false, WARNING SUSPEND_FOR_RECTIFICATION",
      "002 Annex 2 Art. 14(6) (record: warned under Art. 13; re-offends under Art. 13(3)), INSTITUTION, 13, 3, , true, TERMINATE_FILING",
      "002 Annex 2 Art. 13(4), INSTITUTION, 13, 4, , false, WARNING SUSPEND_FOR_RECTIFICATION",
      "002 Annex 2 Art. 14(6) (record: warned under Art. 13; re-offends under Art. 13(4)), INSTITUTION, 13, 4, , true, TERMINATE_FILING",
      "002 Annex 2 Art. 13(5), INSTITUTION, 13, 5, , false, WARNING SUSPEND_FOR_RECTIFICATION",
      "002 Annex 2 Art. 14(6) (record: warned under Art. 13; re-offends under Art. 13(5)), INSTITUTION, 13, 5, , true, TERMINATE_FILING",
      "002 Annex 2 Art. 13(6), INSTITUTION, 13, 6, , false, WARNING SUSPEND_FOR_RECTIFICATION",
      "002 Annex 2 Art. 14(6) (record: warned under Art. 13; re-offends under Art. 13(6)), INSTITUTION, 13, 6, , true, TERMINATE_FILING",
      "002 Annex 2 Art. 13(7), INSTITUTION, 13, 7, , false, WARNING SUSPEND_FOR_RECTIFICATION",
      "002 Annex 2 Art. 14(6) (record: warned under Art. 13; re-offends under Art. 13(7)), INSTITUTION, 13, 7, , true, TERMINATE_FILING",
      "002 Annex 2 Art. 14(1), INSTITUTION, 14, 1, , , TERMINATE_FILING",
      "002 Annex 2 Art. 14(2), INSTITUTION, 14, 2, , , TERMINATE_FILING",
      "002 Annex 2 Art. 14(3); 000 §三 (伪造报名资格), INSTITUTION, 14, 3, , , TERMINATE_FILING INVALIDATE_CERTIFICATES REVOKE_CERTIFICATE_DATA RECOVER_SUBSIDIES",
      "002 Annex 2 Art. 14(4); 000 §三 (伪造试卷、有组织舞弊), INSTITUTION, 14, 4, , , TERMINATE_FILING INVALIDATE_CERTIFICATES REVOKE_CERTIFICATE_DATA RECOVER_SUBSIDIES",
      "002 Annex 2 Art. 14(5); 000 §三 (编造虚假资料、不考试就发证), INSTITUTION, 14, 5, , , TERMINATE_FILING INVALIDATE_CERTIFICATES REVOKE_CERTIFICATE_DATA RECOVER_SUBSIDIES",
      "002 Annex 2 Art. 14(6), INSTITUTION, 14, 6, , , TERMINATE_FILING",
      "002 Annex 2 Art. 14(7), INSTITUTION, 14, 7, , , TERMINATE_FILING",
      "002 Annex 2 Art. 14(8); 000 §三 (滥发倒卖证书), INSTITUTION, 14, 8, , , TERMINATE_FILING INVALIDATE_CERTIFICATES REVOKE_CERTIFICATE_DATA RECOVER_SUBSIDIES",
      "002 Annex 2 Art. 15 para. 1 (item 1 = out-of-scope or wrong certificate data); minor, INSTITUTION, 15, 1, MINOR, , REVOKE_CERTIFICATE_DATA WARNING",
      "002 Annex 2 Art. 15 para. 1; serious, INSTITUTION, 15, 1, SERIOUS, , REVOKE_CERTIFICATE_DATA WARNING SUSPEND_FOR_RECTIFICATION",
      "002 Annex 2 Art. 15 para. 2 (item 2 = data-security breach), INSTITUTION, 15, 2, , , WITHDRAW_DATA_ACCESS ORDER_DATA_DELETION"
  })
  void everyItemGetsTheSanctionsOfItsArticle(String source, String partyType, int article, int item, String severity,
      Boolean priorArticle13Warning, String expected) {
    DmnDecisionResult result = evaluate(partyType, article, item, severity, priorArticle13Warning);

    assertThat(result.getResultList()).as(source).hasSize(1);
    assertThat(codes(result.getSingleResult().getEntry("sanctions"))).as(source)
        .containsExactlyElementsOf(Arrays.asList(expected.split(" ")));
    assertThat((String) result.getSingleResult().getEntry("sanctionText")).as(source).isNotBlank();
  }

  @Test
  void anInstitutionWarnedUnderArticle13ThatOffendsAgainIsProposedForTermination() {
    // 002 Annex 2 Art. 14(6): 已被警告，整改后再次违反本指引第十三条规定的 → 终止备案
    assertThat(codes(evaluate("INSTITUTION", 13, 4, null, false).getSingleResult().getEntry("sanctions")))
        .containsExactly("WARNING", "SUSPEND_FOR_RECTIFICATION");
    assertThat(codes(evaluate("INSTITUTION", 13, 4, null, true).getSingleResult().getEntry("sanctions")))
        .containsExactly("TERMINATE_FILING");
  }

  @Test
  void theSeriousActsOf000AddSubsidyRecoveryAndCertificateRevocation() {
    // 000 §三: 取消评价结果、宣布证书作废、撤销上传证书数据，追回相应补贴资金
    assertThat(codes(evaluate("INSTITUTION", 14, 5, null, false).getSingleResult().getEntry("sanctions")))
        .contains("TERMINATE_FILING", "INVALIDATE_CERTIFICATES", "REVOKE_CERTIFICATE_DATA", "RECOVER_SUBSIDIES");
  }

  @Test
  void anArticleThatDoesNotApplyToThePartyMatchesNoRule() {
    assertThat(evaluate("CANDIDATE", 10, 1, null, null).getResultList()).isEmpty();
    assertThat(evaluate("CANDIDATE", 7, 4, null, null).getResultList()).as("Art. 7 needs a gravity").isEmpty();
    assertThat(evaluate("CANDIDATE", 5, 9, null, null).getResultList()).isEmpty();
  }

  @Test
  void everyRuleCitesItsSource() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/processes/DisciplinarySanctions.dmn")) {
      var rules = org.camunda.bpm.model.dmn.Dmn.readModelFromStream(in)
          .getModelElementsByType(org.camunda.bpm.model.dmn.instance.Rule.class);
      assertThat(rules).hasSize(65);
      assertThat(rules).allSatisfy(rule -> assertThat(rule.getDescription().getTextContent()).contains("002 Annex 2 Art. "));
    }
  }

  private static DmnDecisionResult evaluate(String partyType, int article, int item, String severity, Boolean prior) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("partyType", partyType);
    variables.put("violationArticle", article);
    variables.put("violationItem", item);
    variables.put("severity", severity);
    variables.put("priorArticle13Warning", prior);
    return engine.evaluateDecision(decision, variables);
  }

  private static List<String> codes(Object sanctions) {
    return Arrays.asList(((String) sanctions).split(","));
  }
}
