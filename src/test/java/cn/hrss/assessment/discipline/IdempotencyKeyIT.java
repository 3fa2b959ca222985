package cn.hrss.assessment.discipline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.filing.Applications;
import cn.hrss.assessment.filing.FilingApplication;
import cn.hrss.assessment.registry.Institution;
import cn.hrss.assessment.registry.InstitutionRegistry;
import cn.hrss.assessment.support.IntegrationTest;
import cn.hrss.assessment.support.Jobs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.MultiValueMap;

/**
 * {@code Idempotency-Key} on the creating POSTs (issue 16, item 1): a retried request gets the first response and
 * creates nothing; another body with the same key is refused (422); the key is forgotten after 24 hours; neither
 * the key nor the response (with its access token) is readable in the database. Runs on H2 and PostgreSQL.
 */
@IntegrationTest
class IdempotencyKeyIT {

  private static final byte[] PDF = "%PDF-1.7\n%idempotency\n".getBytes();

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired InstitutionRegistry registry;
  @Autowired RuntimeService runtime;
  @Autowired Jobs jobs;

  @BeforeEach
  void setUp() {
    jobs.moveClockTo(LocalDateTime.of(2026, 3, 2, 9, 0));
  }

  @AfterEach
  void tearDown() {
    runtime.createProcessInstanceQuery().processDefinitionKeyIn("InstitutionFilingProcess", DisciplinaryCaseProcess.KEY)
        .list().forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test cleanup", true, true));
    jobs.resetClock();
  }

  @Test
  void aRetriedFilingGetsTheFirstAnswerAndCreatesNothing() {
    FilingApplication application = Applications.socialOrg(Applications.freshSocialOrgCode());
    String key = UUID.randomUUID().toString();

    ResponseEntity<JsonNode> first = submitFiling(application, "备案申请表.pdf", key);
    ResponseEntity<JsonNode> retried = submitFiling(application, "备案申请表.pdf", key);

    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(first.getHeaders().containsKey("Idempotent-Replayed")).isFalse();
    assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(retried.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    assertThat(retried.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
    assertThat(retried.getBody()).isEqualTo(first.getBody());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM filing_application WHERE credit_code = ?", Integer.class,
        application.creditCode())).isEqualTo(1);

    // The same key with another body: 422, nothing stored.
    ResponseEntity<JsonNode> other = submitFiling(application, "另一份申请表.pdf", key);
    assertThat(other.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(other.getBody().get("detail").asText()).contains("Idempotency-Key");

    // Neither the key nor the applicant's token can be read from the table.
    String token = first.getBody().get("accessToken").asText();
    List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM idempotency_key");
    assertThat(rows.toString()).doesNotContain(token).doesNotContain(key);
    // Nor from the application itself: its token is kept as a hash only (issue 16, item 7).
    assertThat(jdbc.queryForList("SELECT * FROM filing_application WHERE credit_code = ?", application.creditCode())
        .toString()).doesNotContain(token);
  }

  @Test
  void withoutAKeyEveryRequestCountsAndABadKeyIsRefused() {
    FilingApplication application = Applications.socialOrg(Applications.freshSocialOrgCode());
    for (String bad : List.of("", "   ", "x".repeat(256), "two words")) {
      ResponseEntity<JsonNode> refused = submitFiling(application, "备案申请表.pdf", bad);
      assertThat(refused.getStatusCode()).as("key '%s'", bad).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody().get("errors").findValuesAsText("field")).contains("Idempotency-Key");
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM filing_application WHERE credit_code = ?", Integer.class,
        application.creditCode())).isZero();
    assertThat(submitFiling(application, "备案申请表.pdf", null).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    // Without a key, a second submission is a new request: refused as a duplicate application, as before.
    assertThat(submitFiling(application, "备案申请表.pdf", null).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void aRetriedIntakeGetsTheSameCaseAndAfter24HoursTheKeyIsForgotten() {
    Institution org = DisciplineFixtures.institution(registry, "幂等测试培训评价有限公司", "idem@example.cn");
    CaseIntake intake = DisciplineFixtures.institution(org.name(), org.filingCode(), "idem@example.cn");
    String key = UUID.randomUUID().toString();

    ResponseEntity<JsonNode> first = openCase(intake, key);
    ResponseEntity<JsonNode> retried = openCase(intake, key);
    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(retried.getBody()).isEqualTo(first.getBody());
    assertThat(casesOf(org)).isEqualTo(1);

    jobs.moveClockTo(LocalDateTime.of(2026, 3, 3, 9, 1));
    ResponseEntity<JsonNode> dayLater = openCase(intake, key);
    assertThat(dayLater.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(dayLater.getBody().get("caseNo").asText()).isNotEqualTo(first.getBody().get("caseNo").asText());
    assertThat(casesOf(org)).isEqualTo(2);
  }

  @Test
  void concurrentRetriesWithOneKeyCreateOneCase() throws Exception {
    Institution org = DisciplineFixtures.institution(registry, "并发幂等培训评价有限公司", "idem2@example.cn");
    CaseIntake intake = DisciplineFixtures.institution(org.name(), org.filingCode(), "idem2@example.cn");
    String key = UUID.randomUUID().toString();

    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<ResponseEntity<JsonNode>>> calls = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        calls.add(() -> openCase(intake, key));
      }
      List<String> caseNos = new ArrayList<>();
      for (Future<ResponseEntity<JsonNode>> answer : pool.invokeAll(calls)) {
        assertThat(answer.get().getStatusCode()).isEqualTo(HttpStatus.CREATED);
        caseNos.add(answer.get().getBody().get("caseNo").asText());
      }
      assertThat(caseNos).containsOnly(caseNos.get(0));
    } finally {
      pool.shutdownNow();
    }
    assertThat(casesOf(org)).isEqualTo(1);
  }

  // --- helpers

  private ResponseEntity<JsonNode> submitFiling(FilingApplication application, String fileName, String key) {
    HttpEntity<MultiValueMap<String, Object>> body = Applications.multipart(json, application, Map.of(fileName, PDF));
    HttpHeaders headers = new HttpHeaders();
    headers.putAll(body.getHeaders());
    if (key != null) {
      headers.set("Idempotency-Key", key);
    }
    return http.postForEntity("/api/filings", new HttpEntity<>(body.getBody(), headers), JsonNode.class);
  }

  private ResponseEntity<JsonNode> openCase(CaseIntake intake, String key) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("discipline", "discipline");
    headers.set("Idempotency-Key", key);
    return http.postForEntity("/api/discipline/cases", new HttpEntity<>(intake, headers), JsonNode.class);
  }

  private int casesOf(Institution org) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM discipline_case WHERE party_filing_code = ?", Integer.class,
        org.filingCode());
  }
}
