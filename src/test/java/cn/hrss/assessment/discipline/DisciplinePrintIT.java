package cn.hrss.assessment.discipline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.registry.Institution;
import cn.hrss.assessment.registry.InstitutionRegistry;
import cn.hrss.assessment.support.IntegrationTest;
import cn.hrss.assessment.support.Jobs;
import cn.hrss.assessment.support.Pdfs;
import cn.hrss.assessment.support.TestMail;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
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
 * The party's access token of a case registered with the Tasklist start form (issue 13 item 9): not in the engine
 * (variables, history), printed once on the access letter by the officer who registered the case, and printed on the
 * notice of intent for a party without an e-mail address; the archived notice and its public announcement keep no
 * token. On H2 and PostgreSQL.
 */
@IntegrationTest
class DisciplinePrintIT {

  private static final Pattern TOKEN = Pattern.compile("访问令牌([A-Za-z0-9_-]{43})");

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired InstitutionRegistry registry;
  @Autowired JdbcTemplate jdbc;
  @Autowired Jobs jobs;

  private final List<String> cases = new ArrayList<>();

  @BeforeEach
  void setUp() {
    TestMail.reset();
    jobs.moveClockTo(LocalDateTime.of(2026, 3, 2, 9, 0));
    if (identity.createUserQuery().userId("discipline2").count() == 0) {
      User second = identity.newUser("discipline2");
      second.setPassword("discipline2");
      second.setFirstName("第二");
      second.setLastName("认定员");
      identity.saveUser(second);
      identity.createMembership("discipline2", "discipline-officers");
    }
  }

  @AfterEach
  void tearDown() {
    jobs.forget(cases);
    identity.deleteUser("discipline2");
    jobs.resetClock();
  }

