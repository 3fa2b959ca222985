package cn.hrss.assessment.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.assessment.codes.CreditCodes;
import cn.hrss.assessment.filing.Applications;
import cn.hrss.assessment.lifecycle.InstitutionRecord;
import cn.hrss.assessment.registry.Institution;
import cn.hrss.assessment.registry.InstitutionRegistry;
import cn.hrss.assessment.registry.InstitutionType;
import cn.hrss.assessment.registry.NewInstitution;
import cn.hrss.assessment.registry.OccupationScope;
import cn.hrss.assessment.support.IntegrationTest;
import cn.hrss.assessment.support.Jobs;
import cn.hrss.assessment.support.Pdfs;
import cn.hrss.assessment.support.TestMail;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * QualitySupervisionProcess end to end (issue 14 item 4; CONTRACT.md "Supervision"), started by the draw's event
 * {@link SupervisionAssigned}, the tasks completed as the team and the manager would in Tasklist (server-side checks
 * included), the defence through {@code POST /api/supervisions/{no}/defence}, GreenMail for every mail. Engine clock:
 * the activity is on Monday 2 March 2026 (no holiday in March), the report due Monday 9 March (5 working days).
 */
@IntegrationTest
class QualitySupervisionProcessIT {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final LocalDate ACTIVITY = LocalDate.of(2026, 3, 2);
  private static final byte[] PDF = "%PDF-1.7\n%supervision test\n".getBytes();

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired Jobs jobs;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired IdentityService identity;
  @Autowired InstitutionRegistry registry;
  @Autowired InstitutionRecord record;
  @Autowired SupervisionOutcomes outcomes;
  @Autowired Scorecards scorecards;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transactions;
  @Autowired ObjectMapper json;
  @Autowired FilterService filters;

  private final List<String> businessKeys = new ArrayList<>();

  @BeforeEach
  void setUp() {
    TestMail.reset();
    jobs.moveClockTo(LocalDateTime.of(2026, 3, 2, 9, 0));
  }

  @AfterEach
  void tearDown() {
    jobs.resetClock();
    businessKeys.addAll(jdbc.queryForList("SELECT case_no FROM supervision_outcome WHERE case_no IS NOT NULL", String.class));
    businessKeys.addAll(jdbc.queryForList("SELECT supervision_no FROM supervision_outcome", String.class));
    jobs.forget(businessKeys);
  }

