package cn.hrss.assessment.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.assessment.support.IntegrationTest;
import cn.hrss.assessment.support.Jobs;
import cn.hrss.assessment.support.TestMail;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Notice e-mail through the real engine and a real SMTP server (GreenMail): an async step sends once,
 * a failing SMTP server delays the mail but neither loses it nor fails the case, and after the last retry
 * an operator sees an incident.
 */
@IntegrationTest
class NotificationIT {

  private static final String PROCESS = "Process_NoticeTest";
  private static final String SEND_TASK = "Task_SendTestNotice";
  private static final String APPLICANT = "applicant@example.cn";
  // 2026-03-04 is the 10th working day after 2026-02-12 (issue 2 item 6); end of that day, Beijing time.
  private static final Date DEADLINE = Date.from(ZonedDateTime.of(2026, 3, 4, 23, 59, 59, 0, Jobs.ZONE).toInstant());

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired NotificationService notifications;
  @Autowired Jobs jobs;
  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void setUp() {
    repositoryService.createDeployment().name("notification-test").enableDuplicateFiltering(true)
        .addClasspathResource("notification/Process_NoticeTest.bpmn").deploy();
    TestMail.reset();
  }

  @AfterEach
  void tearDown() {
    jobs.resetClock();
    if (!TestMail.server().isRunning()) {
      TestMail.server().start();
    }
  }

  @Test
  void asyncStepSendsTheRenderedNoticeOnceAndRecordsItAsSent() throws Exception {
    ProcessInstance pi = start("BA-IT-0001");

    assertThat(jobs.runDue()).isEqualTo(1);

    MimeMessage[] received = TestMail.server().getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage mail = received[0];
    assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString).containsExactly(APPLICANT);
    assertThat(mail.getFrom()).extracting(Object::toString).containsExactly("noreply@assessment.local");
    assertThat(mail.getSubject()).isEqualTo("测试通知（案件编号：BA-IT-0001）");
    String html = part(mail, "text/html");
    assertThat(html).contains("BA-IT-0001", "2026年3月4日", TestNoticeContributor.APPLICANT_NAME, "人力资源社会保障部门");
    assertThat(part(mail, "text/plain")).contains("BA-IT-0001", "2026年3月4日");

