package cn.hrss.assessment.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.hrss.assessment.filing.FilingProcess;
import cn.hrss.assessment.filing.FilingProcess.Vars;
import cn.hrss.assessment.filing.FilingService;
import cn.hrss.assessment.lifecycle.LifecycleProcess.RenewalElements;
import cn.hrss.assessment.notification.NoticeRecord;
import cn.hrss.assessment.notification.NotificationService;
import cn.hrss.assessment.registry.Institution;
import cn.hrss.assessment.registry.InstitutionRegistry;
import cn.hrss.assessment.registry.InstitutionStatus;
import cn.hrss.assessment.support.IntegrationTest;
import cn.hrss.assessment.support.Jobs;
import cn.hrss.assessment.support.TestMail;
import cn.hrss.assessment.web.ApiProblem;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One test per path of InstitutionRenewalProcess (004 Art. 23), job executor off, engine clock pinned: the
 * institution is filed on 2023-06-01 (valid until 2026-06-01), the renewal window opens on 2026-03-01.
 */
@IntegrationTest
class InstitutionRenewalProcessIT {

  static final LocalDate VALID_UNTIL = LocalDate.of(2026, 6, 1);

  @Autowired RenewalService renewals;
  @Autowired FilingService filings;
  @Autowired InstitutionRegistry registry;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired ProcessEngine engine;
  @Autowired Jobs jobs;
  @Autowired NotificationService notifications;
  @Autowired LifecycleProperties properties;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
  @Autowired cn.hrss.assessment.calendar.DeadlineLedger ledger;