  @Test
  void anExcellentSupervisionIsRecordedAsEligibleForAWiderScope() {
    Org org = institution();
    String no = start(org, Scorecards.ON_SITE, "supervisor1", "supervisor2", "supervisor3");
    Scorecard card = card(Scorecards.ON_SITE);
    assertThat(tasksOf(no)).extracting(Task::getAssignee).containsExactlyInAnyOrder("supervisor1", "supervisor2", "supervisor3");
    assertThat(tasksOf(no)).allSatisfy(task -> assertThat(task.getDueDate().toInstant().toString()).isEqualTo("2026-03-09T15:59:59Z"));
    // Tasklist: each supervisor's filter 质量督导 shows his own card only.
    String instance = tasksOf(no).get(0).getProcessInstanceId();
    assertThat(inFilter("质量督导", "supervisor2")).filteredOn(task -> instance.equals(task.getProcessInstanceId()))
        .extracting(Task::getAssignee).containsExactly("supervisor2");

    // supervisor1 fills the generated form (one field per item), supervisor2 sends the contract's scores (with half
    // points), supervisor3 the form again: the server computes each total.
    Map<String, Object> form = formFields(scoresTotalling(card, 92));
    form.put("seriousViolation", false);
    scoreAs(no, "supervisor1", form);
    Map<String, BigDecimal> half = scoresTotalling(card, 88);
    half.put("A01", new BigDecimal("0.5"));
    half.put("A02", new BigDecimal("0.5")); // two items of 1 point at half: 87
    scoreAs(no, "supervisor2", Map.of("scores", toJson(half), "seriousViolation", false, "scoreComment", "考务规范。"));
    scoreAs(no, "supervisor3", withFlag(formFields(scoresTotalling(card, 91)), false));
    jobs.runDue();

    assertThat(jdbc.queryForList("SELECT total FROM supervision_score WHERE supervision_no = ? ORDER BY supervisor",
        BigDecimal.class, no)).usingElementComparator(BigDecimal::compareTo)
        .containsExactly(new BigDecimal("92"), new BigDecimal("87"), new BigDecimal("91"));
    // The form's per-item fields leave the process; each member's scores are kept as the contract's JSON.
    assertThat(runtime.createVariableInstanceQuery().variableName("score_A01").list()).isEmpty();
    assertThat(jdbc.queryForObject("SELECT scores FROM supervision_score WHERE supervision_no = ? AND supervisor = 'supervisor2'",
        String.class, no)).startsWith("{\"A01\":0.5,\"A02\":0.5,");
    Task preliminary = single(no);
    assertThat(preliminary.getTaskDefinitionKey()).isEqualTo("Task_PreliminaryOpinion");
    assertThat(preliminary.getAssignee()).isEqualTo("supervisor1");
    assertThat((String) runtime.getVariable(preliminary.getProcessInstanceId(), "memberScores"))
        .contains("supervisor1：92 分", "supervisor2：87 分；意见：考务规范。", "supervisor3：91 分");
    assertThat(runtime.getVariable(preliminary.getProcessInstanceId(), "suggestedScore")).isEqualTo("90");

    completeAs(preliminary, "supervisor1", Map.of("preliminaryScore", 90, "preliminaryOpinion", "考务组织规范，试卷保密措施到位。"));
    jobs.runDue();
    assertThat(subjectsTo(org.email())).containsExactly("初步督导意见（督导编号 " + no + "）");
    assertThat(TestMail.textsTo(org.email())).anySatisfy(text -> assertThat(text).contains("90 分", "2026年3月9日",
        "/api/supervisions/" + no + "/defence"));
    assertThat(outcomes.find(no).orElseThrow().status()).isEqualTo(SupervisionOutcome.Status.DEFENCE_OPEN);

    // No defence: the window closes after the 5th working day (Monday 9 March).
    closeDefenceWindow();
    Task issue = single(no);
    assertThat(issue.getTaskDefinitionKey()).isEqualTo("Task_IssueSupervisionOpinion");
    assertThat(runtime.getVariable(issue.getProcessInstanceId(), "defenceSummary")).isEqualTo("机构未在申辩期限内提出申辩。");
    assertThat(inFilter("签发督导意见书", "manager")).extracting(Task::getId).contains(issue.getId());
    completeAs(issue, "manager", Map.of("finalScore", 90, "seriousViolation", false,
        "opinion", "评价活动组织规范，督导结果优良。", "rectificationRequired", false));
    jobs.runDue();

    SupervisionOutcome outcome = outcomes.find(no).orElseThrow();
    assertThat(outcome.grade()).isEqualTo(SupervisionGrade.EXCELLENT);
    assertThat(outcome.widerScopeEligible()).isTrue();
    assertThat(outcome.finalScore()).isEqualByComparingTo("90");
    assertThat(outcome.caseNo()).isNull();
    assertThat(outcome.rectificationDue()).isNull();
    assertThat(outcome.issuedBy()).isEqualTo("manager");
    assertThat(subjectsTo(org.email())).contains("督导意见书（督导编号 " + no + "）");
    assertThat(outcomes.letter(no)).get().asString().contains("督导意见书", "优良", "增加评价职业范围", "评价活动组织规范");
    assertThat(record.of(org.filingCode())).anySatisfy(entry -> {
      assertThat(entry.kind()).isEqualTo("SUPERVISION_EXCELLENT");
      assertThat(entry.reference()).isEqualTo(no);
      assertThat(entry.summary()).contains("优良", "90 分", "增加评价职业范围");
    });
    assertThat(endOf(no)).isEqualTo("EndEvent_SupervisionOpinionIssued");
  }

