package cn.hrss.assessment.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.assessment.codes.CreditCodes;
import cn.hrss.assessment.registry.Institution;
import cn.hrss.assessment.registry.InstitutionRegistry;
import cn.hrss.assessment.registry.InstitutionType;
import cn.hrss.assessment.registry.NewInstitution;
import cn.hrss.assessment.registry.OccupationScope;
import cn.hrss.assessment.support.IntegrationTest;
import cn.hrss.assessment.support.Jobs;
import cn.hrss.assessment.support.TestMail;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
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
import org.springframework.util.LinkedMultiValueMap;

/**
 * Complaints end to end (issue 14 item 5; CONTRACT.md "Complaints"), through the REST API and the public page, with
 * the officers' tasks completed as in Tasklist and GreenMail for every mail: dismissed with reasons, verified against
 * a filed institution (a disciplinary case opened, source COMPLAINT, linked both ways, the complainant named nowhere
 * the institution or the public can see), not verified, and the overdue reminder when the reply is late.
 */
@IntegrationTest
class ComplaintIT {

  private static final AtomicInteger INSTITUTIONS = new AtomicInteger(4100);
  private static final String COMPLAINANT = "张投诉";
  private static final String PHONE = "13800138000";
  private static final String EMAIL = "complainant@example.cn";

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired Jobs jobs;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired InstitutionRegistry registry;

  @BeforeEach
  void setUp() {
    TestMail.reset();
    jobs.moveClockTo(LocalDateTime.of(2026, 3, 2, 9, 0));
  }

  @AfterEach
  void tearDown() {
    jobs.resetClock();
    jobs.forget(jdbc.queryForList("SELECT complaint_no FROM complaint", String.class));
    jobs.forget(jdbc.queryForList("SELECT case_no FROM complaint WHERE case_no IS NOT NULL", String.class));
  }

  @Test
  void aDismissedComplaintIsAnsweredWithTheReasons() {
    Institution org = institution("被驳回投诉评价中心");
    ResponseEntity<JsonNode> created = submit(complaint(org.filingCode(), null, EMAIL));
    assertThat(created.getStatusCode().value()).isEqualTo(201);
    String no = created.getBody().get("complaintNo").asText();
    String token = created.getBody().get("accessToken").asText();
    assertThat(no).matches("TS2026-\\d{6}");
    jobs.runDue();
    assertThat(subjectsTo(EMAIL)).containsExactly("投诉已收到（" + no + "）");
    // The 15th working day after Monday 2 March 2026 (no holiday in March): Monday 23 March, end of day Beijing time.
    assertThat(get(no, token).getBody().get("replyDue").asText()).isEqualTo("2026-03-23T15:59:59Z");
    assertThat(get(no, token).getBody().get("stage").asText()).isEqualTo("已收到，待受理");

    complete(no, "Task_TriageComplaint", Map.of("triageDecision", "DISMISS", "triageComment", "投诉事项不属于评价机构评价活动，不予受理。"));
    jobs.runDue();

    JsonNode status = get(no, token).getBody();
    assertThat(status.get("status").asText()).isEqualTo("DISMISSED");
    assertThat(status.get("reply").asText()).contains("不予受理");
    assertThat(status.has("complainant")).as("the complainant's own view does not echo the identity").isFalse();
    assertThat(subjectsTo(EMAIL)).contains("投诉答复（" + no + "）");
    assertThat(TestMail.textsTo(EMAIL)).anySatisfy(text -> assertThat(text).contains("不属于评价机构评价活动"));
    assertThat(endOf(no)).isEqualTo("EndEvent_ComplaintAnswered");
  }

