package cn.hrss.assessment.filing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.calendar.DeadlineLedger;
import cn.hrss.assessment.calendar.ProcessDeadlines;
import cn.hrss.assessment.support.IntegrationTest;
import cn.hrss.assessment.support.Jobs;
import cn.hrss.assessment.support.OfficialYears;
import cn.hrss.assessment.support.TestMail;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 12 as a department meets it (DOMAIN.md §6, CONTRACT.md "Working-day calendar"): applications handled at the
 * end of January 2027, before the State Council's 2027 schedule is loaded, get deadlines computed on the provisional
 * year and marked so (status API, mail, Tasklist); loading the official schedule recomputes them: the authority's
 * acceptance deadline follows it, the applicant's supplement window is never shortened, each change is recorded, and
 * the Tasklist due date, the timer job and the status API agree. Runs on H2 and PostgreSQL.
 */
@IntegrationTest
class FilingDeadlineRecomputationIT {

  /** Friday 2027-01-29, a week before the Spring Festival 2027 (除夕 = 02-05). */
  private static final LocalDateTime SUBMITTED = LocalDateTime.of(2027, 1, 29, 10, 0);

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;
  @Autowired DeadlineLedger ledger;
  @Autowired Jobs jobs;

  @BeforeEach
  void setUp() {
    TestMail.reset();
    jobs.moveClockTo(SUBMITTED);
  }

  @AfterEach
  void tearDown() {
    List<String> running = runtime.createProcessInstanceQuery().processDefinitionKeyIn(FilingProcess.KEY).list().stream()
        .map(ProcessInstance::getId).toList();
    if (!running.isEmpty()) {
      runtime.deleteProcessInstancesIfExists(running, "test finished", true, true, false);
    }
    OfficialYears.forget(jdbc, 2027);
    jobs.resetClock();
  }