  @Test
  void aPassIsNeitherRectifiedNorACase() {
    Org org = institution();
    String no = start(org, Scorecards.QUESTION_SETTING, "supervisor2", "supervisor4");
    Scorecard card = card(Scorecards.QUESTION_SETTING);
    scoreAs(no, "supervisor2", withFlag(formFields(scoresTotalling(card, 74)), false));
    scoreAs(no, "supervisor4", Map.of("scores", toJson(scoresTotalling(card, 76)), "seriousViolation", "false"));
    jobs.runDue();
    assertThat(runtime.getVariable(single(no).getProcessInstanceId(), "suggestedScore")).isEqualTo("75");
    completeAs(single(no), "supervisor2", Map.of("preliminaryScore", 75, "preliminaryOpinion", "题库建设基本完备。"));
    jobs.runDue();
    closeDefenceWindow();
    completeAs(single(no), "manager", Map.of("finalScore", 75.5, "seriousViolation", false, "opinion", "命题管理基本规范。",
        "rectificationRequired", false));
    jobs.runDue();
    SupervisionOutcome outcome = outcomes.find(no).orElseThrow();
    assertThat(outcome.grade()).isEqualTo(SupervisionGrade.PASS);
    assertThat(outcome.finalScore()).isEqualByComparingTo("75.5");
    assertThat(outcome.widerScopeEligible()).isFalse();
    assertThat(outcome.caseNo()).isNull();
    assertThat(outcome.rectificationDue()).isNull();
    assertThat(TestMail.textsTo(org.email())).anySatisfy(text -> assertThat(text).contains("督导结果：合格", "75.5 分"));
    assertThat(record.of(org.filingCode())).anySatisfy(entry -> assertThat(entry.kind()).isEqualTo("SUPERVISION_PASS"));
  }

  @Test
  void aFailByScoreIsRectifiedAndOpensADisciplinaryCaseLinkedBothWays() {
    Org org = institution();
    String no = start(org, Scorecards.ON_SITE, "supervisor3", "supervisor1");
    Scorecard card = card(Scorecards.ON_SITE);
    scoreAs(no, "supervisor3", withFlag(formFields(scoresTotalling(card, 50)), false));
    scoreAs(no, "supervisor1", withFlag(formFields(scoresTotalling(card, 54)), false));
    jobs.runDue();
    completeAs(single(no), "supervisor3", Map.of("preliminaryScore", 52, "preliminaryOpinion", "考场秩序混乱，考务记录缺失。"));
    jobs.runDue();
    closeDefenceWindow();
    // 003 Annex 1 备注 1: 不合格 → 限期整改; the manager cannot leave it out.
    Task issue = single(no);
    assertThatThrownBy(() -> completeAs(issue, "manager", Map.of("finalScore", 52, "seriousViolation", false,
        "opinion", "考场秩序混乱，考务记录缺失，督导结果不合格。", "rectificationRequired", false)))
        .hasMessageContaining("rectificationRequired").hasMessageContaining("必须责令限期整改");
    completeAs(issue, "manager", Map.of("finalScore", 52, "seriousViolation", false,
        "opinion", "考场秩序混乱，考务记录缺失，督导结果不合格。", "rectificationRequired", true));
    jobs.runDue();

    SupervisionOutcome outcome = outcomes.find(no).orElseThrow();
    assertThat(outcome.grade()).isEqualTo(SupervisionGrade.FAIL);
    // Issued Tuesday 10 March 2026: the 30th working day after it (Qingming 5 April is a Sunday, 补假 Monday 6 April).
    assertThat(outcome.rectificationDue()).isEqualTo(LocalDate.of(2026, 4, 22));
    assertThat(outcome.caseNo()).startsWith("WJ2026-");
    Map<String, Object> c = jdbc.queryForMap("SELECT source, party_type, party_filing_code, facts FROM discipline_case"
        + " WHERE case_no = ?", outcome.caseNo());
    assertThat(c.get("source")).isEqualTo("SUPERVISION");
    assertThat(c.get("party_type")).isEqualTo("INSTITUTION");
    assertThat(c.get("party_filing_code")).isEqualTo(org.filingCode());
    assertThat((String) c.get("facts")).contains(no, "考场秩序混乱");
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(outcome.caseNo()).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_DetermineViolation");
    assertThat(TestMail.textsTo(org.email())).anySatisfy(text -> assertThat(text).contains("督导结果：不合格", "2026年4月22日"));
    assertThat(record.of(org.filingCode())).anySatisfy(entry -> {
      assertThat(entry.kind()).isEqualTo("SUPERVISION_FAIL");
      assertThat(entry.summary()).contains("不合格", "限期整改至 2026-04-22", outcome.caseNo());
    });
  }

