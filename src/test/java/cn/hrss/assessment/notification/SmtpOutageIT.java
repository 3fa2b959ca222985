package cn.hrss.assessment.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.filing.Applications;
import cn.hrss.assessment.support.IntegrationTest;
import cn.hrss.assessment.support.Jobs;
import cn.hrss.assessment.support.TestMail;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.MultiValueMap;

/**
 * The SMTP server goes away for 10 minutes in the middle of a run (issue 16 item 4), on the engine clock: the
 * applications submitted meanwhile wait with their notices, which are all delivered once it is back, each exactly
 * once and with the Message-ID it was given at its first attempt; no incident while the retry cycle (production's
 * {@code PT1M,PT5M,PT15M,PT1H,PT4H}, about 5 h 21 min) lasts. Only an outage longer than the whole cycle ends in an
 * incident, and retrying the job as Cockpit does (engine REST {@code PUT /job/{id}/retries}) sends the mail.
 *
 * <p>The job executor is off in tests; the test plays it: every simulated minute it executes the jobs that are due,
 * as the executor would, and lets a failing one fail (the engine records the failure and schedules the retry).
 */
@IntegrationTest
class SmtpOutageIT {

  private static final LocalDateTime START = LocalDateTime.of(2026, 3, 3, 10, 0);
  private static final java.util.concurrent.atomic.AtomicInteger APPLICANTS = new java.util.concurrent.atomic.AtomicInteger(700);

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired Jobs jobs;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired JdbcTemplate jdbc;
  @Autowired org.camunda.bpm.engine.TaskService tasks;
  @Autowired org.camunda.bpm.engine.IdentityService identity;

  @BeforeEach
  void setUp() {
    TestMail.reset();
  }

  private final List<String> submitted = new ArrayList<>();

  @AfterEach
  void tearDown() {
    jobs.forget(submitted);
    jobs.resetClock();
    if (!TestMail.server().isRunning()) {
      TestMail.server().start();
    }
  }

  @Test
  void tenMinutesWithoutSmtp_theNoticesWaitAndAreAllDeliveredOnceWithTheirFirstMessageId() throws Exception {
    jobs.moveClockTo(START);
    jobs.runDue(); // what earlier tests left due
    TestMail.server().stop();
    List<String> applications = new ArrayList<>();
    Map<String, String> firstMessageIds = new HashMap<>();
    int failures = 0;

    // Minute by minute: SMTP away from START to START + 10 min; an application arrives at 0, 3 and 7 min.
    for (int minute = 0; minute <= 60; minute++) {
      LocalDateTime now = START.plusMinutes(minute);
      jobs.moveClockTo(now);
      if (minute == 10) {
        TestMail.server().start();
      }
      if (minute == 0 || minute == 3 || minute == 7) {
        applications.add(submit(minute));
      }
      failures += executeDueLetFail();
      for (String application : applications) {
        for (Map<String, Object> notice : notices(application)) {
          String key = (String) notice.get("idempotency_key");
          String messageId = (String) notice.get("message_id");
          // The Message-ID is fixed when the notice is first recorded and never changes.
          assertThat(firstMessageIds.computeIfAbsent(key, k -> messageId)).as("Message-ID of %s", key).isEqualTo(messageId);
        }
      }
      assertThat(incidentsOf(applications)).as("incidents at %s", now).isEmpty();
      if (minute < 10) {
        assertThat(TestMail.server().getReceivedMessages()).as("nothing can arrive at %s", now).isEmpty();
      }
    }

    assertThat(failures).as("attempts refused by the absent SMTP server").isGreaterThanOrEqualTo(6);
    List<Map<String, Object>> notices = new ArrayList<>();
    applications.forEach(application -> notices.addAll(notices(application)));
    assertThat(notices).hasSize(firstMessageIds.size()).isNotEmpty();
    Map<String, Integer> received = new HashMap<>();
    for (MimeMessage message : TestMail.server().getReceivedMessages()) {
      received.merge(message.getMessageID(), 1, Integer::sum);
    }
    for (Map<String, Object> notice : notices) {
      String key = (String) notice.get("idempotency_key");
      assertThat(notice.get("status")).as("notice %s", key).isEqualTo("SENT");
      assertThat(((Number) notice.get("attempts")).intValue()).as("attempts of %s", key).isGreaterThan(1);
      int recipients = ((String) notice.get("recipients")).split(",").length;
      assertThat(received.get(firstMessageIds.get(key))).as("messages received with the Message-ID of %s", key)
          .isEqualTo(recipients);
    }
    assertThat(received.values().stream().mapToInt(Integer::intValue).sum())
        .as("no other message, none twice").isEqualTo(notices.stream()
            .mapToInt(n -> ((String) n.get("recipients")).split(",").length).sum());
  }

