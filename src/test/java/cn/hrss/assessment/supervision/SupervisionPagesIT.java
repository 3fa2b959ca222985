package cn.hrss.assessment.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.support.HtmlChecker;
import cn.hrss.assessment.support.IntegrationTest;
import cn.hrss.assessment.support.Jobs;
import cn.hrss.assessment.support.TestMail;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The public draw page {@code /supervision-results} and the plan page of the institution's area, as HTML over HTTP:
 * what is published when, valid HTML, the public pages' headers; the plan form keeps what was typed on an error.
 */
@IntegrationTest
class SupervisionPagesIT {

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired Jobs jobs;

  final HtmlChecker checker = new HtmlChecker();
  SupervisionFixtures fixtures;
  final List<String> cases = new ArrayList<>();

  @BeforeEach
  void setUp() {
    TestMail.reset();
    jobs.moveClockTo(LocalDateTime.of(2026, 3, 2, 9, 0));
    fixtures = new SupervisionFixtures(http, json, tasks, identity, jobs);
  }

  @AfterEach
  void tearDown() {
    jobs.runDue();
    List<String> running = runtime.createProcessInstanceQuery()
        .processDefinitionKeyIn("InstitutionFilingProcess", "QualitySupervisionProcess").list()
        .stream().map(ProcessInstance::getId).toList();
    if (!running.isEmpty()) {
      runtime.deleteProcessInstancesIfExists(running, "test finished", true, true, false);
    }
    jobs.forget(cases);
    jobs.resetClock();
  }

  @Test
  void theResultsPageShowsTheDrawAtOnceAndWhoSupervisesWhomFromTheActivityDay() {
    SupervisionFixtures.Filed filed = fixtures.file("开封公示督导机床有限公司");
    String planNo = declare(filed, "2026-03-18");
    ResponseEntity<JsonNode> created = http.exchange("/api/supervisions", org.springframework.http.HttpMethod.POST,
        new HttpEntity<>(Map.of("planNo", planNo, "kind", "ON_SITE", "special", false), jsonAs("manager")),
        JsonNode.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String no = created.getBody().get("supervisionNo").asText();
    cases.add(no);
    String seed = created.getBody().get("seed").asText();
    String drawNo = created.getBody().get("drawNo").asText();

    ResponseEntity<String> before = http.getForEntity("/supervision-results", String.class);
    assertThat(before.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(before.getHeaders().getFirst("Content-Security-Policy")).contains("script-src 'self'");
    assertThat(before.getBody()).contains("质量督导抽取结果公示", drawNo, seed, "河南省", "2026年3月18日")
        .doesNotContain(filed.name()); // not announced before the activity (督导规程 Art. 9(5))
    assertThat(checker.errors(before.getBody())).isEmpty();

    jobs.moveClockTo(LocalDateTime.of(2026, 3, 18, 8, 0));
    String during = http.getForObject("/supervision-results", String.class);
    assertThat(during).contains(filed.name(), filed.filingCode(), "组长", "证卡 R", "督导进行中").doesNotContain("@");

    // written by the supervision process once the opinion is issued (issue 14 item 4)
    jdbc.update("UPDATE supervision SET grade = 'EXCELLENT', final_score = 88.5 WHERE supervision_no = ?", no);
    String graded = http.getForObject("/supervision-results", String.class);
    assertThat(graded).contains("优良", "88.50 分");
    assertThat(checker.errors(graded)).isEmpty();

    assertThat(http.getForObject("/", String.class)).contains("href=\"/supervision-results\"");
  }

  @Test
  void thePlanPageDeclaresAPlanAndKeepsTheFormOnAnError() {
    SupervisionFixtures.Filed filed = fixtures.file("开封计划页面机床有限公司");
    String area = post("/institution", form(filed, Map.of())).getBody();
    assertThat(area).contains("申报或查看评价计划");

    ResponseEntity<String> wrong = post("/institution/assessment-plans", form(
        new SupervisionFixtures.Filed(filed.filingCode(), "wrong", null, null), Map.of()));
    assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(wrong.getBody()).contains("备案编码或查询令牌不正确");

    ResponseEntity<String> page = post("/institution/assessment-plans", form(filed, Map.of()));
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getHeaders().getCacheControl()).isEqualTo("no-store");
    assertThat(page.getBody()).contains("2026年3月9日", "尚未申报评价计划", "铣工");
    assertThat(checker.errors(page.getBody())).isEmpty();

    // too early, and a site left empty: 409/400 with the values kept and the errors on their fields
    MultiValueMap<String, Object> tooEarly = form(filed, Map.of("date", "2026-03-06", "site", "开封市实训基地",
        "candidates", "35"));
    tooEarly.add("levels.6-18-01-02", "4");
    ResponseEntity<String> refused = post("/institution/assessment-plans/declare", tooEarly);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(refused.getBody()).contains("id=\"plan-date-error\"", "2026年3月9日", "value=\"开封市实训基地\"",
        "value=\"35\"", "value=\"2026-03-06\"");
    assertThat(refused.getBody()).containsPattern("value=\"4\"\\s+checked");
    assertThat(checker.errors(refused.getBody())).isEmpty();

    MultiValueMap<String, Object> noLevels = form(filed, Map.of("date", "2026-03-10", "site", "", "candidates", "35"));
    ResponseEntity<String> invalid = post("/institution/assessment-plans/declare", noLevels);
    assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(invalid.getBody()).contains("id=\"plan-site-error\"", "id=\"plan-occupations-error\"");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM assessment_plan WHERE filing_code = ?", Integer.class,
        filed.filingCode())).isZero();

    MultiValueMap<String, Object> good = form(filed, Map.of("date", "2026-03-10", "site", "开封市实训基地",
        "candidates", "35"));
    good.add("levels.6-18-01-02", "3");
    good.add("levels.6-18-01-02", "4");
    ResponseEntity<String> declared = post("/institution/assessment-plans/declare", good);
    assertThat(declared.getStatusCode()).isEqualTo(HttpStatus.OK);
    String planNo = jdbc.queryForObject("SELECT plan_no FROM assessment_plan WHERE filing_code = ?", String.class,
        filed.filingCode());
    assertThat(declared.getBody()).contains("评价计划已申报", planNo, "2026年3月10日", "铣工 3级/4级");
    assertThat(checker.errors(declared.getBody())).isEmpty();
  }

  String declare(SupervisionFixtures.Filed filed, String date) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(filed.token());
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<JsonNode> created = http.postForEntity("/api/institutions/" + filed.filingCode() + "/assessment-plans",
        new HttpEntity<>(SupervisionApiIT.plan(date), headers), JsonNode.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return created.getBody().get("planNo").asText();
  }

  static HttpHeaders jsonAs(String user) {
    HttpHeaders headers = SupervisionApiIT.basic(user);
    headers.setContentType(MediaType.APPLICATION_JSON);
    return headers;
  }

  static MultiValueMap<String, Object> form(SupervisionFixtures.Filed filed, Map<String, String> values) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("filingCode", filed.filingCode());
    form.add("accessToken", filed.token());
    values.forEach(form::add);
    return form;
  }

  ResponseEntity<String> post(String path, MultiValueMap<String, Object> form) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.setAccept(List.of(MediaType.TEXT_HTML));
    return http.postForEntity(path, new HttpEntity<>(form, headers), String.class);
  }
}