  @Test
  void aSeriousViolationFailsTheSupervisionWhateverTheScore() {
    Org org = institution();
    String no = start(org, Scorecards.ON_SITE, "supervisor1", "supervisor2");
    Scorecard card = card(Scorecards.ON_SITE);
    scoreAs(no, "supervisor1", withFlag(formFields(scoresTotalling(card, 90)), false));
    // A serious violation needs its description (人社厅发〔2024〕27号).
    assertThatThrownBy(() -> scoreAs(no, "supervisor2", withFlag(formFields(scoresTotalling(card, 90)), true)))
        .hasMessageContaining("seriousViolationDescription");
    Map<String, Object> serious = withFlag(formFields(scoresTotalling(card, 90)), true);
    serious.put("seriousViolationDescription", "发现考生未参加考试即取得成绩（不考试就发证）。");
    scoreAs(no, "supervisor2", serious);
    jobs.runDue();
    Task preliminary = single(no);
    assertThat((String) runtime.getVariable(preliminary.getProcessInstanceId(), "memberScores")).contains("不考试就发证");
    completeAs(preliminary, "supervisor1", Map.of("preliminaryScore", 90, "preliminaryOpinion", "存在不考试就发证的严重违规行为。"));
    jobs.runDue();
    closeDefenceWindow();
    Task issue = single(no);
    // The manager's checkbox comes pre-set from the members' reports.
    assertThat(runtime.getVariable(issue.getProcessInstanceId(), "seriousViolation")).isEqualTo(true);
    completeAs(issue, "manager", Map.of("finalScore", 90, "seriousViolation", true,
        "opinion", "发现不考试就发证的严重违规行为，督导结果不合格。", "rectificationRequired", true));
    jobs.runDue();
    SupervisionOutcome outcome = outcomes.find(no).orElseThrow();
    assertThat(outcome.grade()).isEqualTo(SupervisionGrade.FAIL);
    assertThat(outcome.finalScore()).isEqualByComparingTo("90");
    assertThat(jdbc.queryForObject("SELECT facts FROM discipline_case WHERE case_no = ?", String.class, outcome.caseNo()))
        .contains("不考试就发证", no);
    assertThat(outcomes.letter(no)).get().asString().contains("存在不合格项");
  }

