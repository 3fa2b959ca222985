package cn.hrss.assessment.discipline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.workflow.TaskCompletion;
import cn.hrss.assessment.workflow.Violations;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Server-side checks of the discipline tasks, without an engine. */
class DisciplineCompletionRulesTest {

  private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private static final DmnDecision SANCTIONS = DMN.parseDecision("DisciplinarySanctions",
      DisciplineCompletionRulesTest.class.getResourceAsStream("/processes/DisciplinarySanctions.dmn"));

  /** The real table, evaluated without an engine. */
  static final SanctionProposals PROPOSALS = (party, article, item, severity, prior, certificates) -> {
    Map<String, Object> in = new HashMap<>();
    in.put("partyType", party);
    in.put("violationArticle", article);
    in.put("violationItem", item);
    in.put("severity", severity);
    in.put("priorArticle13Warning", prior);
    in.put("certificatesIssued", certificates);
    var result = DMN.evaluateDecision(SANCTIONS, in).getSingleResult();
    return Optional.ofNullable(result).map(r -> new SanctionProposals.Proposal(r.getEntry("sanctions"), r.getEntry("discretionary")));
  };

  /** Case WJ2026-000009 belongs to an institution warned under Art. 13 whose rectification is over. */
  private final DisciplineCompletionRules rules = new DisciplineCompletionRules(new ViolationCatalog(), PROPOSALS,
      caseNo -> caseNo.equals("WJ2026-000009"));

  @ParameterizedTest(name = "{0} {1} art {2} item {3} severity {4} → {5}")
  @CsvSource(nullValues = "", value = {
      "CANDIDATE,, 7, 4, SERIOUS, ",
      "CANDIDATE,, 7, 4, , severity",
      "CANDIDATE,, 10, 1, , 第10条不适用于参评人员",
      "CANDIDATE,, 5, 5, , 第5条没有第5项",
      "CANDIDATE,, 8, 7, MINOR, certificatesIssued",
      "CANDIDATE,, 8, 4, , 第8条没有第4项",
      "STAFF, EXAM_ADMIN, 9, 5, , ",
      "STAFF, EXAMINER, 9, 1, , 考务管理人员",
      "STAFF, SUPERVISOR, 11, 1, , ",
      "INSTITUTION,, 12, 1, SERIOUS, 第十三条第（一）项",
      "INSTITUTION,, 13, 7, , ",
      "INSTITUTION,, 15, 1, , ",
      "INSTITUTION,, 15, 1, SERIOUS, ",
      "STAFF, EXAMINER, 15, 2, , ",
      "STAFF, EXAMINER, 15, 1, , 第15条第1项不适用于工作人员",
      "INSTITUTION,, 13, 4, SERIOUS, ",
      "INSTITUTION,, 16, 1, , 第5条至第15条",
      "INSTITUTION,, 6, 1, , 第6条不适用于评价机构"})
  void determinationMustFitTheParty(String party, String role, int article, int item, String severity, String expected) {
    Map<String, Object> submitted = new HashMap<>(Map.of("violationArticle", article, "violationItem", item, "findings", "事实"));
    if (severity != null) {
      submitted.put("severity", severity);
    }
    Violations v = check("Task_DetermineViolation", "u1", submitted, Map.of("partyType", party, "staffRole", role == null ? "" : role));
    if (expected == null) {
      assertThat(v.messages()).isEmpty();
    } else {
      assertThat(String.join(" ", v.messages())).contains(expected);
    }
  }

  @Test
  void findingsAreRequired() {
    Violations v = check("Task_DetermineViolation", "u1", Map.of("violationArticle", 5, "violationItem", 1), Map.of("partyType", "CANDIDATE"));
    assertThat(v.messages()).anySatisfy(m -> assertThat(m).startsWith("findings"));
  }

  @Test
  void theDeciderCannotReview() {
    Map<String, Object> review = Map.of("reviewOutcome", "UPHOLD", "reviewReasoning", "维持");
    assertThat(check("Task_ReviewAppeal", "alice", review, Map.of("partyType", "CANDIDATE", "decidedBy", "alice")).messages())
        .anySatisfy(m -> assertThat(m).contains("回避"));
    assertThat(check("Task_ReviewAppeal", "bob", review, Map.of("partyType", "CANDIDATE", "decidedBy", "alice")).messages()).isEmpty();
  }

  @Test
  void statementOutcomeAndResponseAreRequired() {
    assertThat(check("Task_ConsiderStatement", "u1", Map.of("statementOutcome", "MAYBE"), Map.of()).messages()).hasSize(2);
  }

  @Test
  void article8AsksWhetherCertificatesWereIssued() {
    // 002 Annex 2 Art. 8: 对其中已颁发证书的 → the answer decides the invalidation.
    Map<String, Object> determination = new HashMap<>(Map.of("violationArticle", 8, "violationItem", 6, "findings", "事后发现"));
    assertThat(check("Task_DetermineViolation", "u1", determination, Map.of("partyType", "CANDIDATE")).messages())
        .anySatisfy(m -> assertThat(m).startsWith("certificatesIssued"));
    determination.put("certificatesIssued", "false");
    assertThat(check("Task_DetermineViolation", "u1", determination, Map.of("partyType", "CANDIDATE")).messages()).isEmpty();
  }