    List<NoticeRecord> notices = notifications.noticesFor("BA-IT-0001");
    assertThat(notices).singleElement().satisfies(notice -> {
      assertThat(notice.status()).isEqualTo(NoticeStatus.SENT);
      assertThat(notice.attempts()).isEqualTo(1);
      assertThat(notice.template()).isEqualTo("test-notice");
      assertThat(notice.recipients()).containsExactly(APPLICANT);
      assertThat(notice.subject()).isEqualTo(mail.getSubject());
      assertThat(notice.messageId()).isEqualTo(mail.getMessageID()).matches("<notice-job-.+@assessment\\.local>");
      assertThat(notice.sentAt()).isNotNull();
      assertThat(notice.lastError()).isNull();
    });
    assertThat(runtimeService.createExecutionQuery().processInstanceId(pi.getId()).activityId("Task_ContinueCase").count())
        .isEqualTo(1);
  }

  @Test
  void smtpDownDelaysTheNoticeAndTheRetryDeliversExactlyOneMessageWithTheSameMessageId() throws Exception {
    jobs.moveClockTo(LocalDateTime.of(2026, 2, 12, 10, 0));
    ProcessInstance pi = start("BA-IT-0002");
    Job job = sendJob(pi);
    int retriesBefore = job.getRetries();
    TestMail.server().stop();

    assertThatThrownBy(() -> managementService.executeJob(job.getId())).isInstanceOf(NoticeDeliveryException.class);

    Job failed = sendJob(pi);
    assertThat(failed.getId()).isEqualTo(job.getId());
    assertThat(failed.getRetries()).isLessThan(retriesBefore).isPositive();
    assertThat(failed.getExceptionMessage()).contains("Cannot send notice");
    assertThat(failed.getDuedate()).isAfter(Date.from(LocalDateTime.of(2026, 2, 12, 10, 0).atZone(Jobs.ZONE).toInstant()));
    NoticeRecord afterFailure = notifications.noticesFor("BA-IT-0002").get(0);
    assertThat(afterFailure.status()).isEqualTo(NoticeStatus.FAILED);
    assertThat(afterFailure.attempts()).isEqualTo(1);
    assertThat(afterFailure.lastError()).isNotBlank();
    // The case has not failed: it still waits at the notice step, no incident yet.
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).active().count()).isEqualTo(1);
    assertThat(runtimeService.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
    // Backoff: not retried before its due date.
    assertThat(jobs.runDue()).isZero();

    TestMail.server().start();
    jobs.moveClockTo(LocalDateTime.of(2026, 2, 12, 10, 2)); // past the first interval (PT1M)
    assertThat(jobs.runDue()).isEqualTo(1);

    MimeMessage[] received = TestMail.server().getReceivedMessages();
    assertThat(received).hasSize(1);
    NoticeRecord sent = notifications.noticesFor("BA-IT-0002").get(0);
    assertThat(sent.status()).isEqualTo(NoticeStatus.SENT);
    assertThat(sent.attempts()).isEqualTo(2);
    assertThat(sent.messageId()).isEqualTo(afterFailure.messageId()).isEqualTo(received[0].getMessageID());
    assertThat(runtimeService.createExecutionQuery().processInstanceId(pi.getId()).activityId("Task_ContinueCase").count())
        .isEqualTo(1);
  }

  @Test
  void afterTheLastRetryAnIncidentIsRaisedAndTheCaseWaitsAtTheNoticeStep() {
    jobs.moveClockTo(LocalDateTime.of(2026, 2, 12, 10, 0));
    ProcessInstance pi = start("BA-IT-0003");
    String jobId = sendJob(pi).getId();
    TestMail.server().stop();

    int attempts = 0;
    LocalDateTime clock = LocalDateTime.of(2026, 2, 12, 10, 0);
    while (sendJob(pi).getRetries() > 0) {
      assertThatThrownBy(() -> managementService.executeJob(jobId)).isInstanceOf(NoticeDeliveryException.class);
      attempts++;
      clock = clock.plusHours(5); // past the longest interval (PT4H)
      jobs.moveClockTo(clock);
      assertThat(attempts).as("retries must run out").isLessThan(20);
    }

    // PT1M,PT5M,PT15M,PT1H,PT4H: the first attempt and one retry after each interval.
    assertThat(attempts).isEqualTo(6);
    assertThat(runtimeService.createIncidentQuery().processInstanceId(pi.getId()).list()).singleElement()
        .satisfies(incident -> {
          assertThat(incident.getIncidentType()).isEqualTo("failedJob");
          assertThat(incident.getActivityId()).isEqualTo(SEND_TASK);
          assertThat(incident.getConfiguration()).isEqualTo(jobId);
        });
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).active().count()).isEqualTo(1);
    NoticeRecord notice = notifications.noticesFor("BA-IT-0003").get(0);
    assertThat(notice.status()).isEqualTo(NoticeStatus.FAILED);
    assertThat(notice.attempts()).isEqualTo(6);

    // The operator fixes SMTP and retries the job from Cockpit: the notice goes out after all.
    TestMail.server().start();
    managementService.setJobRetries(jobId, 1);
    assertThat(jobs.runDue()).isEqualTo(1);
    assertThat(TestMail.server().getReceivedMessages()).hasSize(1);
    assertThat(notifications.noticesFor("BA-IT-0003").get(0).status()).isEqualTo(NoticeStatus.SENT);
    assertThat(runtimeService.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  void aKeyAlreadySentIsNotSentAgain() {
    Notice notice = new Notice("it-once", "BA-IT-0004", "test-notice", List.of(APPLICANT),
        Map.of("applicantName", "甲"));

    NoticeRecord first = notifications.send(notice);
    NoticeRecord second = notifications.send(notice);

    assertThat(TestMail.server().getReceivedMessages()).hasSize(1);
    assertThat(first.status()).isEqualTo(NoticeStatus.SENT);
    assertThat(second).isEqualTo(first);
    assertThat(notifications.noticesFor("BA-IT-0004")).singleElement()
        .satisfies(n -> assertThat(n.attempts()).isEqualTo(1));
  }

  @Test
  void aResendAfterACrashBeforeRecordingCarriesTheSameMessageId() throws Exception {
    Notice notice = new Notice("it-crash", "BA-IT-0007", "test-notice", List.of(APPLICANT), Map.of("applicantName", "甲"));
    notifications.send(notice);
    // The job died after SMTP accepted the mail but before SENT was recorded.
    jdbc.update("UPDATE notice SET status = 'PENDING', sent_at = NULL WHERE idempotency_key = 'it-crash'");

    notifications.send(notice);

    MimeMessage[] received = TestMail.server().getReceivedMessages();
    assertThat(received).hasSize(2);
    assertThat(received[1].getMessageID()).isEqualTo(received[0].getMessageID())
        .isEqualTo(notifications.find("it-crash").orElseThrow().messageId());
    assertThat(received[1].getSubject()).isEqualTo(received[0].getSubject());
  }

  @Test
  void aStepWithoutAddressIsRecordedAsSkippedAndTheCaseGoesOn() {
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(PROCESS, "BA-IT-0005",
        Map.of("applicantEmail", "", "deadlineDate", DEADLINE));

    jobs.runDue();

    assertThat(TestMail.server().getReceivedMessages()).isEmpty();
    assertThat(notifications.noticesFor("BA-IT-0005")).singleElement()
        .satisfies(n -> assertThat(n.status()).isEqualTo(NoticeStatus.SKIPPED));
    assertThat(runtimeService.createExecutionQuery().processInstanceId(pi.getId()).activityId("Task_ContinueCase").count())
        .isEqualTo(1);
  }

  @Test
  void officersListTheNoticesOfACaseAnonymousCallersAreRefused() {
    notifications.send(new Notice("it-api", "BA-IT-0006", "test-notice", List.of(APPLICANT), Map.of("applicantName", "甲")));

    ResponseEntity<String> anonymous = rest.getForEntity("/api/notices?caseRef=BA-IT-0006", String.class);
    ResponseEntity<List<Map<String, Object>>> officer = rest.withBasicAuth("admin", "admin")
        .exchange("/api/notices?caseRef=BA-IT-0006", HttpMethod.GET, null, new ParameterizedTypeReference<>() {});

    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(officer.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(officer.getBody()).singleElement().satisfies(n -> {
      assertThat(n).containsEntry("status", "SENT").containsEntry("template", "test-notice")
          .containsEntry("caseRef", "BA-IT-0006").containsEntry("recipients", List.of(APPLICANT));
      assertThat((String) n.get("messageId")).startsWith("<notice-it-api@");
    });
  }

  @Test
  void anAsyncMultiInstanceNoticeStepSendsOneNoticePerRecipient() throws Exception {
    // asyncBefore on the step: the one job sits on the multi-instance body and runs all three instances.
    repositoryService.createDeployment().addModelInstance("Process_NoticeMi.bpmn", Bpmn.createExecutableProcess("Process_NoticeMi")
        .camundaHistoryTimeToLive(1).startEvent("StartEvent_Started")
        .serviceTask("Task_NotifyEach").camundaAsyncBefore().camundaDelegateExpression("${sendNoticeDelegate}")
          .camundaInputParameter("noticeTemplate", "test-notice")
          .multiInstance().camundaCollection("${addrs}").camundaElementVariable("noticeTo").multiInstanceDone()
        .userTask("Task_ContinueCase").endEvent("EndEvent_Done").done()).deploy();
    List<String> addresses = List.of("a@example.cn", "b@example.cn", "c@example.cn");

    runtimeService.startProcessInstanceByKey("Process_NoticeMi", "BA-IT-0010",
        Map.of("addrs", addresses, "applicantName", "甲"));
    assertThat(jobs.runDue()).isEqualTo(1);

    assertThat(TestMail.server().getReceivedMessages()).hasSize(3)
        .extracting(m -> m.getAllRecipients()[0].toString()).containsExactlyInAnyOrderElementsOf(addresses);
    List<NoticeRecord> notices = notifications.noticesFor("BA-IT-0010");
    assertThat(notices).hasSize(3).allSatisfy(n -> assertThat(n.status()).isEqualTo(NoticeStatus.SENT));
    assertThat(notices).extracting(NoticeRecord::key)
        .allMatch(key -> key.matches("job-.+-Task_NotifyEach#[012]")).doesNotHaveDuplicates();
    assertThat(notices).extracting(NoticeRecord::messageId).doesNotHaveDuplicates();
  }

  @Test
  void anAsyncParallelGatewayFollowedByTwoNoticeStepsSendsBoth() {
    repositoryService.createDeployment().addModelInstance("Process_NoticeFork.bpmn", Bpmn.createExecutableProcess("Process_NoticeFork")
        .camundaHistoryTimeToLive(1).startEvent("StartEvent_Started").parallelGateway("Gateway_Fork").camundaAsyncBefore()
        .serviceTask("Task_NotifyApplicant").camundaDelegateExpression("${sendNoticeDelegate}")
          .camundaInputParameter("noticeTemplate", "test-notice").camundaInputParameter("noticeTo", "applicant@example.cn")
        .parallelGateway("Gateway_Join").userTask("Task_ContinueCase").endEvent("EndEvent_Done")
        .moveToNode("Gateway_Fork")
        .serviceTask("Task_NotifyOfficer").camundaDelegateExpression("${sendNoticeDelegate}")
          .camundaInputParameter("noticeTemplate", "test-notice").camundaInputParameter("noticeTo", "officer@example.cn")
        .connectTo("Gateway_Join").done()).deploy();

    runtimeService.startProcessInstanceByKey("Process_NoticeFork", "BA-IT-0011", Map.of("applicantName", "乙"));
    assertThat(jobs.runDue()).isEqualTo(1);

    assertThat(TestMail.server().getReceivedMessages()).hasSize(2);
    assertThat(notifications.noticesFor("BA-IT-0011")).hasSize(2)
        .allSatisfy(n -> assertThat(n.status()).isEqualTo(NoticeStatus.SENT))
        .extracting(NoticeRecord::key).anyMatch(k -> k.endsWith("-Task_NotifyApplicant"))
        .anyMatch(k -> k.endsWith("-Task_NotifyOfficer"));
  }

  @Test
  void aSynchronousNoticeStepIsRefusedNamingTheStep() {
    repositoryService.createDeployment().addModelInstance("Process_NoticeSync.bpmn", Bpmn.createExecutableProcess("Process_NoticeSync")
        .camundaHistoryTimeToLive(1).startEvent("StartEvent_Started")
        .serviceTask("Task_NotifySync").camundaDelegateExpression("${sendNoticeDelegate}")
          .camundaInputParameter("noticeTemplate", "test-notice").camundaInputParameter("noticeTo", APPLICANT)
        .userTask("Task_ContinueCase").endEvent("EndEvent_Done").done()).deploy();

    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("Process_NoticeSync", "BA-IT-0012",
        Map.of("applicantName", "丙")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("Task_NotifySync").hasMessageContaining("asyncBefore");
    assertThat(TestMail.server().getReceivedMessages()).isEmpty();
    assertThat(notifications.noticesFor("BA-IT-0012")).isEmpty();
  }

  @Test
  void aRetryAfterTheOperatorCorrectedTheAddressMailsTheCorrectedAddressWithTheSameMessageId() throws Exception {
    jobs.moveClockTo(LocalDateTime.of(2026, 2, 12, 10, 0));
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(PROCESS, "BA-IT-0013",
        Map.of("applicantEmail", "wrong@example.cn", "deadlineDate", DEADLINE));
    String jobId = sendJob(pi).getId();
    TestMail.server().stop(); // stands for the permanent 550 "no such user" of the wrong address
    assertThatThrownBy(() -> managementService.executeJob(jobId)).isInstanceOf(NoticeDeliveryException.class);
    NoticeRecord failed = notifications.noticesFor("BA-IT-0013").get(0);
    assertThat(failed.recipients()).containsExactly("wrong@example.cn");

    TestMail.server().start();
    runtimeService.setVariable(pi.getId(), "applicantEmail", APPLICANT);
    managementService.executeJob(jobId); // the operator's Retry

    MimeMessage[] received = TestMail.server().getReceivedMessages();
    assertThat(received).singleElement().satisfies(m -> {
      assertThat(m.getAllRecipients()).extracting(Object::toString).containsExactly(APPLICANT);
      assertThat(m.getMessageID()).isEqualTo(failed.messageId());
    });
    NoticeRecord sent = notifications.noticesFor("BA-IT-0013").get(0);
    assertThat(sent.status()).isEqualTo(NoticeStatus.SENT);
    assertThat(sent.recipients()).containsExactly(APPLICANT);
    assertThat(sent.attempts()).isEqualTo(2);
  }

  @Test
  void concurrentSendsOfOneKeyMailOnce() throws Exception {
    Notice notice = new Notice("it-concurrent", "BA-IT-0014", "test-notice", List.of(APPLICANT), Map.of("applicantName", "甲"));
    int threads = 6;
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<NoticeStatus>> outcomes = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        outcomes.add(pool.submit(() -> {
          start.await();
          try {
            return notifications.send(notice).status();
          } catch (NoticeDeliveryException e) {
            return null; // another attempt held the claim: a job would retry later
          }
        }));
      }
      for (Future<NoticeStatus> outcome : outcomes) {
        assertThat(outcome.get(60, TimeUnit.SECONDS)).isIn(NoticeStatus.SENT, null);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(TestMail.server().getReceivedMessages()).hasSize(1);
    assertThat(notifications.find("it-concurrent").orElseThrow()).satisfies(n -> {
      assertThat(n.status()).isEqualTo(NoticeStatus.SENT);
      assertThat(n.attempts()).isEqualTo(1);
    });
  }

  @Test
  void aClaimLeftByACrashedSenderIsTakenOverOnceItExpiresWithTheSameMessageId() {
    jobs.moveClockTo(LocalDateTime.of(2026, 2, 12, 10, 0));
    Notice notice = new Notice("it-claim", "BA-IT-0015", "test-notice", List.of(APPLICANT), Map.of("applicantName", "甲"));
    notifications.send(notice);
    TestMail.reset();
    // The sender died after its claim (whether or not SMTP got the mail): the row stays SENDING.
    jdbc.update("UPDATE notice SET status = 'SENDING', sent_at = NULL WHERE idempotency_key = 'it-claim'");
    String messageId = notifications.find("it-claim").orElseThrow().messageId();

    // Still within the claim: another attempt keeps off (a job would retry later).
    jobs.moveClockTo(LocalDateTime.of(2026, 2, 12, 10, 1));
    assertThatThrownBy(() -> notifications.send(notice)).isInstanceOf(NoticeDeliveryException.class)
        .hasMessageContaining("another attempt");
    assertThat(TestMail.server().getReceivedMessages()).isEmpty();

    // The claim has expired (the job lock of the crashed executor has too): sent again, same Message-ID.
    jobs.moveClockTo(LocalDateTime.of(2026, 2, 12, 10, 5));
    NoticeRecord sent = notifications.send(notice);

    assertThat(sent.status()).isEqualTo(NoticeStatus.SENT);
    assertThat(TestMail.server().getReceivedMessages()).singleElement()
        .satisfies(m -> assertThat(m.getMessageID()).isEqualTo(messageId));
  }

  private ProcessInstance start(String caseRef) {
    return runtimeService.startProcessInstanceByKey(PROCESS, caseRef,
        Map.of("applicantEmail", APPLICANT, "deadlineDate", DEADLINE)); // applicantName: TestNoticeContributor
  }

  private Job sendJob(ProcessInstance pi) {
    return managementService.createJobQuery().processInstanceId(pi.getId()).activityId(SEND_TASK).singleResult();
  }

  private static String part(MimeMessage mail, String type) throws Exception {
    return find(mail.getContent(), type);
  }

  private static String find(Object content, String type) throws Exception {
    if (content instanceof MimeMultipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        var part = multipart.getBodyPart(i);
        if (part.isMimeType(type)) {
          return (String) part.getContent();
        }
        String nested = find(part.getContent(), type);
        if (nested != null) {
          return nested;
        }
      }
    }
    return null;
  }

}