  @Test
  void aDefenceInTheWindowReachesTheManagerWhoseFinalScoreDiffersFromThePreliminary() {
    Org org = institution();
    String no = start(org, Scorecards.QUESTION_SETTING, "supervisor4", "supervisor3");
    Scorecard card = card(Scorecards.QUESTION_SETTING);
    // Before the preliminary opinion there is nothing to answer.
    assertThat(defence(no, org.token(), "我单位有异议。").getStatusCode().value()).isEqualTo(409);
    scoreAs(no, "supervisor4", withFlag(formFields(scoresTotalling(card, 58)), false));
    scoreAs(no, "supervisor3", withFlag(formFields(scoresTotalling(card, 58)), false));
    jobs.runDue();
    completeAs(single(no), "supervisor4", Map.of("preliminaryScore", 58, "preliminaryOpinion", "题库未按规定更新。"));
    jobs.runDue();

    jobs.moveClockTo(LocalDateTime.of(2026, 3, 6, 10, 0));
    ResponseEntity<JsonNode> answered = defence(no, org.token(), "题库已于2026年1月更新，附更新记录。");
    assertThat(answered.getStatusCode().value()).isEqualTo(201);
    assertThat(answered.getBody().get("supervisionNo").asText()).isEqualTo(no);
    assertThat(defence(no, org.token(), "再次申辩").getStatusCode().value()).isEqualTo(409);
    jobs.runDue();
    Task issue = single(no);
    assertThat(issue.getTaskDefinitionKey()).isEqualTo("Task_IssueSupervisionOpinion");
    assertThat(runtime.getVariable(issue.getProcessInstanceId(), "defenceSummary")).isEqualTo("题库已于2026年1月更新，附更新记录。");
    completeAs(issue, "manager", Map.of("finalScore", 66, "seriousViolation", false,
        "opinion", "经核实申辩材料，题库已更新，酌情加分。", "rectificationRequired", false));
    jobs.runDue();
    SupervisionOutcome outcome = outcomes.find(no).orElseThrow();
    assertThat(outcome.preliminaryScore()).isEqualByComparingTo("58");
    assertThat(outcome.finalScore()).isEqualByComparingTo("66");
    assertThat(outcome.grade()).isEqualTo(SupervisionGrade.PASS);
    assertThat(outcome.defence()).contains("更新记录");
    assertThat(outcome.caseNo()).isNull();
    assertThat(outcomes.letter(no)).get().asString().contains("你单位的申辩意见：题库已于2026年1月更新");
    // The stored letter, as mailed: for the institution's token and for managers; not for another institution.
    // 督导意见书 is a PDF whose text is the letter's (Chinese text, not pictures of it), HTML for a browser.
    ResponseEntity<byte[]> letter = letter(no, org.token(), null, null);
    assertThat(letter.getStatusCode().value()).isEqualTo(200);
    assertThat(letter.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
    assertThat(Pdfs.text(letter.getBody())).contains("督导意见书", "合格", "66分", no);
    ResponseEntity<byte[]> html = letter(no, org.token(), null, "text/html");
    assertThat(html.getHeaders().getContentType().toString()).startsWith("text/html");
    assertThat(new String(html.getBody(), StandardCharsets.UTF_8)).isEqualTo(outcomes.letter(no).orElseThrow());
    // The mail carries the same letter as a PDF attachment.
    assertThat(TestMail.server().getReceivedMessagesForDomain(org.email().substring(org.email().indexOf('@') + 1)))
        .filteredOn(m -> subjectOf(m).equals("督导意见书（督导编号 " + no + "）")).isNotEmpty()
        .allSatisfy(m -> assertThat(TestMail.attachmentsOf(m)).containsOnlyKeys("督导意见书-" + no + ".pdf")
            .allSatisfy((name, pdf) -> assertThat(Pdfs.text(pdf)).contains("督导意见书", "66分")));
    assertThat(letter(no, null, "manager", null).getStatusCode().value()).isEqualTo(200);
    assertThat(letter(no, institution().token(), null, null).getStatusCode().value()).isEqualTo(403);
    assertThat(letter(no, null, "discipline", null).getStatusCode().value()).isEqualTo(403);
  }

  @Test
  void theDefenceIsRefusedOutsideItsWindowWithoutTheTokenAndWhenEmpty() {
    Org org = institution();
    Org other = institution();
    String no = start(org, Scorecards.QUESTION_SETTING, "supervisor1", "supervisor2");
    Scorecard card = card(Scorecards.QUESTION_SETTING);
    scoreAs(no, "supervisor1", withFlag(formFields(scoresTotalling(card, 80)), false));
    scoreAs(no, "supervisor2", withFlag(formFields(scoresTotalling(card, 80)), false));
    jobs.runDue();
    completeAs(single(no), "supervisor1", Map.of("preliminaryScore", 80, "preliminaryOpinion", "总体规范。"));
    jobs.runDue();

    assertThat(defence(no, null, "无令牌").getStatusCode().value()).isEqualTo(401);
    assertThat(defence(no, other.token(), "他人令牌").getStatusCode().value()).isEqualTo(403);
    assertThat(defence("DD2026-NOSUCH", org.token(), "不存在").getStatusCode().value()).isEqualTo(404);
    ResponseEntity<JsonNode> empty = defence(no, org.token(), "  ");
    assertThat(empty.getStatusCode().value()).isEqualTo(400);
    assertThat(empty.getHeaders().getContentType().toString()).contains("application/problem+json");
    assertThat(empty.getBody().get("errors").get(0).get("field").asText()).isEqualTo("content");
    assertThat(outcomes.find(no).orElseThrow().defence()).isNull();

    closeDefenceWindow();
    ResponseEntity<JsonNode> late = defence(no, org.token(), "逾期的申辩");
    assertThat(late.getStatusCode().value()).isEqualTo(409);
    assertThat(late.getBody().get("detail").asText()).contains("申辩期已届满");
    assertThat(outcomes.find(no).orElseThrow().defence()).isNull();
    assertThat(single(no).getTaskDefinitionKey()).isEqualTo("Task_IssueSupervisionOpinion");
  }

  @Test
  void anOverdueReportRemindsTheTeamAndTheManagersOnce() {
    Org org = institution();
    String no = start(org, Scorecards.ON_SITE, "supervisor1", "supervisor2");
    scoreAs(no, "supervisor1", withFlag(formFields(scoresTotalling(card(Scorecards.ON_SITE), 80)), false));
    jobs.runDue();
    jobs.moveClockTo(LocalDateTime.of(2026, 3, 9, 23, 0)); // still in time
    jobs.runDue();
    assertThat(subjectsTo("manager@demo.assessment.local")).doesNotContain(overdueSubject(no));
    jobs.moveClockTo(LocalDateTime.of(2026, 3, 10, 9, 0));
    jobs.runDue();
    jobs.moveClockTo(LocalDateTime.of(2026, 3, 12, 9, 0));
    jobs.runDue();
    // One notice (one message to all of them: GreenMail keeps a copy per mailbox), sent once.
    assertThat(jdbc.queryForList("SELECT recipients FROM notice WHERE case_ref = ? AND template = 'supervision-report-overdue'",
        String.class, no)).singleElement().satisfies(to -> assertThat(to).contains("manager@demo.assessment.local",
        "supervisor1@demo.assessment.local", "supervisor2@demo.assessment.local"));
    assertThat(subjectsTo("supervisor2@demo.assessment.local")).contains(overdueSubject(no));
    assertThat(TestMail.textsTo("supervisor2@demo.assessment.local")).anySatisfy(text -> assertThat(text).contains("2026年3月9日"));
    assertThat(tasksOf(no)).singleElement().satisfies(task -> assertThat(task.getAssignee()).isEqualTo("supervisor2"));
  }

  @Test
  void aScorecardWithAnItemAboveItsMaximumAMissingOrAnUnknownItemIsRefusedAndNothingChanges() {
    Org org = institution();
    String no = start(org, Scorecards.QUESTION_SETTING, "supervisor1", "supervisor2");
    Scorecard card = card(Scorecards.QUESTION_SETTING);
    Map<String, BigDecimal> bad = scoresTotalling(card, 80);
    bad.put("P01", new BigDecimal("6")); // P01: at most 5
    bad.remove("P02");
    bad.put("Z01", BigDecimal.ONE);
    assertThatThrownBy(() -> scoreAs(no, "supervisor1", Map.of("scores", toJson(bad), "seriousViolation", false)))
        .hasMessageContaining("P01").hasMessageContaining("0 至 5 分")
        .hasMessageContaining("P02").hasMessageContaining("未评分")
        .hasMessageContaining("Z01").hasMessageContaining("不在本评分表中");
    Map<String, Object> fields = formFields(scoresTotalling(card, 80));
    fields.put("score_P03", 3.25); // one decimal at most (P03 has 4)
    fields.put("seriousViolation", false);
    assertThatThrownBy(() -> scoreAs(no, "supervisor1", fields)).hasMessageContaining("P03").hasMessageContaining("一位小数");
    // Another member cannot fill in supervisor1's card.
    assertThatThrownBy(() -> completeAs(taskOf(no, "supervisor1"), "supervisor2",
        withFlag(formFields(scoresTotalling(card, 80)), false))).hasMessageContaining("supervisor1");
    assertThat(tasksOf(no)).hasSize(2);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM supervision_score WHERE supervision_no = ?", Integer.class, no)).isZero();
    assertThat(runtime.createVariableInstanceQuery().variableName("score_P01").list()).isEmpty();
  }

  @Test
  void tasklistSubmitsTheGeneratedFormThroughEngineRestAndTheServerChecksItThere() {
    Org org = institution();
    String no = start(org, Scorecards.QUESTION_SETTING, "supervisor3", "supervisor4");
    Scorecard card = card(Scorecards.QUESTION_SETTING);
    // As Tasklist submits a Camunda Form: typed values, integers as Long, halves as Double, the checkbox as Boolean.
    Map<String, Object> variables = new LinkedHashMap<>();
    scoresTotalling(card, 83).forEach((id, points) -> variables.put("score_" + id, Map.of("value", points.longValue(), "type", "Long")));
    variables.put("score_P01", Map.of("value", 4.5, "type", "Double"));
    variables.put("seriousViolation", Map.of("value", false, "type", "Boolean"));
    Map<String, Object> tooHigh = new LinkedHashMap<>(variables);
    tooHigh.put("score_P02", Map.of("value", 9, "type", "Long")); // P02 has 4
    Task task = taskOf(no, "supervisor3");
    ResponseEntity<JsonNode> refused = submitForm(task, "supervisor3", tooHigh);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody().get("message").asText()).contains("P02", "0 至 4 分");
    assertThat(submitForm(task, "supervisor3", variables).getStatusCode().value()).isEqualTo(204);
    jobs.runDue();
    assertThat(jdbc.queryForObject("SELECT total FROM supervision_score WHERE supervision_no = ? AND supervisor = 'supervisor3'",
        BigDecimal.class, no)).isEqualByComparingTo("82.5");
  }