  @Test
  void article14Item6ChosenDirectlyNeedsAWarningWhoseRectificationIsOver() {
    Map<String, Object> determination = Map.of("violationArticle", 14, "violationItem", 6, "findings", "再次违规");
    assertThat(check("Task_DetermineViolation", "u1", determination, Map.of("partyType", "INSTITUTION")).messages())
        .anySatisfy(m -> assertThat(m).startsWith("violationItem").contains("整改期"));
    assertThat(checkCase("WJ2026-000009", "Task_DetermineViolation", "u1", determination, Map.of("partyType", "INSTITUTION"))
        .messages()).isEmpty();
  }

  @Test
  void aDiscretionarySanctionMustBeProposedForTheCaseAndReasoned() {
    Map<String, Object> existing = Map.of("partyType", "INSTITUTION", "violationArticle", 13, "violationItem", 2,
        "proposedSanctions", "WARNING,SUSPEND_FOR_RECTIFICATION", "proposedDiscretionarySanctions", "CREDIT_RECORD,PUBLIC_ANNOUNCEMENT");
    assertThat(decide("[{\"code\":\"CREDIT_RECORD\",\"reason\":\"屡次虚假宣传\"}]", existing)).isEmpty();
    assertThat(decide("[]", existing)).isEmpty();
    assertThat(decide(null, existing)).isEmpty();
    assertThat(decide("[{\"code\":\"TERMINATE_FILING\",\"reason\":\"情节恶劣\"}]", existing))
        .singleElement().satisfies(m -> assertThat(m).startsWith("discretionarySanctions").contains("不在本案可视情况给予的处理之内"));
    assertThat(decide("[{\"code\":\"CREDIT_RECORD\"}]", existing))
        .singleElement().satisfies(m -> assertThat(m).contains("须说明理由"));
    assertThat(decide("[{\"code\":\"CREDIT_RECORD\",\"reason\":\"a\"},{\"code\":\"CREDIT_RECORD\",\"reason\":\"b\"}]", existing))
        .singleElement().satisfies(m -> assertThat(m).contains("重复"));
    assertThat(decide("CREDIT_RECORD", existing)).singleElement().satisfies(m -> assertThat(m).contains("JSON"));
  }

  @Test
  void article15Paragraph1NeedsAStepOfItsScale_andParagraph2APenaltyBasis() {
    Map<String, Object> scale = Map.of("partyType", "INSTITUTION", "violationArticle", 15, "violationItem", 1,
        "proposedSanctions", "REVOKE_CERTIFICATE_DATA", "proposedDiscretionarySanctions", "WARNING,SUSPEND_ACTIVITIES,TERMINATE_FILING");
    assertThat(decide(null, scale)).singleElement().satisfies(m -> assertThat(m).contains("第十五条第一款"));
    assertThat(decide("[{\"code\":\"SUSPEND_ACTIVITIES\",\"reason\":\"错误数据量大\"}]", scale)).isEmpty();
    Map<String, Object> penalty = Map.of("partyType", "STAFF", "violationArticle", 15, "violationItem", 2,
        "proposedSanctions", "WITHDRAW_DATA_ACCESS,ORDER_DATA_DELETION,PENALTY_PER_RULES", "proposedDiscretionarySanctions", "REFERRAL");
    assertThat(decide(null, penalty)).singleElement().satisfies(m -> assertThat(m).startsWith("penaltyBasis"));
  }

  @Test
  void anAmendmentMayOnlyImposeWhatTheAmendedDeterminationAllows() {
    Map<String, Object> existing = Map.of("partyType", "INSTITUTION", "decidedBy", "alice", "priorArticle13Warning", false);
    Map<String, Object> review = new HashMap<>(Map.of("reviewOutcome", "AMEND", "reviewReasoning", "改按第十五条第一款",
        "amendedArticle", 15, "amendedItem", 1));
    review.put("amendedDiscretionarySanctions", "[{\"code\":\"WARNING\",\"reason\":\"初次\"}]");
    assertThat(check("Task_ReviewAppeal", "bob", review, existing).messages()).isEmpty();
    review.put("amendedDiscretionarySanctions", "[{\"code\":\"CREDIT_RECORD\",\"reason\":\"初次\"}]");
    assertThat(check("Task_ReviewAppeal", "bob", review, existing).messages())
        .anySatisfy(m -> assertThat(m).startsWith("amendedDiscretionarySanctions").contains("不在本案可视情况给予的处理之内"));
    Map<String, Object> toRecidivism = new HashMap<>(Map.of("reviewOutcome", "AMEND", "reviewReasoning", "改按第十四条第六项",
        "amendedArticle", 14, "amendedItem", 6));
    assertThat(check("Task_ReviewAppeal", "bob", toRecidivism, existing).messages())
        .anySatisfy(m -> assertThat(m).startsWith("amendedItem").contains("整改期"));
  }

  private List<String> decide(String discretionary, Map<String, Object> existing) {
    Map<String, Object> submitted = new HashMap<>(Map.of("decisionApproved", true));
    if (discretionary != null) {
      submitted.put("discretionarySanctions", discretionary);
    }
    return check("Task_IssueDecision", "u1", submitted, existing).messages();
  }

  private Violations check(String key, String user, Map<String, Object> submitted, Map<String, Object> existing) {
    return checkCase("WJ2026-000001", key, user, submitted, existing);
  }

  private Violations checkCase(String caseNo, String key, String user, Map<String, Object> submitted, Map<String, Object> existing) {
    Violations violations = new Violations();
    rules.check(new TaskCompletion("t1", key, "DisciplinaryCaseProcess", "p1", caseNo, user, submitted,
        name -> "".equals(existing.get(name)) ? null : existing.get(name)), violations);
    return violations;
  }
}
