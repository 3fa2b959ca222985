package cn.hrss.assessment.discipline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.assessment.registry.Institution;
import cn.hrss.assessment.registry.InstitutionRegistry;
import cn.hrss.assessment.support.IntegrationTest;
import cn.hrss.assessment.support.Jobs;
import cn.hrss.assessment.support.TestMail;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * End to end through the domain REST API over HTTP (officers' tasks through the engine API, as Tasklist) with GreenMail; runs on H2 and on the
 * embedded PostgreSQL: a candidate impersonation case (002 Annex 2 Art. 7(4), serious → 5-year ban) and an
 * institution case ending in suspension shown in the directory (Art. 13).
 */
@IntegrationTest
class DisciplineApiIT {

  @Autowired TestRestTemplate http;
  @Autowired InstitutionRegistry registry;
  @Autowired JdbcTemplate jdbc;
  @Autowired Jobs jobs;
  @Autowired ObjectMapper json;
  @Autowired org.camunda.bpm.engine.TaskService tasks;
  @Autowired org.camunda.bpm.engine.ProcessEngine engine;
  @Autowired org.camunda.bpm.engine.IdentityService identity;

  private Institution school;

  @BeforeEach
  void setUp() {
    TestMail.reset();
    jobs.moveClockTo(LocalDateTime.of(2026, 3, 2, 9, 0));
    school = DisciplineFixtures.institution(registry, "郑州市端到端评价中心", "e2e-school@example.cn");
  }

  @AfterEach
  void tearDown() {
    jobs.resetClock();
    // This context is shared with other features' tests: leave no timers behind for a clock they move.
    engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(DisciplinaryCaseProcess.KEY).list()
        .forEach(pi -> engine.getRuntimeService().deleteProcessInstance(pi.getId(), "test cleanup", true, true));
  }

  @Test
  void candidateImpersonation_seriousEndsInAFiveYearBanVisibleToOfficers() throws Exception {
    String id = DisciplineFixtures.idNumber();
    ResponseEntity<JsonNode> created = post("/api/discipline/cases", officer(),
        intake("CANDIDATE", "EXAM_SITE_REPORT", Map.of("name", "冒名者", "idNumber", id), "impostor@example.cn",
            List.of("考务员 甲", "考务员 乙"), true, school.filingCode()));
    assertThat(created.getStatusCode().value()).isEqualTo(201);
    String caseNo = created.getBody().get("caseNo").asText();
    String token = created.getBody().get("accessToken").asText();

    completeTask(caseNo, "Task_DetermineViolation", Map.of("violationArticle", 7, "violationItem", 4,
        "severity", "SERIOUS", "findings", "经核对证件与现场照片，系他人冒名顶替参加评价。"));
    jobs.runDue();
    assertThat(TestMail.server().getReceivedMessages()).extracting(m -> m.getSubject())
        .anySatisfy(s -> assertThat(s).contains("处理告知书"));

    JsonNode status = get("/api/discipline/cases/" + caseNo, bearer(token)).getBody();
    assertThat(status.get("status").asText()).isEqualTo("NOTICE_SERVED");
    assertThat(status.get("proposedSanctions").toString()).contains("BAN_5_YEARS");
    assertThat(status.get("determination").get("reasons").asText()).contains("冒名顶替");
    assertThat(status.toString()).doesNotContain(id);

    ResponseEntity<JsonNode> statement = post("/api/discipline/cases/" + caseNo + "/statements", bearer(token),
        Map.of("content", "本人当日确在考场。"));
    assertThat(statement.getStatusCode().value()).isEqualTo(201);
    completeTask(caseNo, "Task_ConsiderStatement", Map.of("statementOutcome", "MAINTAIN", "statementResponse", "监控录像不支持陈述。"));
    completeTask(caseNo, "Task_IssueDecision", Map.of("decisionApproved", true, "decisionNote", "同意"));
    jobs.runDue();

    JsonNode bans = get("/api/sanctions/bans?idNumber=" + id, officer()).getBody();
    assertThat(bans.get("banned").asBoolean()).isTrue();
    assertThat(bans.get("bans").get(0).get("sanction").asText()).isEqualTo("BAN_5_YEARS");
    assertThat(bans.get("bans").get(0).get("endsOn").asText()).isEqualTo("2031-03-01");
    assertThat(get("/api/sanctions/bans?idNumber=" + id, bearer(token)).getStatusCode().value()).isEqualTo(401);

    assertThat(get("/api/discipline/cases/" + caseNo, bearer("wrong")).getStatusCode().value()).isEqualTo(403);
    assertThat(post("/api/discipline/cases/" + caseNo + "/statements", bearer(token), Map.of("content", "再补充"))
        .getStatusCode().value()).isEqualTo(409);

    JsonNode verify = get("/api/discipline/archive/verify", officer()).getBody();
    assertThat(verify.get("ok").asBoolean()).isTrue();
  }

  @Test
  void institutionAdvertisingGuaranteedPass_isSuspendedInTheDirectory() {
    Institution org = DisciplineFixtures.institution(registry, "包过培训评价有限公司", "baoguo@example.cn");
    ResponseEntity<JsonNode> created = post("/api/discipline/cases", officer(),
        intake("INSTITUTION", "COMPLAINT", Map.of("name", org.name(), "filingCode", org.filingCode()), null, null, null, null));
    String caseNo = created.getBody().get("caseNo").asText();
    completeTask(caseNo, "Task_DetermineViolation", Map.of("violationArticle", 13, "violationItem", 4,
        "findings", "机构在招生广告中宣传“包过”，经核实。"));
    jobs.runDue();
    // No statement: the 5-working-day window closes on Monday 9 March.
    jobs.moveClockTo(LocalDateTime.of(2026, 3, 10, 8, 0));
    jobs.runDue();
    completeTask(caseNo, "Task_IssueDecision", Map.of("decisionApproved", true));
    jobs.runDue();

    JsonNode directory = get("/api/directory?q=包过培训", null).getBody();
    assertThat(directory.toString()).contains(org.filingCode()).contains("SUSPENDED");
    JsonNode status = get("/api/discipline/cases/" + caseNo, officer()).getBody();
    assertThat(status.get("status").asText()).isEqualTo("DECISION_SERVED");
    assertThat(status.get("executedSanctions").toString()).contains("SUSPEND_FOR_RECTIFICATION").contains("WARNING");
  }

  @Test
  void invalidIntakeIsRefusedWithProblemDetailsAndNothingIsStored() {
    Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM discipline_case", Integer.class);
    ResponseEntity<JsonNode> refused = post("/api/discipline/cases", officer(),
        intake("CANDIDATE", "EXAM_SITE_REPORT", Map.of("name", "某考生", "idNumber", "410105199013010011"), null,
            List.of("考务员 甲"), false, "Y000041000000"));
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getHeaders().getContentType().toString()).contains("application/problem+json");
    assertThat(refused.getBody().get("errors").toString())
        .contains("party.idNumber").contains("reporters").contains("siteHeadConfirmed").contains("institutionFilingCode");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM discipline_case", Integer.class)).isEqualTo(before);

    ResponseEntity<JsonNode> otherAuthority = post("/api/discipline/cases", officer(),
        intake("STAFF", "OTHER_AUTHORITY", Map.of("name", "某考务员", "idNumber", DisciplineFixtures.idNumber()), null, null, null,
            school.filingCode()));
    assertThat(otherAuthority.getBody().get("errors").toString()).contains("party.staffRole").contains("authorityReference");
    assertThat(post("/api/discipline/cases", null, Map.of()).getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void theTasklistStartFormIsCheckedOnTheServerAndNeverStoresTheIdNumber() {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(DisciplinaryCaseProcess.KEY).latestVersion().singleResult().getId();
    Map<String, Object> bad = new LinkedHashMap<>();
    bad.put("partyType", "CANDIDATE");
    bad.put("source", "EXAM_SITE_REPORT");
    bad.put("partyName", "表单考生");
    bad.put("partyIdNumber", "123");
    bad.put("facts", "考场报告");
    bad.put("reporters", "考务员 甲");
    identity.setAuthentication("discipline", List.of("discipline-officers"));
    try {
      assertThatThrownBy(() -> engine.getFormService().submitStartForm(definitionId, bad))
          .isInstanceOf(org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException.class)
          .hasMessageContaining("party.idNumber").hasMessageContaining("reporters").hasMessageContaining("siteHeadConfirmed");

      String id = DisciplineFixtures.idNumber();
      Map<String, Object> good = new LinkedHashMap<>(bad);
      good.put("partyIdNumber", id);
      good.put("reporters", "考务员 甲\n考务员 乙");
      good.put("siteHeadConfirmed", true);
      good.put("institutionFilingCode", school.filingCode());
      String caseNo = engine.getFormService().submitStartForm(definitionId, good).getBusinessKey();
      assertThat(caseNo).startsWith("WJ2026-");
      identity.clearAuthentication();
      assertThat(get("/api/discipline/cases/" + caseNo, officer()).getBody().get("party").get("idNumberMasked").asText())
          .isEqualTo(id.substring(0, 6) + "********" + id.substring(14));
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_VARINST WHERE TEXT_ = ?", Integer.class, id)).isZero();
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_DETAIL WHERE TEXT_ = ?", Integer.class, id)).isZero();
    } finally {
      identity.clearAuthentication();
    }
  }

  @Test
  void theAssessmentDateIsCheckedAtIntake_andAnsweredWithTheCase() {
    Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM discipline_case", Integer.class);
    java.time.LocalDate today = java.time.LocalDate.ofInstant(
        org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant(), cn.hrss.assessment.support.Jobs.ZONE);
    for (String bad : List.of("2026-13-01", today.plusDays(1).toString())) { // not a date; after today
      Map<String, Object> body = intake("CANDIDATE", "EXAM_SITE_REPORT", Map.of("name", "日期考生", "idNumber",
          DisciplineFixtures.idNumber()), null, List.of("考务员 甲", "考务员 乙"), true, school.filingCode());
      body.put("assessmentDate", bad);
      ResponseEntity<JsonNode> refused = post("/api/discipline/cases", officer(), body);
      assertThat(refused.getStatusCode().value()).as(bad).isEqualTo(400);
      assertThat(refused.getBody().get("errors").toString()).as(bad).contains("assessmentDate");
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM discipline_case", Integer.class)).isEqualTo(before);

    Map<String, Object> body = intake("CANDIDATE", "EXAM_SITE_REPORT", Map.of("name", "日期考生", "idNumber",
        DisciplineFixtures.idNumber()), null, List.of("考务员 甲", "考务员 乙"), true, school.filingCode());
    body.put("assessmentDate", today.minusDays(2).toString());
    ResponseEntity<JsonNode> created = post("/api/discipline/cases", officer(), body);
    assertThat(created.getStatusCode().value()).isEqualTo(201);
    JsonNode view = http.exchange("/api/discipline/cases/" + created.getBody().get("caseNo").asText(), HttpMethod.GET,
        new HttpEntity<>(headers(officer())), JsonNode.class).getBody();
    assertThat(view.get("assessmentDate").asText()).isEqualTo(today.minusDays(2).toString());
    assertThat(view.get("proposedDiscretionarySanctions").isArray()).isTrue();
  }

  @Test
  void theAnnouncementsPageIsPublic() {
    ResponseEntity<String> page = http.getForEntity("/announcements", String.class);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getBody()).contains("违纪违规处理公告");
  }

  // --- helpers

  private Map<String, Object> intake(String partyType, String source, Map<String, String> party, String email,
      List<String> reporters, Boolean siteHeadConfirmed, String institutionFilingCode) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("partyType", partyType);
    body.put("source", source);
    body.put("party", party);
    body.put("partyEmail", email);
    body.put("facts", "考场报告：见附件。");
    body.put("reporters", reporters);
    body.put("siteHeadConfirmed", siteHeadConfirmed);
    body.put("institutionFilingCode", institutionFilingCode);
    return body;
  }

  /**
   * Completes the case's open task as the officer would in Tasklist, through the engine API with the officer
   * authenticated (the server-side completion checks run on this path too). Not over /engine-rest: with several
   * Spring contexts in one test JVM, engine REST resolves the engine registered last, not this context's.
   */
  private void completeTask(String caseNo, String taskKey, Map<String, Object> variables) {
    org.camunda.bpm.engine.task.Task task = tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo(taskKey);
    identity.setAuthentication("discipline", List.of("discipline-officers"));
    try {
      tasks.complete(task.getId(), variables);
    } finally {
      identity.clearAuthentication();
    }
  }

  private HttpHeaders officer() {
    HttpHeaders h = new HttpHeaders();
    h.setBasicAuth("discipline", "discipline");
    return h;
  }

  private static HttpHeaders bearer(String token) {
    HttpHeaders h = new HttpHeaders();
    h.setBearerAuth(token);
    return h;
  }

  private HttpHeaders headers(HttpHeaders auth) {
    HttpHeaders h = new HttpHeaders();
    if (auth != null) {
      h.putAll(auth);
    }
    h.setContentType(MediaType.APPLICATION_JSON);
    h.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
    return h;
  }

  private ResponseEntity<JsonNode> get(String url, HttpHeaders auth) {
    return http.exchange(url, HttpMethod.GET, new HttpEntity<>(headers(auth)), JsonNode.class);
  }

  private ResponseEntity<JsonNode> post(String url, HttpHeaders auth, Object body) {
    return http.exchange(url, HttpMethod.POST, new HttpEntity<>(body, headers(auth)), JsonNode.class);
  }
}