  String filingCode;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    TestMail.reset();
    jobs.moveClockTo(LocalDateTime.of(2023, 6, 1, 10, 0));
    filingCode = registry.register(LifecycleFixtures.provincialEmployer(LifecycleFixtures.freshEmployerCode()))
        .filingCode();
    assertThat(registry.findByFilingCode(filingCode).orElseThrow().validUntil()).isEqualTo(VALID_UNTIL);
  }

  @AfterEach
  void tearDown() {
    List<String> running = runtime.createProcessInstanceQuery().processDefinitionKey(FilingProcess.RENEWAL_KEY).list()
        .stream().map(ProcessInstance::getId).toList();
    if (!running.isEmpty()) {
      runtime.deleteProcessInstancesIfExists(running, "test finished", true, true, false);
    }
    identity.clearAuthentication();
    jobs.resetClock();
  }

  // ------------------------------------------------------------------ the window (004 Art. 23)

  @Test
  void approvedTwoMonthsBeforeExpiryTheValidityRunsThreeYearsFromTheFormerEndUnderTheSameCode() throws Exception {
    jobs.moveClockTo(LocalDateTime.of(2026, 4, 1, 9, 0)); // 2 months before validUntil
    String no = submit();
    ProcessInstance pi = instance(no);
    assertThat(pi).isWaitingAt(RenewalElements.REVIEW_COMPLETENESS);
    assertThat(task(pi, RenewalElements.REVIEW_COMPLETENESS)).hasCandidateGroup("acceptance-officers-41");
    accept(pi);
    reviewAll(pi, "PASS", "PASS", "PASS");
    assertThat(pi).isWaitingAt(RenewalElements.DECIDE_FILING);
    jobs.moveClockTo(LocalDateTime.of(2026, 4, 20, 9, 0));
    complete(pi, RenewalElements.DECIDE_FILING, "officer", cn.hrss.assessment.filing.Applications.approval());
    jobs.runDue();
    assertThat(pi).hasPassed(RenewalElements.RENEW_FILING, RenewalElements.SEND_RENEWAL_RECEIPT,
        RenewalElements.REPORT_UPWARDS, RenewalElements.RENEWED).isEnded();

    Institution renewed = registry.findByFilingCode(filingCode).orElseThrow();
    // From the current end, not from the approval day (2026-04-20 + 3 years would be 2029-04-20).
    assertThat(renewed.validUntil()).isEqualTo(LocalDate.of(2029, 6, 1));
    assertThat(renewed.status()).isEqualTo(InstitutionStatus.ACTIVE);
    assertThat(renewed.reportedUpwardsAt()).isNotNull();
    String receiptNo = filings.receiptNoOf(no);
    assertThat(receiptNo).startsWith("HZ2026");
    assertThat(notices(no, "institution-renewed")).singleElement()
        .satisfies(n -> assertThat(n.recipients()).containsExactly(LifecycleFixtures.EMAIL));
    assertThat(notices(no, "institution-report-upwards")).singleElement()
        .satisfies(n -> assertThat(n.recipients()).containsExactly(properties.ministryEmail()));
    assertThat(subjectsTo(LifecycleFixtures.EMAIL)).anyMatch(s -> s.contains("延续备案回执 " + receiptNo));
    assertThat(subjectsTo(properties.ministryEmail())).anyMatch(s -> s.contains("评价机构延续备案报备（" + filingCode + "）"));
    assertThat(TestMail.textsTo(LifecycleFixtures.EMAIL)).anyMatch(t -> t.contains("2029年6月1日") && t.contains(filingCode));
  }

  @Test
  void fourMonthsBeforeExpiryTheRenewalIsRefusedNamingTheOpeningDay() {
    jobs.moveClockTo(LocalDateTime.of(2026, 2, 1, 9, 0));
    assertThatThrownBy(this::submit).isInstanceOf(ApiProblem.class).satisfies(e -> {
      assertThat(((ApiProblem) e).status().value()).isEqualTo(409);
      assertThat(e.getMessage()).contains("2026年3月1日");
    });
    // The first day of the window is accepted.
    jobs.moveClockTo(LocalDateTime.of(2026, 3, 1, 9, 0));
    assertThat(instance(submit())).isWaitingAt(RenewalElements.REVIEW_COMPLETENESS);
  }

  @Test
  void afterExpiryTheQualificationHasLapsedAndTheRenewalIsRefused() {
    jobs.moveClockTo(LocalDateTime.of(2026, 6, 1, 23, 0)); // still the last day: accepted
    String no = submit();
    assertThat(instance(no)).isNotNull();
    runtime.deleteProcessInstance(instance(no).getId(), "test", true, true);
    filings.withdrawBecause(no, "test");
    jobs.moveClockTo(LocalDateTime.of(2026, 6, 2, 0, 30));
    assertThat(registry.findByFilingCode(filingCode).orElseThrow().status()).isEqualTo(InstitutionStatus.EXPIRED);
    assertThatThrownBy(this::submit).isInstanceOf(ApiProblem.class).satisfies(e -> {
      assertThat(((ApiProblem) e).status().value()).isEqualTo(409);
      assertThat(e.getMessage()).contains("重新申请备案");
    });
  }

  @Test
  void appliedOnTheLastDayAndDecidedAfterTheEndTheFilingContinuesWithoutAGap() {
    jobs.moveClockTo(LocalDateTime.of(2026, 6, 1, 16, 0));
    String no = submit();
    ProcessInstance pi = instance(no);
    accept(pi);
    reviewAll(pi, "PASS", "PASS", "PASS");
    jobs.moveClockTo(LocalDateTime.of(2026, 6, 10, 9, 0));
    assertThat(registry.findByFilingCode(filingCode).orElseThrow().status()).isEqualTo(InstitutionStatus.EXPIRED);
    complete(pi, RenewalElements.DECIDE_FILING, "officer", cn.hrss.assessment.filing.Applications.approval());
    jobs.runDue();
    assertThat(pi).hasPassed(RenewalElements.RENEWED).isEnded();
    Institution renewed = registry.findByFilingCode(filingCode).orElseThrow();
    assertThat(renewed.validUntil()).isEqualTo(LocalDate.of(2029, 6, 1));
    assertThat(renewed.status()).isEqualTo(InstitutionStatus.ACTIVE);
  }

  @Test
  void aSecondOpenRenewalOfTheSameInstitutionIsRefused() {
    jobs.moveClockTo(LocalDateTime.of(2026, 4, 1, 9, 0));
    submit();
    assertThatThrownBy(this::submit).isInstanceOf(ApiProblem.class)
        .satisfies(e -> assertThat(((ApiProblem) e).status().value()).isEqualTo(409));
  }

  @Test
  void twoRenewalsRacingForTheSameInstitutionOneWinsTheOtherGets409() throws Exception {
    jobs.moveClockTo(LocalDateTime.of(2026, 4, 1, 9, 0));
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.Callable<Object> attempt = () -> {
      start.await();
      try {
        return submit();
      } catch (ApiProblem e) {
        return e.status().value();
      }
    };
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var a = pool.submit(attempt);
      var b = pool.submit(attempt);
      start.countDown();
      List<Object> outcomes = List.of(a.get(), b.get());
      assertThat(outcomes).filteredOn(o -> o instanceof String).hasSize(1);
      assertThat(outcomes).filteredOn(o -> Integer.valueOf(409).equals(o)).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(filings.openApplicationsFor(filingCode)).hasSize(1);
  }

  // ------------------------------------------------------------------ the other paths

  @Test
  void anIntendedRefusalIsToldWithItsReasonsTheStatementShownAndOnlyThenTheRenewalRefused() {
    // Issue 19 item 6 (002 Annex 1 §一(十五), §二(十一): 申报机构对办理事项享有陈述权、知情权): no refusal without a hearing.
    jobs.moveClockTo(LocalDateTime.of(2026, 4, 1, 9, 0));
    String no = submit();
    ProcessInstance pi = instance(no);
    accept(pi);
    reviewAll(pi, "PASS", "PASS", "PASS");
    assertThat(runtime.getVariable(pi.getId(), Vars.HEARING_BEFORE_REFUSAL)).isEqualTo(true);
    complete(pi, RenewalElements.DECIDE_FILING, "officer", Map.of(Vars.FILING_DECISION, "REJECT",
        Vars.DECISION_COMMENT, "近三年评价质量督导两次不合格"));
    jobs.runDue();
    // The first REJECT only announces the refusal: nothing refused, nothing renewed, the applicant is told why.
    assertThat(pi).hasPassed(FilingProcess.Elements.HEARING_JOIN, FilingProcess.Elements.SEND_INTENDED_REFUSAL_NOTICE)
        .isWaitingAt(FilingProcess.Elements.AWAIT_STATEMENT).hasNotPassed(RenewalElements.RENEWAL_REJECTED);
    assertThat(status(no)).isEqualTo("HEARING");
    assertThat(notices(no, "institution-renewal-rejected")).isEmpty();
    assertThat(notices(no, "filing-refusal-intended")).singleElement()
        .satisfies(n -> assertThat(n.recipients()).containsExactly(LifecycleFixtures.EMAIL));
    assertThat(subjectsTo(LifecycleFixtures.EMAIL)).anyMatch(s -> s.contains("拟不予延续告知（" + no + "）"));
    assertThat(TestMail.textsTo(LifecycleFixtures.EMAIL)).anyMatch(t -> t.contains("延续备案申请")
        && t.contains("拟不予延续") && t.contains("近三年评价质量督导两次不合格") && t.contains("陈述"));
    // The window is in the deadline ledger like the first filing's, so a calendar change recomputes it.
    assertThat(ledger.entries(no)).anySatisfy(e -> {
      assertThat(e.kind()).isEqualTo("statementDue");
      assertThat(e.processInstanceId()).isEqualTo(pi.getId());
      assertThat(e.workingDays()).isEqualTo(5);
      assertThat(e.dueAt()).isEqualTo(((java.util.Date) runtime.getVariable(pi.getId(), Vars.STATEMENT_DUE_AT))
          .toInstant());
    });

    filings.state(no, "两次不合格均已整改，整改报告已报送");
    assertThat(pi).hasPassed(FilingProcess.Elements.STATEMENT_JOIN).isWaitingAt(RenewalElements.DECIDE_FILING);
    assertThat(runtime.getVariable(pi.getId(), Vars.APPLICANT_STATEMENT)).isEqualTo("两次不合格均已整改，整改报告已报送");
    assertThat(runtime.getVariable(pi.getId(), Vars.HEARING_HELD)).isEqualTo(true);
    assertThat(runtime.getVariable(pi.getId(), Vars.INTENDED_REFUSAL_REASON)).isEqualTo("近三年评价质量督导两次不合格");
    // A second statement: the hearing is over (409), nothing stored.
    assertThatThrownBy(() -> filings.state(no, "补充陈述")).isInstanceOf(ApiProblem.class)
        .satisfies(e -> assertThat(((ApiProblem) e).status().value()).isEqualTo(409));

    complete(pi, RenewalElements.DECIDE_FILING, "officer", Map.of(Vars.FILING_DECISION, "REJECT",
        Vars.DECISION_COMMENT, "近三年评价质量督导两次不合格，整改报告未附验收意见"));
    jobs.runDue();
    assertThat(pi).hasPassed(RenewalElements.RENEWAL_REJECTED).isEnded();
    assertThat(registry.findByFilingCode(filingCode).orElseThrow().validUntil()).isEqualTo(VALID_UNTIL);
    assertThat(notices(no, "institution-renewal-rejected")).hasSize(1);
    assertThat(TestMail.textsTo(LifecycleFixtures.EMAIL)).anyMatch(t -> t.contains("整改报告未附验收意见"));
  }

  @Test
  void withoutAStatementInFiveWorkingDaysTheDecisionFollowsAndMayStillRenew() {
    jobs.moveClockTo(LocalDateTime.of(2026, 4, 1, 9, 0)); // Wednesday
    String no = submit();
    ProcessInstance pi = instance(no);
    accept(pi);
    reviewAll(pi, "PASS", "PASS", "PASS");
    jobs.moveClockTo(LocalDateTime.of(2026, 4, 2, 9, 0)); // Thursday
    complete(pi, RenewalElements.DECIDE_FILING, "officer", Map.of(Vars.FILING_DECISION, "REJECT",
        Vars.DECISION_COMMENT, "评价场所已不具备"));
    jobs.runDue();
    assertThat(pi).isWaitingAt(FilingProcess.Elements.AWAIT_STATEMENT);
    // 5 working days from Thursday 04-02 across the weekend and 清明: not before Thursday 04-09; one hour before its end
    // the window is open, one minute after it is closed.
    java.time.Instant due = ((java.util.Date) runtime.getVariable(pi.getId(), Vars.STATEMENT_DUE_AT)).toInstant();
    java.time.ZoneId china = java.time.ZoneId.of("Asia/Shanghai");
    assertThat(LocalDate.ofInstant(due, china)).isAfterOrEqualTo(LocalDate.of(2026, 4, 9));
    jobs.moveClockTo(LocalDateTime.ofInstant(due.minusSeconds(3600), china));
    jobs.runDue();
    assertThat(pi).isWaitingAt(FilingProcess.Elements.AWAIT_STATEMENT);
    jobs.moveClockTo(LocalDateTime.ofInstant(due.plusSeconds(60), china));
    jobs.runDue();
    assertThat(pi).hasPassed(FilingProcess.Elements.STATEMENT_WINDOW_CLOSED).isWaitingAt(RenewalElements.DECIDE_FILING);
    assertThat((String) runtime.getVariable(pi.getId(), Vars.APPLICANT_STATEMENT)).contains("未在陈述期限内");
    assertThatThrownBy(() -> filings.state(no, "迟到的陈述")).isInstanceOf(ApiProblem.class)
        .satisfies(e -> assertThat(((ApiProblem) e).status().value()).isEqualTo(409));
    // The officer may decide otherwise after the hearing.
    complete(pi, RenewalElements.DECIDE_FILING, "officer", cn.hrss.assessment.filing.Applications.approval());
    jobs.runDue();
    assertThat(pi).hasPassed(RenewalElements.RENEWED).hasNotPassed(RenewalElements.RENEWAL_REJECTED).isEnded();
    assertThat(registry.findByFilingCode(filingCode).orElseThrow().validUntil()).isEqualTo(LocalDate.of(2029, 6, 1));
  }

  @Test
  void aFailedTechnicalReviewIsAnIntendedRefusalHeardBeforeTheDecision() {
    // 004 Art. 23 "经评估合格的，有效期延长3年": failing the evaluation refuses the renewal, so it is heard first.
    jobs.moveClockTo(LocalDateTime.of(2026, 4, 1, 9, 0));
    String no = submit();
    ProcessInstance pi = instance(no);
    accept(pi);
    reviewAll(pi, "FAIL", "FAIL", "PASS");
    assertThat(pi).hasPassed(FilingProcess.Elements.SEND_INTENDED_REFUSAL_NOTICE)
        .isWaitingAt(FilingProcess.Elements.AWAIT_STATEMENT).hasNotPassed(RenewalElements.RENEWAL_REJECTED);
    assertThat(status(no)).isEqualTo("HEARING");
    assertThat(TestMail.textsTo(LifecycleFixtures.EMAIL)).anyMatch(t -> t.contains("拟不予延续")
        && t.contains("未获专家组多数通过") && t.contains("评审意见 1") && t.contains("评审意见 2"));
    filings.state(no, "评审所指问题已整改");
    assertThat(pi).isWaitingAt(RenewalElements.DECIDE_FILING);
    assertThat(runtime.getVariable(pi.getId(), Vars.REVIEW_PASSED)).isEqualTo(false);
    complete(pi, RenewalElements.DECIDE_FILING, "officer", Map.of(Vars.FILING_DECISION, "REJECT",
        Vars.DECISION_COMMENT, "技术评审未通过"));
    jobs.runDue();
    assertThat(pi).hasPassed(RenewalElements.RENEWAL_REJECTED).isEnded();
    assertThat(status(no)).isEqualTo("REJECTED");
    assertThat(registry.findByFilingCode(filingCode).orElseThrow().validUntil()).isEqualTo(VALID_UNTIL);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {FilingProcess.RENEWAL_KEY, FilingProcess.SCOPE_CHANGE_KEY,
      "InstitutionFilingProcess"})
  void noPathReachesTheRefusalWithoutPassingTheHearing(String processKey) {
    // Issue 19 item 6 "No refusal without that step", checked on the model of the renewal, the scope change and the
    // first filing: every path into the refusal notice comes from the decision gateway only on the flow that requires
    // hearingHeld, and that is set only after the statement wait.
    var model = engine.getRepositoryService().getBpmnModelInstance(engine.getRepositoryService()
        .createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion().singleResult()
        .getId());
    org.camunda.bpm.model.bpmn.instance.FlowNode refusal = model.getModelElementById("Task_SendFilingRejectedNotice");
    assertThat(refusal.getIncoming()).singleElement().satisfies(flow -> {
      assertThat(flow.getSource().getId()).isEqualTo("Gateway_FilingApproved");
      assertThat(flow.getConditionExpression().getTextContent()).contains("hearingHeld') == true");
    });
    assertThat(model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.EndEvent.class))
        .extracting(org.camunda.bpm.model.bpmn.instance.EndEvent::getId)
        .doesNotContain("EndEvent_ReviewFailed");
  }

  @Test
  void supplementLoopReturnsToAcceptanceReview() {
    jobs.moveClockTo(LocalDateTime.of(2026, 4, 1, 9, 0));
    String no = submit();
    ProcessInstance pi = instance(no);
    complete(pi, RenewalElements.REVIEW_COMPLETENESS, "officer", Map.of(Vars.ACCEPTANCE_DECISION, "REQUEST_SUPPLEMENT",
        Vars.ACCEPTANCE_COMMENT, "缺少近三年评价工作总结"));
    jobs.runDue();
    assertThat(pi).isWaitingAt(RenewalElements.AWAIT_SUPPLEMENT);
    filings.supplement(no, List.of(LifecycleFixtures.pdf("工作总结.pdf")), null);
    assertThat(pi).isWaitingAt(RenewalElements.REVIEW_COMPLETENESS);
    complete(pi, RenewalElements.REVIEW_COMPLETENESS, "officer", Map.of(Vars.ACCEPTANCE_DECISION, "REJECT",
        Vars.ACCEPTANCE_COMMENT, "材料仍不齐全"));
    jobs.runDue();
    assertThat(pi).hasPassed(RenewalElements.NOT_ACCEPTED).isEnded();
  }

  @Test
  void aRenewalMayNotChangeTheCreditCode() {
    jobs.moveClockTo(LocalDateTime.of(2026, 4, 1, 9, 0));
    assertThatThrownBy(() -> renewals.submit(filingCode,
        LifecycleFixtures.renewalApplication(LifecycleFixtures.freshEmployerCode()),
        List.of(LifecycleFixtures.pdf("延续申请表.pdf")), s -> { }))
        .isInstanceOf(ApiProblem.class)
        .satisfies(e -> assertThat(((ApiProblem) e).errors()).extracting(ApiProblem.FieldError::field)
            .contains("application.creditCode"));
    assertThat(filings.openApplicationsFor(filingCode)).isEmpty();
  }

  @Test
  void aRenewalWaitsForExpertsWhenFewerThanThreeAreFreeOfConflicts() {
    // Issue 19 item 7: expert1 and expert2 declared a conflict with this institution → 2 of the 4 demo experts left.
    String creditCode = registry.findByFilingCode(filingCode).orElseThrow().creditCode();
    List<String> conflicted = List.of("expert1", "expert2");
    Map<String, String> demo = Map.of("expert1", "中国就业培训技术指导中心", "expert2", "浙江省职业技能鉴定中心");
    conflicted.forEach(expert -> {
      jdbc.update("DELETE FROM filing_expert_profile WHERE user_id = ?", expert);
      jdbc.update("INSERT INTO filing_expert_profile (user_id, organisation, credit_code) VALUES (?, ?, ?)", expert,
          "本机构", creditCode);
    });
    try {
      jobs.moveClockTo(LocalDateTime.of(2026, 4, 1, 9, 0));
      ProcessInstance pi = instance(submit());
      complete(pi, RenewalElements.REVIEW_COMPLETENESS, "officer", cn.hrss.assessment.filing.Applications.acceptance());
      jobs.runDue();
      assertThat(pi).hasPassed("Task_SendExpertShortageNotice").isWaitingAt("Event_ExpertsAwaited");
      assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    } finally {
      conflicted.forEach(expert -> {
        jdbc.update("DELETE FROM filing_expert_profile WHERE user_id = ?", expert);
        jdbc.update("INSERT INTO filing_expert_profile (user_id, organisation, credit_code) VALUES (?, ?, NULL)",
            expert, demo.get(expert));
      });
    }
  }

  // ------------------------------------------------------------------ helpers

  String status(String applicationNo) {
    return jdbc.queryForObject("SELECT status FROM filing_application WHERE application_no = ?", String.class,
        applicationNo);
  }

  String submit() {
    String creditCode = registry.findByFilingCode(filingCode).orElseThrow().creditCode();
    return renewals.submit(filingCode, LifecycleFixtures.renewalApplication(creditCode),
        List.of(LifecycleFixtures.pdf("延续申请表.pdf")), s -> { }).applicationNo();
  }

  ProcessInstance instance(String applicationNo) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(FilingProcess.RENEWAL_KEY)
        .processInstanceBusinessKey(applicationNo).singleResult();
  }

  Task task(ProcessInstance pi, String key) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).list().get(0);
  }

  void complete(ProcessInstance pi, String key, String user, Map<String, Object> variables) {
    complete(task(pi, key), user, variables);
  }

  void complete(Task task, String user, Map<String, Object> variables) {
    identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream()
        .map(org.camunda.bpm.engine.identity.Group::getId).toList());
    try {
      tasks.complete(task.getId(), new HashMap<>(variables));
    } finally {
      identity.clearAuthentication();
    }
  }

  void accept(ProcessInstance pi) {
    complete(pi, RenewalElements.REVIEW_COMPLETENESS, "officer", cn.hrss.assessment.filing.Applications.acceptance());
    jobs.runDue();
    assertThat(pi).isWaitingAt(RenewalElements.EXPERT_REVIEW);
  }

  void reviewAll(ProcessInstance pi, String... opinions) {
    List<Task> reviews = tasks.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(RenewalElements.EXPERT_REVIEW).orderByTaskAssignee().asc().list();
    assertThat(reviews).hasSize(opinions.length);
    for (int i = 0; i < reviews.size(); i++) {
      complete(reviews.get(i), reviews.get(i).getAssignee(), Map.of(Vars.EXPERT_OPINION, opinions[i],
          Vars.EXPERT_COMMENT, "评审意见 " + (i + 1)));
    }
    jobs.runDue();
  }

  List<NoticeRecord> notices(String caseRef, String template) {
    return notifications.noticesFor(caseRef).stream().filter(n -> template.equals(n.template())).toList();
  }

  static List<String> subjectsTo(String address) {
    return Arrays.stream(TestMail.server().getReceivedMessages()).filter(m -> {
      try {
        return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address));
      } catch (jakarta.mail.MessagingException e) {
        return false;
      }
    }).map(InstitutionRenewalProcessIT::subject).toList();
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