  @Test
  void anOutageLongerThanTheRetryCycleEndsInAnIncident_andRetryingTheJobAsCockpitDoesSendsTheMail() throws Exception {
    jobs.moveClockTo(START);
    jobs.runDue();
    TestMail.server().stop();
    String application = submit(0);

    LocalDateTime now = START;
    int failures = executeDueLetFail();
    while (incidentsOf(List.of(application)).isEmpty()) {
      assertThat(failures).as("the retry cycle must end").isLessThan(20);
      now = now.plusMinutes(30);
      jobs.moveClockTo(now);
      failures += executeDueLetFail();
    }
    // PT1M,PT5M,PT15M,PT1H,PT4H: the first attempt and one after each interval, then the incident.
    assertThat(failures).isEqualTo(6);
    assertThat(now).isAfter(START.plusHours(5));
    var incident = incidentsOf(List.of(application)).get(0);
    assertThat(incidentsOf(List.of(application))).hasSize(1);
    assertThat(incident.getIncidentType()).isEqualTo("failedJob");
    assertThat(notices(application)).singleElement().satisfies(n -> assertThat(n.get("status")).isEqualTo("FAILED"));
    String messageId = (String) notices(application).get(0).get("message_id");

    // The operator restores SMTP and, in Cockpit, retries the failed job with the due date set to now (Cockpit's
    // incident dialog: PUT …/job/{id}/retries with retries 1 and the chosen due date; "keep the due date" would
    // leave it due after the last interval).
    TestMail.server().start();
    String dueNow = new java.text.SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
        .format(java.util.Date.from(now.atZone(Jobs.ZONE).toInstant()));
    ResponseEntity<String> retried = rest.withBasicAuth("admin", "admin").exchange("/engine-rest/job/"
            + incident.getConfiguration() + "/retries", org.springframework.http.HttpMethod.PUT,
        new HttpEntity<>(Map.of("retries", 1, "dueDate", dueNow)), String.class);
    assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(incidentsOf(List.of(application))).as("resolved by the retry").isEmpty();
    Job job = management.createJobQuery().jobId(incident.getConfiguration()).singleResult();
    assertThat(job.getRetries()).isEqualTo(1);
    assertThat(job.getDuedate()).as("due at once (the clock is %s)", now).isBeforeOrEqualTo(
        java.util.Date.from(now.atZone(Jobs.ZONE).toInstant()));
    assertThat(executeDueLetFail()).isZero();

    assertThat(notices(application)).singleElement().satisfies(n -> assertThat(n.get("status")).isEqualTo("SENT"));
    assertThat(TestMail.server().getReceivedMessages()).singleElement()
        .satisfies(m -> assertThat(m.getMessageID()).isEqualTo(messageId));
  }

  /**
   * Submits a filing application through the API and accepts it as the acceptance officer does in Tasklist (the
   * acceptance sends notices at once: to the applicant and to the experts drawn); its number.
   */
  private String submit(int number) {
    String first17 = String.format("52410000MB%07d", APPLICANTS.incrementAndGet());
    HttpEntity<MultiValueMap<String, Object>> body = Applications.multipart(json,
        Applications.socialOrg(first17 + cn.hrss.assessment.codes.CreditCodes.checkCharacter(first17)),
        Map.of("备案申请表.pdf", "%PDF-1.7\n%smtp outage\n".getBytes()));
    ResponseEntity<JsonNode> answer = rest.postForEntity("/api/filings", body, JsonNode.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String applicationNo = answer.getBody().get("applicationNo").asText();
    submitted.add(applicationNo);
    executeDueLetFail();
    var task = tasks.createTaskQuery().processInstanceBusinessKey(applicationNo).taskDefinitionKey("Task_ReviewCompleteness")
        .singleResult();
    identity.setAuthentication("officer", List.of("acceptance-officers", "acceptance-officers-41"));
    try {
      tasks.complete(task.getId(), cn.hrss.assessment.filing.Applications.acceptance());
    } finally {
      identity.clearAuthentication();
    }
    return applicationNo;
  }

  /** Executes every job due now, as the job executor would; returns how many failed. */
  private int executeDueLetFail() {
    int failed = 0;
    for (int round = 0; round < 50; round++) {
      List<Job> due = management.createJobQuery().executable().active().list().stream()
          .filter(job -> !(job instanceof org.camunda.bpm.engine.impl.persistence.entity.JobEntity entity
              && "history-cleanup".equals(entity.getJobHandlerType())))
          .toList();
      if (due.isEmpty()) {
        return failed;
      }
      for (Job job : due) {
        try {
          management.executeJob(job.getId());
        } catch (NoticeDeliveryException e) {
          failed++;
        }
      }
    }
    throw new AssertionError("jobs stay due");
  }

  /** The incidents of these applications' process instances (other tests share the engine). */
  private List<org.camunda.bpm.engine.runtime.Incident> incidentsOf(List<String> applications) {
    List<org.camunda.bpm.engine.runtime.Incident> incidents = new ArrayList<>();
    for (String application : applications) {
      runtime.createProcessInstanceQuery().processInstanceBusinessKey(application).list().forEach(pi ->
          incidents.addAll(runtime.createIncidentQuery().processInstanceId(pi.getId()).list()));
    }
    return incidents;
  }

  private List<Map<String, Object>> notices(String caseRef) {
    return jdbc.queryForList("SELECT idempotency_key, message_id, status, attempts, recipients FROM notice"
        + " WHERE case_ref = ? AND status <> 'SKIPPED' ORDER BY created_at, id", caseRef);
  }
}