  @Test
  void theOfficialScheduleMovesTheAuthoritysDeadlineAndNeverShortensTheApplicants() throws Exception {
    Filing reviewing = submit();
    Filing supplementing = submit();
    assertThat(completeRest("officer", supplementing.no(), Map.of("acceptanceDecision", "REQUEST_SUPPLEMENT",
        "acceptanceComment", "请补充近三年的评价工作总结。")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    jobs.runDue();

    // Provisional 2027: 春节 02-05..08 + 补假 02-09, 02-10. Acceptance, 10 working days from 01-29: 02-18.
    // Supplement, 20 working days from 01-29: 03-04.
    JsonNode reviewingStatus = status(reviewing);
    assertThat(reviewingStatus.at("/deadlines/acceptanceDue").asText()).isEqualTo(endOf("2027-02-18"));
    assertThat(names(reviewingStatus.get("provisionalDeadlines"))).containsExactly("acceptanceDue");
    JsonNode supplementingStatus = status(supplementing);
    assertThat(supplementingStatus.get("status").asText()).isEqualTo("SUPPLEMENT_REQUESTED");
    assertThat(supplementingStatus.at("/deadlines/supplementDue").asText()).isEqualTo(endOf("2027-03-04"));
    assertThat(names(supplementingStatus.get("provisionalDeadlines"))).containsExactly("supplementDue");
    agree(reviewing, supplementing);

    // The applicant's mail says the date is provisional; so does the status page.
    assertThat(mailsTo("apply@social.example.cn")).singleElement().satisfies(html -> assertThat(html)
        .contains("2027年3月4日").contains("暂定，以国务院公布的放假安排为准"));
    assertThat(statusPage(supplementing)).contains("2027年3月4日").contains("暂定，以国务院公布的放假安排为准");

    // Tasklist: the officer's task is marked, and listed by the filter 期限暂定的任务.
    Task review = task(reviewing, FilingProcess.Elements.REVIEW_COMPLETENESS);
    assertThat(tasks.getVariableLocal(review.getId(), ProcessDeadlines.DUE_DATE_PROVISIONAL)).isEqualTo(true);
    assertThat(provisionalFilterTaskIds("officer")).contains(review.getId());

    // The State Council's schedule (made up for the test): only the statutory days off, one adjusted Sunday (01-31).
    List<String> holidays = new ArrayList<>(OfficialYears.statutory2027OutsideSpringFestival());
    holidays.addAll(OfficialYears.range("2027-02-05", "2027-02-08"));
    ResponseEntity<JsonNode> loaded = OfficialYears.load(http, 2027, holidays, List.of("2027-01-31"),
        "国办发明电〔2026〕X号（测试）", JsonNode.class);
    assertThat(loaded.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(loaded.getBody().get("source").asText()).isEqualTo("OFFICIAL");
    assertThat(loaded.getBody().get("recomputed").asInt()).as("the acceptance deadline moved").isEqualTo(1);
    assertThat(loaded.getBody().get("kept").asInt()).as("the supplement window kept").isEqualTo(1);

    // Authority: 01-31 (Sun, worked), 02-01..04, 02-09..12, 02-15 → 02-15, earlier, and the officer sees it.
    reviewingStatus = status(reviewing);
    assertThat(reviewingStatus.at("/deadlines/acceptanceDue").asText()).isEqualTo(endOf("2027-02-15"));
    assertThat(names(reviewingStatus.get("provisionalDeadlines"))).isEmpty();
    review = task(reviewing, FilingProcess.Elements.REVIEW_COMPLETENESS);
    assertThat(tasks.getVariableLocal(review.getId(), ProcessDeadlines.DUE_DATE_PROVISIONAL)).isEqualTo(false);
    assertThat(tasks.getTaskComments(review.getId())).singleElement()
        .satisfies(c -> assertThat(c.getFullMessage()).contains("2027-02-18 → 2027-02-15"));
    assertThat(provisionalFilterTaskIds("officer")).doesNotContain(review.getId());
    assertThat(step(reviewingStatus, "DEADLINE_CHANGED").get("comment").asText())
        .contains("受理审查期限").contains("2027年2月18日 → 2027年2月15日");

    // Party: the data alone give 03-01, but the applicant keeps 03-04 (信赖保护), and the history says why.
    supplementingStatus = status(supplementing);
    assertThat(supplementingStatus.at("/deadlines/supplementDue").asText()).isEqualTo(endOf("2027-03-04"));
    assertThat(names(supplementingStatus.get("provisionalDeadlines"))).isEmpty();
    assertThat(step(supplementingStatus, "DEADLINE_CHANGED").get("comment").asText())
        .contains("2027年3月1日").contains("不缩短");
    assertThat(statusPage(supplementing)).contains("2027年3月4日").doesNotContain("暂定");
    agree(reviewing, supplementing);

    // Both changes recorded with old, new and the date the data alone give.
    assertThat(ledger.changes(reviewing.no())).singleElement().satisfies(c -> {
      assertThat(c.previous()).isEqualTo(Instant.parse(endOf("2027-02-18")));
      assertThat(c.due()).isEqualTo(Instant.parse(endOf("2027-02-15")));
      assertThat(c.reason()).contains("2027年").contains("国办发明电〔2026〕X号（测试）");
    });
    assertThat(ledger.changes(supplementing.no())).singleElement().satisfies(c -> {
      assertThat(c.due()).isEqualTo(Instant.parse(endOf("2027-03-04")));
      assertThat(c.computed()).isEqualTo(Instant.parse(endOf("2027-03-01")));
    });
    jobs.runDue();
    assertThat(mailsTo("apply@social.example.cn")).as("no mail: nothing moved for the applicant").hasSize(1);

    // The same schedule again changes nothing (idempotent PUT).
    ResponseEntity<JsonNode> again = OfficialYears.load(http, 2027, holidays, List.of("2027-01-31"), "再次载入",
        JsonNode.class);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(again.getBody().get("recomputed").asInt()).isZero();
    assertThat(ledger.changes(reviewing.no())).hasSize(1);
    assertThat(ledger.changes(supplementing.no())).hasSize(1);

    // Replacing the official year needs a reason; with one, a longer Spring Festival (02-05..13, no adjusted day)
    // moves both later: the authority's to 02-22, the applicant's to 03-08, and the applicant is told.
    List<String> longer = new ArrayList<>(OfficialYears.statutory2027OutsideSpringFestival());
    longer.addAll(OfficialYears.range("2027-02-05", "2027-02-13"));
    ResponseEntity<JsonNode> withoutReason = OfficialYears.load(http, 2027, longer, List.of(), null, JsonNode.class);
    assertThat(withoutReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(withoutReason.getBody().get("errors").findValuesAsText("field")).contains("reason");
    ResponseEntity<JsonNode> corrected = OfficialYears.load(http, 2027, longer, List.of(), "更正：春节假期为 2 月 5 日至 13 日",
        JsonNode.class);
    assertThat(corrected.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(corrected.getBody().get("recomputed").asInt()).isEqualTo(2);
    assertThat(status(reviewing).at("/deadlines/acceptanceDue").asText()).isEqualTo(endOf("2027-02-22"));
    assertThat(status(supplementing).at("/deadlines/supplementDue").asText()).isEqualTo(endOf("2027-03-08"));
    agree(reviewing, supplementing);
    jobs.runDue();
    assertThat(mailsTo("apply@social.example.cn")).hasSize(2).last().satisfies(html -> assertThat(html)
        .contains("补正材料期限").contains("2027年3月4日").contains("2027年3月8日").contains("更正：春节假期"));
  }

  @Test
  void beforeTheScheduleIsLoadedASubmissionInLateJanuary2027IsAccepted() {
    // Issue 12: with the clock at 2027-01-29, POST /api/filings answered 500 (no 2027 data). Now: 201.
    Filing filing = submit();
    assertThat(status(filing).get("status").asText()).isEqualTo("ACCEPTANCE_REVIEW");
  }

  // --- helpers

  private record Filing(String no, String token) {}

  private Filing submit() {
    ResponseEntity<JsonNode> created = http.postForEntity("/api/filings",
        Applications.multipart(json, Applications.socialOrg(Applications.freshSocialOrgCode()),
            Map.of("备案申请表.pdf", FilingApiIT.PDF)), JsonNode.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return new Filing(created.getBody().get("applicationNo").asText(), created.getBody().get("accessToken").asText());
  }

  private JsonNode status(Filing filing) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(filing.token());
    ResponseEntity<JsonNode> response = http.exchange("/api/filings/" + filing.no(), HttpMethod.GET,
        new HttpEntity<>(headers), JsonNode.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private String statusPage(Filing filing) {
    org.springframework.util.LinkedMultiValueMap<String, String> form = new org.springframework.util.LinkedMultiValueMap<>();
    form.add("applicationNo", filing.no());
    form.add("accessToken", filing.token());
    return http.postForEntity("/status", form, String.class).getBody();
  }

  /** The Tasklist due date, the timer job and the status API show the same instant (issue 12). */
  private void agree(Filing reviewing, Filing supplementing) {
    String acceptanceDue = status(reviewing).at("/deadlines/acceptanceDue").asText();
    assertThat(task(reviewing, FilingProcess.Elements.REVIEW_COMPLETENESS).getDueDate().toInstant())
        .isEqualTo(Instant.parse(acceptanceDue));
    assertThat(timer(reviewing, FilingProcess.Elements.ACCEPTANCE_OVERDUE).getDuedate().toInstant())
        .isEqualTo(Instant.parse(acceptanceDue));
    String supplementDue = status(supplementing).at("/deadlines/supplementDue").asText();
    assertThat(timer(supplementing, FilingProcess.Elements.SUPPLEMENT_OVERDUE).getDuedate().toInstant())
        .isEqualTo(Instant.parse(supplementDue));
    ProcessInstance instance = instance(supplementing);
    assertThat(((Date) runtime.getVariable(instance.getId(), FilingProcess.Vars.SUPPLEMENT_DUE_AT)).toInstant())
        .isEqualTo(Instant.parse(supplementDue));
  }

  private ProcessInstance instance(Filing filing) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(FilingProcess.KEY)
        .processInstanceBusinessKey(filing.no()).singleResult();
  }

  private Task task(Filing filing, String key) {
    return tasks.createTaskQuery().processInstanceBusinessKey(filing.no()).taskDefinitionKey(key).singleResult();
  }

  private Job timer(Filing filing, String activityId) {
    return management.createJobQuery().processInstanceId(instance(filing).getId()).activityId(activityId).timers()
        .singleResult();
  }

  private ResponseEntity<String> completeRest(String user, String businessKey, Map<String, Object> variables) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(businessKey)
        .taskDefinitionKey(FilingProcess.Elements.REVIEW_COMPLETENESS).singleResult();
    Map<String, Object> body = Map.of("variables", variables.entrySet().stream()
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> Map.of("value", e.getValue()))));
    return http.withBasicAuth(user, user).postForEntity("/engine-rest/task/" + task.getId() + "/complete", body,
        String.class);
  }

  /** The tasks the filter 期限暂定的任务 lists for {@code user}, through engine REST as Tasklist asks. */
  private List<String> provisionalFilterTaskIds(String user) {
    JsonNode filters = http.withBasicAuth(user, user).getForObject("/engine-rest/filter?name={name}", JsonNode.class,
        "期限暂定的任务");
    assertThat(filters).hasSize(1);
    JsonNode listed = http.withBasicAuth(user, user).getForObject("/engine-rest/filter/{id}/list?maxResults=1000",
        JsonNode.class, filters.get(0).get("id").asText());
    return listed.findValuesAsText("id");
  }

  private static JsonNode step(JsonNode status, String step) {
    for (JsonNode s : status.get("history")) {
      if (step.equals(s.get("step").asText())) {
        return s;
      }
    }
    throw new AssertionError("no step " + step + " in " + status.get("history"));
  }

  private static List<String> names(JsonNode array) {
    List<String> names = new ArrayList<>();
    array.forEach(n -> names.add(n.asText()));
    return names;
  }

  private static String endOf(String day) {
    return OffsetDateTime.parse(day + "T23:59:59+08:00").toInstant().toString();
  }

  private static List<String> mailsTo(String address) {
    return TestMail.textsTo(address);
  }
}
