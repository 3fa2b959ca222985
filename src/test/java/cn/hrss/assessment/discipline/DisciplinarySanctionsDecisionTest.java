package cn.hrss.assessment.discipline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sanctions table against the regulation, item by item: every item of 002 Annex 2 Art. 5-15 (and 000 §三 where
 * it adds to an item) with the mandatory sanctions the text prescribes and the discretionary ones it allows
 * (视情况/视情节/可以), which the officer may impose at the decision. First column = source.
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

  @ParameterizedTest(name = "{0} → {7} | {8}")
  @CsvSource(nullValues = "", value = {
      "002 Annex 2 Art. 5(1), CANDIDATE, 5, 1, , , , CANCEL_SUBJECT_SCORE, ",
      "002 Annex 2 Art. 5(2), CANDIDATE, 5, 2, , , , CANCEL_SUBJECT_SCORE, ",
      "002 Annex 2 Art. 5(3), CANDIDATE, 5, 3, , , , CANCEL_SUBJECT_SCORE, ",
      "002 Annex 2 Art. 5(4), CANDIDATE, 5, 4, , , , CANCEL_SUBJECT_SCORE, ",
      "002 Annex 2 Art. 6(1), CANDIDATE, 6, 1, , , , CANCEL_ALL_SCORES BAN_CURRENT_YEAR, ",
      "002 Annex 2 Art. 6(2), CANDIDATE, 6, 2, , , , CANCEL_ALL_SCORES BAN_CURRENT_YEAR, ",
      "002 Annex 2 Art. 6(3), CANDIDATE, 6, 3, , , , CANCEL_ALL_SCORES BAN_CURRENT_YEAR, ",
      "002 Annex 2 Art. 6(4), CANDIDATE, 6, 4, , , , CANCEL_ALL_SCORES BAN_CURRENT_YEAR, ",
      "002 Annex 2 Art. 6(5), CANDIDATE, 6, 5, , , , CANCEL_ALL_SCORES BAN_CURRENT_YEAR, ",
      "002 Annex 2 Art. 7(1) minor, CANDIDATE, 7, 1, MINOR, , , CANCEL_ALL_SCORES BAN_2_YEARS, ",
      "002 Annex 2 Art. 7(1) serious, CANDIDATE, 7, 1, SERIOUS, , , CANCEL_ALL_SCORES BAN_5_YEARS REFERRAL, ",
      "002 Annex 2 Art. 7(2) minor, CANDIDATE, 7, 2, MINOR, , , CANCEL_ALL_SCORES BAN_2_YEARS, ",
      "002 Annex 2 Art. 7(2) serious, CANDIDATE, 7, 2, SERIOUS, , , CANCEL_ALL_SCORES BAN_5_YEARS REFERRAL, ",
      "002 Annex 2 Art. 7(3) minor, CANDIDATE, 7, 3, MINOR, , , CANCEL_ALL_SCORES BAN_2_YEARS, ",
      "002 Annex 2 Art. 7(3) serious, CANDIDATE, 7, 3, SERIOUS, , , CANCEL_ALL_SCORES BAN_5_YEARS REFERRAL, ",
      "002 Annex 2 Art. 7(4) minor, CANDIDATE, 7, 4, MINOR, , , CANCEL_ALL_SCORES BAN_2_YEARS, ",
      "002 Annex 2 Art. 7(4) serious, CANDIDATE, 7, 4, SERIOUS, , , CANCEL_ALL_SCORES BAN_5_YEARS REFERRAL, ",
      "002 Annex 2 Art. 7(5) minor, CANDIDATE, 7, 5, MINOR, , , CANCEL_ALL_SCORES BAN_2_YEARS, ",
      "002 Annex 2 Art. 7(5) serious, CANDIDATE, 7, 5, SERIOUS, , , CANCEL_ALL_SCORES BAN_5_YEARS REFERRAL, ",
      "002 Annex 2 Art. 7(6) minor, CANDIDATE, 7, 6, MINOR, , , CANCEL_ALL_SCORES BAN_2_YEARS, ",
      "002 Annex 2 Art. 7(6) serious, CANDIDATE, 7, 6, SERIOUS, , , CANCEL_ALL_SCORES BAN_5_YEARS REFERRAL, ",
      "002 Annex 2 Art. 7(7) minor, CANDIDATE, 7, 7, MINOR, , , CANCEL_ALL_SCORES BAN_2_YEARS, ",
      "002 Annex 2 Art. 7(7) serious, CANDIDATE, 7, 7, SERIOUS, , , CANCEL_ALL_SCORES BAN_5_YEARS REFERRAL, ",
      "002 Annex 2 Art. 8 with Art. 5  certificates issued, CANDIDATE, 8, 5, , , true, CANCEL_SUBJECT_SCORE INVALIDATE_CERTIFICATES REVOKE_CERTIFICATE_DATA, ",
      "002 Annex 2 Art. 8 with Art. 5  no certificate issued, CANDIDATE, 8, 5, , , false, CANCEL_SUBJECT_SCORE, ",
      "002 Annex 2 Art. 8 with Art. 6  certificates issued, CANDIDATE, 8, 6, , , true, CANCEL_ALL_SCORES BAN_CURRENT_YEAR INVALIDATE_CERTIFICATES REVOKE_CERTIFICATE_DATA, ",
      "002 Annex 2 Art. 8 with Art. 6  no certificate issued, CANDIDATE, 8, 6, , , false, CANCEL_ALL_SCORES BAN_CURRENT_YEAR, ",
      "002 Annex 2 Art. 8 with Art. 7 minor certificates issued, CANDIDATE, 8, 7, MINOR, , true, CANCEL_ALL_SCORES BAN_2_YEARS INVALIDATE_CERTIFICATES REVOKE_CERTIFICATE_DATA, ",
      "002 Annex 2 Art. 8 with Art. 7 minor no certificate issued, CANDIDATE, 8, 7, MINOR, , false, CANCEL_ALL_SCORES BAN_2_YEARS, ",
      "002 Annex 2 Art. 8 with Art. 7 serious certificates issued, CANDIDATE, 8, 7, SERIOUS, , true, CANCEL_ALL_SCORES BAN_5_YEARS REFERRAL INVALIDATE_CERTIFICATES REVOKE_CERTIFICATE_DATA, ",
      "002 Annex 2 Art. 8 with Art. 7 serious no certificate issued, CANDIDATE, 8, 7, SERIOUS, , false, CANCEL_ALL_SCORES BAN_5_YEARS REFERRAL, ",
      "002 Annex 2 Art. 9(1), STAFF, 9, 1, , , , DISQUALIFY_STAFF_CURRENT_YEAR INSTITUTION_HANDLING, ",
      "002 Annex 2 Art. 9(2), STAFF, 9, 2, , , , DISQUALIFY_STAFF_CURRENT_YEAR INSTITUTION_HANDLING, ",
      "002 Annex 2 Art. 9(3), STAFF, 9, 3, , , , DISQUALIFY_STAFF_CURRENT_YEAR INSTITUTION_HANDLING, ",
      "002 Annex 2 Art. 9(4), STAFF, 9, 4, , , , DISQUALIFY_STAFF_CURRENT_YEAR INSTITUTION_HANDLING, ",
      "002 Annex 2 Art. 9(5), STAFF, 9, 5, , , , DISQUALIFY_STAFF_CURRENT_YEAR INSTITUTION_HANDLING, ",
      "002 Annex 2 Art. 10(1), STAFF, 10, 1, , , , REVOKE_EXAMINER_CERTIFICATE INSTITUTION_HANDLING, ",
      "002 Annex 2 Art. 10(2), STAFF, 10, 2, , , , REVOKE_EXAMINER_CERTIFICATE INSTITUTION_HANDLING, ",
      "002 Annex 2 Art. 10(3), STAFF, 10, 3, , , , REVOKE_EXAMINER_CERTIFICATE INSTITUTION_HANDLING, ",
      "002 Annex 2 Art. 11, STAFF, 11, 1, , , , HANDLE_PER_RULES, ",
      "002 Annex 2 Art. 12(1) + 000 §三 不严格审核报考条件, INSTITUTION, 12, 1, , , , INTERVIEW, INVALIDATE_CERTIFICATES REVOKE_CERTIFICATE_DATA RECOVER_SUBSIDIES",
      "002 Annex 2 Art. 12(2), INSTITUTION, 12, 2, , , , INTERVIEW, INVALIDATE_CERTIFICATES",
      "002 Annex 2 Art. 12(3), INSTITUTION, 12, 3, , , , INTERVIEW, INVALIDATE_CERTIFICATES",
      "002 Annex 2 Art. 12(4), INSTITUTION, 12, 4, , , , INTERVIEW, INVALIDATE_CERTIFICATES",
      "002 Annex 2 Art. 13(1) + 000 §三, INSTITUTION, 13, 1, , false, , WARNING SUSPEND_FOR_RECTIFICATION, CREDIT_RECORD PUBLIC_ANNOUNCEMENT INVALIDATE_CERTIFICATES REVOKE_CERTIFICATE_DATA RECOVER_SUBSIDIES",
      "002 Annex 2 Art. 14(6) on a warned institution found again under 13(1), INSTITUTION, 13, 1, , true, , TERMINATE_FILING HANDLE_CERTIFICATES_AND_DATA, ",
      "002 Annex 2 Art. 13(2), INSTITUTION, 13, 2, , false, , WARNING SUSPEND_FOR_RECTIFICATION, CREDIT_RECORD PUBLIC_ANNOUNCEMENT",
      "002 Annex 2 Art. 14(6) on a warned institution found again under 13(2), INSTITUTION, 13, 2, , true, , TERMINATE_FILING HANDLE_CERTIFICATES_AND_DATA, ",
      "002 Annex 2 Art. 13(3), INSTITUTION, 13, 3, , false, , WARNING SUSPEND_FOR_RECTIFICATION, CREDIT_RECORD PUBLIC_ANNOUNCEMENT",
      "002 Annex 2 Art. 14(6) on a warned institution found again under 13(3), INSTITUTION, 13, 3, , true, , TERMINATE_FILING HANDLE_CERTIFICATES_AND_DATA, ",
      "002 Annex 2 Art. 13(4) minor + 000 §三 包过保过, INSTITUTION, 13, 4, MINOR, false, , WARNING SUSPEND_FOR_RECTIFICATION ADMINISTRATIVE_PENALTY, CREDIT_RECORD PUBLIC_ANNOUNCEMENT",
      "002 Annex 2 Art. 13(4) serious + 000 §三 包过保过 情节严重, INSTITUTION, 13, 4, SERIOUS, false, , WARNING SUSPEND_FOR_RECTIFICATION ADMINISTRATIVE_PENALTY REFERRAL, CREDIT_RECORD PUBLIC_ANNOUNCEMENT",
      "002 Annex 2 Art. 14(6) on a warned institution found again under 13(4), INSTITUTION, 13, 4, MINOR, true, , TERMINATE_FILING HANDLE_CERTIFICATES_AND_DATA, ",
      "002 Annex 2 Art. 13(5), INSTITUTION, 13, 5, , false, , WARNING SUSPEND_FOR_RECTIFICATION, CREDIT_RECORD PUBLIC_ANNOUNCEMENT",
      "002 Annex 2 Art. 14(6) on a warned institution found again under 13(5), INSTITUTION, 13, 5, , true, , TERMINATE_FILING HANDLE_CERTIFICATES_AND_DATA, ",
      "002 Annex 2 Art. 13(6), INSTITUTION, 13, 6, , false, , WARNING SUSPEND_FOR_RECTIFICATION, CREDIT_RECORD PUBLIC_ANNOUNCEMENT",
      "002 Annex 2 Art. 14(6) on a warned institution found again under 13(6), INSTITUTION, 13, 6, , true, , TERMINATE_FILING HANDLE_CERTIFICATES_AND_DATA, ",
      "002 Annex 2 Art. 13(7), INSTITUTION, 13, 7, , false, , WARNING SUSPEND_FOR_RECTIFICATION, CREDIT_RECORD PUBLIC_ANNOUNCEMENT",
      "002 Annex 2 Art. 14(6) on a warned institution found again under 13(7), INSTITUTION, 13, 7, , true, , TERMINATE_FILING HANDLE_CERTIFICATES_AND_DATA, ",
      "002 Annex 2 Art. 14(1), INSTITUTION, 14, 1, , , , TERMINATE_FILING HANDLE_CERTIFICATES_AND_DATA, ",
      "002 Annex 2 Art. 14(2), INSTITUTION, 14, 2, , , , TERMINATE_FILING HANDLE_CERTIFICATES_AND_DATA, ",
      "002 Annex 2 Art. 14(3) + 000 §三, INSTITUTION, 14, 3, , , , TERMINATE_FILING INVALIDATE_CERTIFICATES REVOKE_CERTIFICATE_DATA RECOVER_SUBSIDIES, REFER_TO_DISCIPLINE_COMMISSION REFER_TO_POLICE",
      "002 Annex 2 Art. 14(4) 有组织舞弊, INSTITUTION, 14, 4, , , , TERMINATE_FILING HANDLE_CERTIFICATES_AND_DATA, REFER_TO_DISCIPLINE_COMMISSION REFER_TO_POLICE",
      "002 Annex 2 Art. 14(5) + 000 §三, INSTITUTION, 14, 5, , , , TERMINATE_FILING INVALIDATE_CERTIFICATES REVOKE_CERTIFICATE_DATA RECOVER_SUBSIDIES, REFER_TO_DISCIPLINE_COMMISSION REFER_TO_POLICE",
      "002 Annex 2 Art. 14(6), INSTITUTION, 14, 6, , , , TERMINATE_FILING HANDLE_CERTIFICATES_AND_DATA, ",
      "002 Annex 2 Art. 14(7), INSTITUTION, 14, 7, , , , TERMINATE_FILING HANDLE_CERTIFICATES_AND_DATA, ",
      "002 Annex 2 Art. 14(8) catch-all, INSTITUTION, 14, 8, , , , TERMINATE_FILING HANDLE_CERTIFICATES_AND_DATA, INVALIDATE_CERTIFICATES REVOKE_CERTIFICATE_DATA RECOVER_SUBSIDIES REFER_TO_DISCIPLINE_COMMISSION REFER_TO_POLICE",
      "002 Annex 2 Art. 15 para. 1, INSTITUTION, 15, 1, , , , REVOKE_CERTIFICATE_DATA, WARNING SUSPEND_ACTIVITIES TERMINATE_FILING",
      "002 Annex 2 Art. 15 para. 2 institution, INSTITUTION, 15, 2, , , , WITHDRAW_DATA_ACCESS ORDER_DATA_DELETION PENALTY_PER_RULES, REFERRAL",
      "002 Annex 2 Art. 15 para. 2 staff (相关人员), STAFF, 15, 2, , , , WITHDRAW_DATA_ACCESS ORDER_DATA_DELETION PENALTY_PER_RULES, REFERRAL"

  })
  void everyItemGetsTheMandatoryAndDiscretionarySanctionsOfItsArticle(String source, String partyType, int article,
      int item, String severity, Boolean prior, Boolean certificatesIssued, String mandatory, String discretionary) {
    DmnDecisionResult result = evaluate(partyType, article, item, severity, prior, certificatesIssued);

    assertThat(result.getResultList()).as(source).hasSize(1);
    assertThat(codes(result.getSingleResult(), "sanctions")).as(source).containsExactlyElementsOf(split(mandatory));
    assertThat(codes(result.getSingleResult(), "discretionary")).as(source).containsExactlyElementsOf(split(discretionary));
    assertThat((String) result.getSingleResult().getEntry("sanctionText")).as(source).isNotBlank();
  }

  @Test
  void item1_article15Paragraph1IsAScaleTheOfficerChoosesFrom_withoutRectificationOrGravity() {
    // 002 Annex 2 Art. 15 para. 1: 撤销其上传的违规证书数据，并视情节给予警告、暂停评价活动、直至终止备案的处理
    DmnDecisionResultEntries minorOrNot = evaluate("INSTITUTION", 15, 1, null, false, null).getSingleResult();
    assertThat(codes(minorOrNot, "sanctions")).containsExactly("REVOKE_CERTIFICATE_DATA");
    assertThat(codes(minorOrNot, "discretionary")).containsExactly("WARNING", "SUSPEND_ACTIVITIES", "TERMINATE_FILING")
        .doesNotContain("SUSPEND_FOR_RECTIFICATION");
    assertThat((String) evaluate("INSTITUTION", 15, 1, "SERIOUS", false, null).getSingleResult().getEntry("sanctions"))
        .as("no 情节特别严重 tier: the gravity changes nothing").isEqualTo("REVOKE_CERTIFICATE_DATA");
  }

  @Test
  void item2_article15Paragraph2AppliesToStaffToo_andPenalisesPerTheRules() {
    // 002 Annex 2 Art. 15 para. 2: 对造成上述问题的相关机构、人员……并依据相关规定进行处罚
    for (String party : List.of("INSTITUTION", "STAFF")) {
      assertThat(codes(evaluate(party, 15, 2, null, false, null).getSingleResult(), "sanctions")).as(party)
          .contains("PENALTY_PER_RULES");
    }
    assertThat(evaluate("CANDIDATE", 15, 2, null, false, null).getResultList()).isEmpty();
  }

  @Test
  void item3_organisedCheatingTerminatesWithoutTheMeasuresOf000() {
    // 002 Annex 2 Art. 14(4) 考场秩序混乱，有组织舞弊 → 终止备案; 000 §三 does not list 舞弊.
    DmnDecisionResultEntries r = evaluate("INSTITUTION", 14, 4, null, false, null).getSingleResult();
    assertThat(codes(r, "sanctions")).doesNotContain("RECOVER_SUBSIDIES", "INVALIDATE_CERTIFICATES", "REVOKE_CERTIFICATE_DATA");
    assertThat(codes(r, "discretionary")).doesNotContain("RECOVER_SUBSIDIES");
  }

  @Test
  void item4_theCatchAllItemHasNoMandatoryInvalidationOrSubsidyRecovery() {
    // 002 Annex 2 Art. 14(8) 其他不履行工作承诺，造成严重不良社会影响: not 000's 滥发倒卖证书.
    DmnDecisionResultEntries r = evaluate("INSTITUTION", 14, 8, null, false, null).getSingleResult();
    assertThat(codes(r, "sanctions")).doesNotContain("RECOVER_SUBSIDIES", "INVALIDATE_CERTIFICATES");
    assertThat(codes(r, "discretionary")).contains("RECOVER_SUBSIDIES", "INVALIDATE_CERTIFICATES");
  }

  @ParameterizedTest(name = "items 5-8: Art. {0}({1}), warned before = {2}")
  @CsvSource({"14, 1, false", "14, 2, false", "14, 6, false", "14, 7, false", "13, 2, true", "13, 7, true"})
  void items5to8_everyTerminationUnderArticle14HandlesTheCertificatesAndData(int article, int item, boolean prior) {
    // 002 Annex 2 Art. 14: 予以终止备案。对涉及的相关证书及数据等及时作出相应处理 (both sentences mandatory)
    assertThat(codes(evaluate("INSTITUTION", article, item, null, prior, null).getSingleResult(), "sanctions"))
        .containsExactly("TERMINATE_FILING", "HANDLE_CERTIFICATES_AND_DATA");
  }

  @Test
  void item9_article8InvalidatesOnlyWhereCertificatesWereIssued() {
    // 002 Annex 2 Art. 8: 对其中已颁发证书的，……宣布评价成绩无效，并对已发放证书、已上网证书数据及时作出相应处理
    assertThat(codes(evaluate("CANDIDATE", 8, 6, null, null, true).getSingleResult(), "sanctions"))
        .contains("INVALIDATE_CERTIFICATES", "REVOKE_CERTIFICATE_DATA");
    assertThat(codes(evaluate("CANDIDATE", 8, 6, null, null, false).getSingleResult(), "sanctions"))
        .doesNotContain("INVALIDATE_CERTIFICATES", "REVOKE_CERTIFICATE_DATA");
    assertThat(evaluate("CANDIDATE", 8, 6, null, null, null).getResultList()).as("the question must be answered").isEmpty();
  }

  @Test
  void referralsOf000NameTheBody() {
    // 000 §三: 构成职务犯罪的，移交纪检监察部门处理；构成其他犯罪的，移交公安机关依法追究刑事责任
    assertThat(codes(evaluate("INSTITUTION", 14, 3, null, false, null).getSingleResult(), "discretionary"))
        .containsExactly("REFER_TO_DISCIPLINE_COMMISSION", "REFER_TO_POLICE");
  }

  @Test
  void guaranteedPassAdvertisingAddsAnAdministrativePenalty_andAReferralWhenSerious() {
    // 000 §三: “包过”“保过”……限期整改并依法给予行政处罚；情节严重的，移送有关部门依法处理
    assertThat(codes(evaluate("INSTITUTION", 13, 4, "MINOR", false, null).getSingleResult(), "sanctions"))
        .contains("ADMINISTRATIVE_PENALTY").doesNotContain("REFERRAL");
    assertThat(codes(evaluate("INSTITUTION", 13, 4, "SERIOUS", false, null).getSingleResult(), "sanctions"))
        .contains("ADMINISTRATIVE_PENALTY", "REFERRAL");
  }

  @Test
  void anArticleThatDoesNotApplyToThePartyMatchesNoRule() {
    assertThat(evaluate("CANDIDATE", 10, 1, null, null, null).getResultList()).isEmpty();
    assertThat(evaluate("CANDIDATE", 7, 4, null, null, null).getResultList()).as("Art. 7 needs a gravity").isEmpty();
    assertThat(evaluate("CANDIDATE", 5, 9, null, null, null).getResultList()).isEmpty();
    assertThat(evaluate("STAFF", 15, 1, null, null, null).getResultList()).isEmpty();
  }

  @Test
  void everyRuleQuotesAndCitesItsSource() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/processes/DisciplinarySanctions.dmn")) {
      var rules = org.camunda.bpm.model.dmn.Dmn.readModelFromStream(in)
          .getModelElementsByType(org.camunda.bpm.model.dmn.instance.Rule.class);
      assertThat(rules).hasSize(69);
      assertThat(rules).allSatisfy(rule -> assertThat(rule.getDescription().getTextContent())
          .contains("002 Annex 2 Art. ").containsPattern("\\p{IsHan}"));
    }
  }

  private static DmnDecisionResult evaluate(String partyType, int article, int item, String severity, Boolean prior,
      Boolean certificatesIssued) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("partyType", partyType);
    variables.put("violationArticle", article);
    variables.put("violationItem", item);
    variables.put("severity", severity);
    variables.put("priorArticle13Warning", prior);
    variables.put("certificatesIssued", certificatesIssued);
    return engine.evaluateDecision(decision, variables);
  }

  private static List<String> codes(DmnDecisionResultEntries result, String output) {
    return SanctionExecution.codes((String) result.getEntry(output));
  }

  private static List<String> split(String codes) {
    return codes == null ? List.of() : Arrays.asList(codes.split(" "));
  }
}