  // --- helpers

  private ResponseEntity<JsonNode> submitForm(Task task, String user, Map<String, Object> variables) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, user);
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange("/engine-rest/task/" + task.getId() + "/submit-form", HttpMethod.POST,
        new HttpEntity<>(Map.of("variables", variables), headers), JsonNode.class);
  }

  record Org(String filingCode, String email, String token) {}

  /**
   * A filed institution whose filing application has a real access token: the application is submitted through the
   * API (its token is what the institution holds), the institution registered as filed by it.
   */
  private Org institution() {
    int n = SEQUENCE.incrementAndGet();
    String first17 = String.format("91410100MD%07d", (System.nanoTime() / 1000 + n) % 10_000_000);
    String creditCode = first17 + CreditCodes.checkCharacter(first17);
    ResponseEntity<JsonNode> created = http.postForEntity("/api/filings",
        Applications.multipart(json, Applications.provincialEmployer(creditCode), Map.of("备案申请表.pdf", PDF)), JsonNode.class);
    assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
    String applicationNo = created.getBody().get("applicationNo").asText();
    businessKeys.add(applicationNo);
    String email = "supervised" + n + "-" + System.nanoTime() % 100_000 + "@example.cn";
    Institution institution = registry.register(new NewInstitution(InstitutionType.PROVINCIAL_EMPLOYER, "督导测试机构" + n,
        creditCode, "41", "郑州市督导路 " + n + " 号", email, applicationNo,
        List.of(new OccupationScope("6-18-01-02", "铣工", null, List.of(3))), null));
    TestMail.reset();
    return new Org(institution.filingCode(), email, created.getBody().get("accessToken").asText());
  }

  /** What the draw does: publishes the event in its transaction. */
  private String start(Org org, String kind, String... team) {
    String no = "DD2026-" + String.format("%06d", SEQUENCE.incrementAndGet() * 7919 % 1_000_000) + "-" + System.nanoTime() % 1000;
    businessKeys.add(no);
    transactions.executeWithoutResult(status -> events.publishEvent(new SupervisionAssigned(no, "JH-" + no, org.filingCode(),
        "督导测试机构", org.email(), "41", kind, team.length >= 3, ACTIVITY, "郑州市督导路考点", List.of(team))));
    return no;
  }

  private Scorecard card(String kind) {
    return scorecards.find(kind).orElseThrow();
  }

  /** Full marks but for the last items, lowered until the card totals {@code total}. */
  private static Map<String, BigDecimal> scoresTotalling(Scorecard card, int total) {
    Map<String, BigDecimal> scores = new LinkedHashMap<>();
    card.items().forEach(item -> scores.put(item.id(), BigDecimal.valueOf(item.maxPoints())));
    int deficit = card.maxTotal() - total;
    List<Scorecard.Item> items = new ArrayList<>(card.items());
    java.util.Collections.reverse(items);
    for (Scorecard.Item item : items) {
      int cut = Math.min(deficit, item.maxPoints());
      scores.put(item.id(), BigDecimal.valueOf(item.maxPoints() - cut));
      deficit -= cut;
    }
    return scores;
  }

  /** The generated form's fields, as Tasklist submits them (numbers as Long). */
  private static Map<String, Object> formFields(Map<String, BigDecimal> scores) {
    Map<String, Object> fields = new HashMap<>();
    scores.forEach((id, points) -> fields.put("score_" + id, points.stripTrailingZeros().scale() <= 0
        ? (Object) points.longValue() : (Object) points.doubleValue()));
    return fields;
  }

  private static Map<String, Object> withFlag(Map<String, Object> fields, boolean serious) {
    fields.put("seriousViolation", serious);
    return fields;
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void closeDefenceWindow() {
    jobs.moveClockTo(LocalDateTime.of(2026, 3, 10, 9, 0)); // after Monday 9 March, 23:59:59
    jobs.runDue();
  }

  private List<Task> tasksOf(String no) {
    return tasks.createTaskQuery().processInstanceBusinessKey(no).list();
  }

  private List<Task> inFilter(String name, String user) {
    identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList());
    try {
      return filters.list(filters.createFilterQuery().filterName(name).singleResult().getId());
    } finally {
      identity.clearAuthentication();
    }
  }

  private Task single(String no) {
    return tasks.createTaskQuery().processInstanceBusinessKey(no).singleResult();
  }

  private Task taskOf(String no, String assignee) {
    return tasks.createTaskQuery().processInstanceBusinessKey(no).taskDefinitionKey("Task_ScoreSupervision")
        .taskAssignee(assignee).singleResult();
  }

  private void scoreAs(String no, String supervisor, Map<String, Object> variables) {
    completeAs(taskOf(no, supervisor), supervisor, variables);
  }

  private void completeAs(Task task, String user, Map<String, Object> variables) {
    assertThat(task).isNotNull();
    identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList());
    try {
      tasks.complete(task.getId(), new HashMap<>(variables));
    } finally {
      identity.clearAuthentication();
    }
  }

  private ResponseEntity<JsonNode> defence(String no, String token, String content) {
    HttpHeaders headers = new HttpHeaders();
    if (token != null) {
      headers.setBearerAuth(token);
    }
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
    return http.exchange("/api/supervisions/" + no + "/defence", HttpMethod.POST,
        new HttpEntity<>(Map.of("content", content), headers), JsonNode.class);
  }

  private ResponseEntity<byte[]> letter(String no, String token, String user, String accept) {
    HttpHeaders headers = new HttpHeaders();
    if (accept != null) {
      headers.set(HttpHeaders.ACCEPT, accept);
    }
    if (token != null) {
      headers.setBearerAuth(token);
    } else {
      headers.setBasicAuth(user, user);
    }
    return http.exchange("/api/supervisions/" + no + "/letter", HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
  }

  private static String subjectOf(jakarta.mail.Message message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String overdueSubject(String no) {
    return "质量督导报告逾期提醒（督导编号 " + no + "）";
  }

  private List<String> subjectsTo(String address) {
    return Arrays.stream(TestMail.server().getReceivedMessages()).filter(m -> {
      try {
        return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address));
      } catch (jakarta.mail.MessagingException e) {
        return false;
      }
    }).map(m -> {
      try {
        return m.getSubject();
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  private String endOf(String no) {
    return jdbc.queryForObject("SELECT END_ACT_ID_ FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = ?", String.class, no);
  }
}