  @Test
  void aVerifiedComplaintAgainstAFiledInstitutionBecomesACaseThatNeverNamesTheComplainant() {
    Institution org = institution("投诉属实评价中心");
    String no = submit(complaint(org.filingCode(), null, EMAIL)).getBody().get("complaintNo").asText();
    jobs.runDue();
    complete(no, "Task_TriageComplaint", Map.of("triageDecision", "VERIFY", "triageComment", "受理，调取考场录像核实。"));
    jobs.runDue();
    JsonNode officerView = get(no, officer()).getBody();
    assertThat(officerView.get("stage").asText()).isEqualTo("已受理，核实中");
    assertThat(officerView.get("complainant").get("name").asText()).isEqualTo(COMPLAINANT);

    complete(no, "Task_VerifyComplaint", Map.of("verified", "true",
        "verificationFindings", "经调取录像，2026年2月28日该机构考场存在替考行为，考务人员未制止。",
        "reply", "经核实，投诉事项属实，已对该机构立案处理。"));
    jobs.runDue();

    String caseNo = jdbc.queryForObject("SELECT case_no FROM complaint WHERE complaint_no = ?", String.class, no);
    assertThat(caseNo).startsWith("WJ2026-");
    Map<String, Object> c = jdbc.queryForMap("SELECT source, party_type, party_filing_code, facts FROM discipline_case"
        + " WHERE case_no = ?", caseNo);
    assertThat(c.get("source")).isEqualTo("COMPLAINT");
    assertThat(c.get("party_type")).isEqualTo("INSTITUTION");
    assertThat(c.get("party_filing_code")).isEqualTo(org.filingCode());
    // Linked both ways: the case's facts name the complaint, the complaint names the case.
    assertThat((String) c.get("facts")).contains(no).contains("替考").doesNotContain(COMPLAINANT, PHONE, EMAIL);
    assertThat(get(no, officer()).getBody().get("caseNo").asText()).isEqualTo(caseNo);
    assertThat(subjectsTo(EMAIL)).contains("投诉答复（" + no + "）");

    // The case goes on as any other: its determination and notice of intent reach the institution without the
    // complainant's identity; nothing the institution or the public sees names the complainant.
    Task determine = tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
    assertThat(determine.getTaskDefinitionKey()).isEqualTo("Task_DetermineViolation");
    identity.setAuthentication("discipline", List.of("discipline-officers"));
    try {
      tasks.complete(determine.getId(), Map.of("violationArticle", 14, "violationItem", 2,
          "findings", "经调取录像核实，考场存在替考行为，考务人员未制止。"));
    } finally {
      identity.clearAuthentication();
    }
    jobs.runDue();
    assertThat(TestMail.textsTo(org.contactEmail())).isNotEmpty()
        .allSatisfy(text -> assertThat(text).doesNotContain(COMPLAINANT, PHONE, EMAIL));
    assertThat(http.getForEntity("/announcements", String.class).getBody()).doesNotContain(COMPLAINANT, PHONE);
    assertThat(http.getForEntity("/directory", String.class).getBody()).doesNotContain(COMPLAINANT, PHONE);
  }

  @Test
  void aComplaintNotVerifiedIsAnsweredWithoutACase() {
    String no = submit(complaint(null, "某不知名培训机构", null)).getBody().get("complaintNo").asText();
    jobs.runDue();
    complete(no, "Task_TriageComplaint", Map.of("triageDecision", "VERIFY", "triageComment", "受理。"));
    jobs.runDue();
    complete(no, "Task_VerifyComplaint", Map.of("verified", "false", "verificationFindings", "现场核查未发现所述情况。",
        "reply", "经核实，投诉事项不属实。"));
    jobs.runDue();
    Map<String, Object> row = jdbc.queryForMap("SELECT status, case_no, complainant_email FROM complaint WHERE complaint_no = ?", no);
    assertThat(row.get("status")).isEqualTo("NOT_VERIFIED");
    assertThat(row.get("case_no")).isNull();
    // Anonymous, without address: the answer is on the status page; both notices are recorded as skipped.
    assertThat(jdbc.queryForList("SELECT status FROM notice WHERE case_ref = ?", String.class, no)).containsOnly("SKIPPED");
    assertThat(endOf(no)).isEqualTo("EndEvent_ComplaintAnswered");
  }