  @Test
  void theOfficerWhoRegisteredTheCasePrintsTheTokenOnceAndAPartyWithoutEmailGetsItOnThePrintedNotice() {
    Institution org = DisciplineFixtures.institution(registry, "打印令牌测试评价中心", null);
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(DisciplinaryCaseProcess.KEY).latestVersion().singleResult().getId();
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("partyType", "INSTITUTION");
    form.put("source", "COMPLAINT");
    form.put("partyName", org.name());
    form.put("partyFilingCode", org.filingCode());
    form.put("facts", "机构在招生广告中宣传“包过”。");
    String caseNo;
    identity.setAuthentication("discipline", List.of("discipline-officers"));
    try {
      caseNo = engine.getFormService().submitStartForm(definitionId, form).getBusinessKey();
    } finally {
      identity.clearAuthentication();
    }
    cases.add(caseNo);
    String letterPath = "/api/discipline/cases/" + caseNo + "/access-letter";

    // Only a discipline officer, and only the one who registered the case.
    assertThat(get(letterPath, "reviewer").getStatusCode().value()).isEqualTo(403);
    ResponseEntity<byte[]> other = get(letterPath, "discipline2");
    assertThat(other.getStatusCode().value()).isEqualTo(403);
    assertThat(new String(other.getBody(), java.nio.charset.StandardCharsets.UTF_8)).contains("只能由立案的工作人员打印");
    assertThat(get(letterPath, null).getStatusCode().value()).isEqualTo(401);

    ResponseEntity<byte[]> letter = get(letterPath, "discipline");
    assertThat(letter.getStatusCode().value()).isEqualTo(200);
    assertThat(letter.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(letter.getHeaders().getCacheControl()).isEqualTo("no-store");
    String text = Pdfs.text(letter.getBody());
    assertThat(text).contains("违纪违规案件查询凭证", caseNo, org.name(), "/case-status").doesNotContain("请勿直接回复");
    String token = token(text);
    // it is the party's token: it opens the case
    assertThat(asParty("/api/discipline/cases/" + caseNo, token).getStatusCode().value()).isEqualTo(200);
    // once: a second print is refused, naming who printed it
    ResponseEntity<byte[]> again = get(letterPath, "discipline");
    assertThat(again.getStatusCode().value()).isEqualTo(409);
    assertThat(new String(again.getBody(), java.nio.charset.StandardCharsets.UTF_8)).contains("已于", "由 discipline 打印");

    // No notice yet: nothing to print.
    String noticePath = "/api/discipline/cases/" + caseNo + "/notice-of-intent";
    assertThat(get(noticePath, "discipline").getStatusCode().value()).isEqualTo(409);
    var task = tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
    identity.setAuthentication("discipline", List.of("discipline-officers"));
    try {
      tasks.complete(task.getId(), Map.of("violationArticle", 13, "violationItem", 4, "findings", "经核实，机构在广告中宣传“包过”。"));
    } finally {
      identity.clearAuthentication();
    }
    jobs.runDue();

    // Served by announcement (no address); the officer prints the notice with the token to post it (Art. 17).
    ResponseEntity<byte[]> notice = get(noticePath, "discipline2");
    assertThat(notice.getStatusCode().value()).isEqualTo(200);
    assertThat(notice.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    String noticeText = Pdfs.text(notice.getBody());
    assertThat(noticeText).contains("违纪违规行为处理告知书", caseNo, org.name(), token);
    assertThat(get(noticePath, "reviewer").getStatusCode().value()).isEqualTo(403);

    // The token is nowhere at rest: not in the engine's variables or history, the archive or the letter's record.
    for (String sql : List.of("SELECT COUNT(*) FROM ACT_RU_VARIABLE WHERE TEXT_ = ?",
        "SELECT COUNT(*) FROM ACT_HI_VARINST WHERE TEXT_ = ?", "SELECT COUNT(*) FROM ACT_HI_DETAIL WHERE TEXT_ = ?")) {
      assertThat(jdbc.queryForObject(sql, Integer.class, token)).as(sql).isZero();
    }
    assertThat(jdbc.queryForList("SELECT content FROM discipline_archive WHERE case_no = ?", String.class, caseNo))
        .isNotEmpty().noneMatch(content -> content.contains(token));
    assertThat(jdbc.queryForList("SELECT issued_by FROM discipline_access_letter WHERE case_no = ?", String.class, caseNo))
        .containsExactly("discipline");
    assertThat(http.getForEntity("/announcements", String.class).getBody()).doesNotContain(token);
  }

  @Test
  void aPartyWithAnAddressHasItsTokenMailedSoTheNoticeIsNotPrinted() {
    Institution org = DisciplineFixtures.institution(registry, "邮寄令牌测试评价中心", "print@example.cn");
    HttpHeaders officer = new HttpHeaders();
    officer.setBasicAuth("discipline", "discipline");
    officer.setContentType(MediaType.APPLICATION_JSON);
    Map<String, Object> intake = new LinkedHashMap<>();
    intake.put("partyType", "INSTITUTION");
    intake.put("source", "COMPLAINT");
    intake.put("party", Map.of("name", org.name(), "filingCode", org.filingCode()));
    intake.put("partyEmail", "print@example.cn");
    intake.put("facts", "机构在招生广告中宣传“包过”。");
    var opened = http.exchange("/api/discipline/cases", HttpMethod.POST, new HttpEntity<>(intake, officer),
        com.fasterxml.jackson.databind.JsonNode.class);
    String caseNo = opened.getBody().get("caseNo").asText();
    cases.add(caseNo);
    ResponseEntity<byte[]> refused = get("/api/discipline/cases/" + caseNo + "/notice-of-intent", "discipline");
    assertThat(refused.getStatusCode().value()).isEqualTo(409);
    assertThat(new String(refused.getBody(), java.nio.charset.StandardCharsets.UTF_8)).contains("已以电子邮件送达");
  }

  private ResponseEntity<byte[]> get(String path, String user) {
    HttpHeaders headers = new HttpHeaders();
    if (user != null) {
      headers.setBasicAuth(user, user);
    }
    return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
  }

  private ResponseEntity<String> asParty(String path, String token) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(token);
    return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }

  private static String token(String text) {
    Matcher m = TOKEN.matcher(text);
    assertThat(m.find()).as("a token in: " + text).isTrue();
    return m.group(1);
  }
}