  @Test
  void aLateReplyRemindsTheOfficersAndManagersOnce() {
    String no = submit(complaint(null, "逾期答复测试机构", EMAIL)).getBody().get("complaintNo").asText();
    jobs.runDue();
    jobs.moveClockTo(LocalDateTime.of(2026, 3, 24, 9, 0)); // the day after the 15th working day (Monday 23 March)
    jobs.runDue();
    jobs.moveClockTo(LocalDateTime.of(2026, 3, 25, 9, 0));
    jobs.runDue();
    assertThat(jdbc.queryForList("SELECT recipients FROM notice WHERE case_ref = ? AND template = 'complaint-overdue'",
        String.class, no)).singleElement().satisfies(to -> assertThat(to).contains("discipline@demo.assessment.local")
        .contains("manager@demo.assessment.local"));
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(no).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_TriageComplaint");
  }

  @Test
  void invalidComplaintsAreRefusedOnTheirFieldsAndNothingIsStored() {
    Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM complaint", Integer.class);
    ResponseEntity<JsonNode> refused = submit(Map.of("content", "短", "email", "not-an-email"));
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getHeaders().getContentType().toString()).contains("application/problem+json");
    assertThat(refused.getBody().get("errors").toString()).contains("institutionFilingCode", "content", "email");
    assertThat(submit(complaint("Y999941000000", null, null)).getBody().get("errors").toString())
        .contains("未找到该备案编码");
    assertThat(submit(Map.of("institutionName", "某机构", "content", "x".repeat(5001))).getStatusCode().value()).isEqualTo(400);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM complaint", Integer.class)).isEqualTo(before);
  }

  @Test
  void aComplaintPostedFromAnotherSiteIsRefusedAndNothingIsStored() {
    Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM complaint", Integer.class);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.set("Sec-Fetch-Site", "cross-site");
    LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("institutionName", "跨站测试机构");
    form.add("content", "跨站提交的投诉内容，应当被拒绝。");
    assertThat(http.exchange("/complaints", HttpMethod.POST, new HttpEntity<>(form, headers), String.class)
        .getStatusCode().value()).isEqualTo(403);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM complaint", Integer.class)).isEqualTo(before);
  }

  @Test
  void theComplaintIsReadWithItsOwnTokenOrByOfficersOnly() {
    String first = submit(complaint(null, "令牌测试机构", null)).getBody().get("complaintNo").asText();
    ResponseEntity<JsonNode> second = submit(complaint(null, "令牌测试机构二", null));
    String otherToken = second.getBody().get("accessToken").asText();
    assertThat(get(first, otherToken).getStatusCode().value()).isEqualTo(403);
    assertThat(http.getForEntity("/api/complaints/" + first, JsonNode.class).getStatusCode().value()).isEqualTo(401);
    HttpHeaders expert = new HttpHeaders();
    expert.setBasicAuth("expert1", "expert1");
    assertThat(get(first, expert).getStatusCode().value()).isEqualTo(403);
    assertThat(get(first, officer()).getBody().get("complainant").get("name").asText()).isEqualTo(COMPLAINANT);
  }

  @Test
  void theOfficersCompletionsAreCheckedOnTheServer() {
    String no = submit(complaint(null, "校验测试机构", null)).getBody().get("complaintNo").asText();
    jobs.runDue();
    assertThatThrownBy(() -> complete(no, "Task_TriageComplaint", Map.of("triageDecision", "MAYBE")))
        .hasMessageContaining("triageDecision").hasMessageContaining("triageComment");
    complete(no, "Task_TriageComplaint", Map.of("triageDecision", "VERIFY", "triageComment", "受理。"));
    jobs.runDue();
    assertThatThrownBy(() -> complete(no, "Task_VerifyComplaint", Map.of("verified", "perhaps", "reply", " ")))
        .hasMessageContaining("verified").hasMessageContaining("verificationFindings").hasMessageContaining("reply");
  }

  @Test
  void thePublicPageTakesAComplaintKeepsTheEntriesOnAnErrorAndLooksItUp() {
    ResponseEntity<String> refused = page("/complaints", Map.of("institutionName", "页面测试机构", "content", "太短",
        "name", "页面投诉人"));
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody()).contains("投诉未提交", "不少于 10 个字", "页面测试机构", "页面投诉人");

    ResponseEntity<String> accepted = page("/complaints", Map.of("institutionName", "页面测试机构",
        "content", "该机构在评价前向考生出售考试答案，2026年2月。"));
    assertThat(accepted.getStatusCode().value()).isEqualTo(200);
    String body = accepted.getBody();
    String no = between(body, "id=\"complaint-no\">", "<");
    String token = between(body, "id=\"complaint-token\">", "<");
    assertThat(no).startsWith("TS2026-");
    assertThat(page("/complaints/lookup", Map.of("complaintNo", no, "accessToken", token)).getBody())
        .contains("已收到，待受理", "页面测试机构");
    assertThat(page("/complaints/lookup", Map.of("complaintNo", no, "accessToken", "wrong")).getBody())
        .contains("投诉编号或查询令牌不正确");
  }

  // --- helpers

  private Institution institution(String name) {
    String first17 = String.format("51410000MC%07d", INSTITUTIONS.incrementAndGet());
    return registry.register(new NewInstitution(InstitutionType.SOCIAL_ORG, name, first17 + CreditCodes.checkCharacter(first17),
        "41", "郑州市投诉路 1 号", "org" + INSTITUTIONS.get() + "@example.cn", "TEST-C-" + INSTITUTIONS.get(),
        List.of(new OccupationScope("6-31-99-02", "测试工种二", null, List.of(4, 3))), null));
  }

  private static Map<String, Object> complaint(String filingCode, String institutionName, String email) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("institutionFilingCode", filingCode);
    body.put("institutionName", institutionName);
    body.put("content", "2026年2月28日该机构组织的评价中，考场内有人替考，考务人员未予制止。");
    body.put("name", COMPLAINANT);
    body.put("contact", PHONE);
    body.put("email", email);
    return body;
  }

  private ResponseEntity<JsonNode> submit(Map<String, Object> body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
    return http.exchange("/api/complaints", HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
  }

  private ResponseEntity<JsonNode> get(String no, String token) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(token);
    return get(no, headers);
  }

  private ResponseEntity<JsonNode> get(String no, HttpHeaders auth) {
    auth.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
    return http.exchange("/api/complaints/" + no, HttpMethod.GET, new HttpEntity<>(auth), JsonNode.class);
  }

  private static HttpHeaders officer() {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("discipline", "discipline");
    return headers;
  }

  private ResponseEntity<String> page(String url, Map<String, String> form) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    LinkedMultiValueMap<String, String> body = new LinkedMultiValueMap<>();
    form.forEach(body::add);
    return http.exchange(url, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
  }

  /** Completes the complaint's open task as the discipline officer in Tasklist (server-side checks included). */
  private void complete(String no, String taskKey, Map<String, Object> variables) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(no).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo(taskKey);
    identity.setAuthentication("discipline", List.of("discipline-officers"));
    try {
      tasks.complete(task.getId(), variables);
    } finally {
      identity.clearAuthentication();
    }
  }

  private List<String> subjectsTo(String address) {
    return java.util.Arrays.stream(TestMail.server().getReceivedMessages()).filter(m -> {
      try {
        return java.util.Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address));
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

  private static String between(String text, String start, String end) {
    int from = text.indexOf(start);
    assertThat(from).as("%s in the page", start).isNotNegative();
    from += start.length();
    return text.substring(from, text.indexOf(end, from));
  }
}
