package cn.hrss.assessment.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.hrss.assessment.filing.FilingProcess.Elements;
import cn.hrss.assessment.filing.FilingProcess.Vars;
import cn.hrss.assessment.notification.NoticeRecord;
import cn.hrss.assessment.notification.NotificationService;
import cn.hrss.assessment.registry.Institution;
import cn.hrss.assessment.registry.InstitutionRegistry;
import cn.hrss.assessment.support.IntegrationTest;
import cn.hrss.assessment.support.Jobs;
import cn.hrss.assessment.support.TestMail;
import cn.hrss.assessment.web.ApiProblem;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import cn.hrss.assessment.identity.Groups;
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
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;

/**
 * One test per path of InstitutionFilingProcess (STYLE.md), on the application context with the job executor off:
 * async steps and timers run through {@link Jobs} at an engine clock moved across real holidays.
 */
@IntegrationTest
@Import(FilingCoverageConfiguration.class)
// The quota of 002 Annex 1 §二(四) is enforced in this context (the shared test profile only warns).
@TestPropertySource(properties = {"camunda.bpm.process-engine-name=" + FilingCoverageConfiguration.ENGINE_NAME,
    "assessment.filing.quota-enforced=true"})
class InstitutionFilingProcessIT {

  static final byte[] PDF = "%PDF-1.7\n%filing test\n".getBytes();

  @Autowired FilingService filings;
  @Autowired FilingRepository repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired ProcessEngine engine;
  @Autowired Jobs jobs;
  @Autowired NotificationService notifications;
  @Autowired InstitutionRegistry registry;
  @Autowired FilingProperties properties;
  @Autowired org.camunda.bpm.engine.RepositoryService repositoryService;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    TestMail.reset();
    // Thursday before the 2026 Spring Festival holiday (2026-02-15..23, adjusted working days 02-14 and 02-28).
    jobs.moveClockTo(LocalDateTime.of(2026, 2, 12, 10, 0));
  }

  @AfterEach
  void tearDown() {
    // The context is shared with other tests: no filing timer of ours may fire (and send mail) in theirs. Only the
    // root instances: a branch still open under its employer's instance goes with it.
    List<String> running = runtime.createProcessInstanceQuery().processDefinitionKeyIn(FilingProcess.KEY,
        FilingProcess.BRANCH_KEY).rootProcessInstances().list().stream().map(org.camunda.bpm.engine.runtime.ProcessInstance::getId).toList();
    if (!running.isEmpty()) {
      runtime.deleteProcessInstancesIfExists(running, "test finished", true, true, false);
    }
    identity.clearAuthentication();
    jobs.resetClock();
  }

  // ------------------------------------------------------------------ acceptance

  @Test
  void acceptanceReviewIsDueTenWorkingDaysLaterCountedOverTheSpringFestival() {
    String no = submit(Applications.socialOrg(uniqueCode(1)));
    ProcessInstance pi = instance(no);
    assertThat(pi).isWaitingAt(Elements.REVIEW_COMPLETENESS);
    Task task = task(pi, Elements.REVIEW_COMPLETENESS);
    assertThat(task).hasCandidateGroup("acceptance-officers-41");
    // 2026-02-12 + 10 working days = 2026-03-04 (BRIEF.md calendar example), end of that day in Beijing.
    assertThat(task.getDueDate()).isEqualTo(endOfDay(LocalDate.of(2026, 3, 4)));
    assertThat(repository.get(no).status()).isEqualTo(FilingStatus.ACCEPTANCE_REVIEW);
  }

  @Test
  void overdueAcceptanceEmailsTheManagersOnceAndTheTaskStays() {
    String no = submit(Applications.provincialEmployer(employerCode("9141")));
    ProcessInstance pi = instance(no);
    jobs.moveClockTo(LocalDateTime.of(2026, 3, 5, 9, 0));
    jobs.runDue();
    assertThat(pi).hasPassed(Elements.SEND_OVERDUE_REMINDER, Elements.OVERDUE_REMINDED).isWaitingAt(Elements.REVIEW_COMPLETENESS);
    jobs.moveClockTo(LocalDateTime.of(2026, 4, 30, 9, 0));
    jobs.runDue();
    assertThat(notices(no, "filing-acceptance-overdue")).singleElement()
        .satisfies(n -> assertThat(n.recipients()).containsExactly("manager@demo.assessment.local"));
  }

  @Test
  void rejectionAtAcceptanceEmailsTheReasons() {
    String no = submit(Applications.provincialEmployer(employerCode("9141")));
    ProcessInstance pi = instance(no);
    complete(pi, Elements.REVIEW_COMPLETENESS, "officer", Map.of(Vars.ACCEPTANCE_DECISION, "REJECT",
        Vars.ACCEPTANCE_COMMENT, "申请单位不属于用人单位评价机构的备案范围"));
    jobs.runDue();
    assertThat(pi).hasPassed(Elements.SEND_NON_ACCEPTANCE_NOTICE).isEnded();
    assertThat(pi).hasPassed(Elements.APPLICATION_NOT_ACCEPTED);
    assertThat(repository.get(no).status()).isEqualTo(FilingStatus.NOT_ACCEPTED);
    assertThat(notices(no, "filing-not-accepted")).singleElement().satisfies(n -> assertThat(n.status().name()).isEqualTo("SENT"));
    assertThat(mailText()).contains("不属于用人单位评价机构的备案范围");
  }

  @Test
  void supplementRequestRestartsTheTenWorkingDayClock() {
    String no = submit(Applications.provincialEmployer(employerCode("9141")));
    ProcessInstance pi = instance(no);
    complete(pi, Elements.REVIEW_COMPLETENESS, "officer", Map.of(Vars.ACCEPTANCE_DECISION, "REQUEST_SUPPLEMENT",
        Vars.ACCEPTANCE_COMMENT, "缺少考评人员名册"));
    jobs.runDue();
    assertThat(pi).hasPassed(Elements.SEND_SUPPLEMENT_NOTICE).isWaitingAt(Elements.AWAIT_SUPPLEMENT);
    assertThat(repository.get(no).status()).isEqualTo(FilingStatus.SUPPLEMENT_REQUESTED);
    assertThat(mailText()).contains("缺少考评人员名册");

    jobs.moveClockTo(LocalDateTime.of(2026, 3, 2, 15, 0));
    filings.supplement(no, List.of(pdf("考评人员名册.pdf")), "已补充名册");
    assertThat(pi).isWaitingAt(Elements.REVIEW_COMPLETENESS);
    // The clock restarts: 2026-03-02 + 10 working days = 2026-03-16.
    assertThat(task(pi, Elements.REVIEW_COMPLETENESS).getDueDate()).isEqualTo(endOfDay(LocalDate.of(2026, 3, 16)));
    assertThat(repository.materials(no)).extracting(FilingRepository.Material::submission).containsExactly(1, 2);
    assertThatThrownBy(() -> filings.supplement(no, List.of(pdf("again.pdf")), null))
        .isInstanceOf(ApiProblem.class).satisfies(e -> assertThat(((ApiProblem) e).status().value()).isEqualTo(409));
  }

  @Test
  void noSupplementWithinTwentyWorkingDaysWithdrawsTheApplication() {
    String no = submit(Applications.provincialEmployer(employerCode("9141")));
    ProcessInstance pi = instance(no);
    complete(pi, Elements.REVIEW_COMPLETENESS, "officer", Map.of(Vars.ACCEPTANCE_DECISION, "REQUEST_SUPPLEMENT",
        Vars.ACCEPTANCE_COMMENT, "缺少实施方案"));
    jobs.runDue();
    // Requested 2026-02-12: 20 working days, counting the adjusted working Saturdays 02-14 and 02-28 and skipping
    // the Spring Festival holiday 02-15..23 → 2026-03-18.
    assertThat((Date) runtime.getVariable(pi.getId(), Vars.SUPPLEMENT_DUE_AT)).isEqualTo(endOfDay(LocalDate.of(2026, 3, 18)));
    jobs.moveClockTo(LocalDateTime.of(2026, 3, 18, 20, 0));
    jobs.runDue();
    assertThat(pi).isWaitingAt(Elements.AWAIT_SUPPLEMENT);
    jobs.moveClockTo(LocalDateTime.of(2026, 3, 19, 8, 0));
    jobs.runDue();
    assertThat(pi).hasPassed(Elements.WITHDRAW_APPLICATION, Elements.SEND_WITHDRAWAL_NOTICE, Elements.APPLICATION_WITHDRAWN)
        .isEnded();
    assertThat(repository.get(no).status()).isEqualTo(FilingStatus.WITHDRAWN);
    assertThat(notices(no, "filing-withdrawn")).hasSize(1);
    // A withdrawn application no longer blocks a new one with the same credit code.
    assertThat(repository.hasOpenApplication(repository.get(no).creditCode())).isFalse();
  }

  // ------------------------------------------------------------------ expert review, notice, decision

  @Test
  void socialOrganisationPassesReviewAndNoticeWithADismissedObjectionAndIsFiled() {
    String no = submit(Applications.socialOrg(uniqueCode(2)));
    ProcessInstance pi = instance(no);
    accept(pi);
    List<String> panel = reviewAll(pi, "PASS", "PASS", "FAIL");
    assertThat(panel).hasSize(3).doesNotHaveDuplicates();
    assertThat(pi).hasPassed(Elements.TALLY_EXPERT_OPINIONS).isWaitingAt(Elements.PUBLIC_NOTICE_PERIOD_ENDED);
    assertThat(repository.get(no).status()).isEqualTo(FilingStatus.PUBLIC_NOTICE);
    assertThat(filings.openNotices()).extracting(FilingRepository.StoredApplication::applicationNo).contains(no);

    long objection = filings.object(no, "张三", "13800000000", "该机构场地不足");
    Task review = task(pi, Elements.REVIEW_OBJECTION);
    assertThat(tasks.getVariable(review.getId(), "reviewedObjectionId")).isEqualTo(objection);
    complete(review, "officer", Map.of(Vars.OBJECTION_UPHELD, false, Vars.OBJECTION_RESPONSE, "经现场核查，场地符合要求"));
    assertThat(pi).hasPassed(Elements.OBJECTION_DISMISSED);

    // 5 working days from 2026-02-12 (13, Saturday 14 adjusted, 24, 25, 26): open until 2026-02-26 23:59:59.
    assertThat(repository.get(no).noticeClosesAt()).isEqualTo(endOfDay(LocalDate.of(2026, 2, 26)).toInstant());
    jobs.moveClockTo(LocalDateTime.of(2026, 2, 26, 23, 0));
    jobs.runDue();
    assertThat(pi).isWaitingAt(Elements.PUBLIC_NOTICE_PERIOD_ENDED);
    jobs.moveClockTo(LocalDateTime.of(2026, 2, 27, 9, 0));
    jobs.runDue();
    assertThat(pi).hasPassed(Elements.CLOSE_NOTICE).isWaitingAt(Elements.DECIDE_FILING);
    assertThatThrownBy(() -> filings.object(no, "李四", "x", "迟到的异议")).isInstanceOf(ApiProblem.class)
        .satisfies(e -> assertThat(((ApiProblem) e).status().value()).isEqualTo(409));
    assertThat(task(pi, Elements.DECIDE_FILING)).hasCandidateGroup("acceptance-officers-41");
    complete(pi, Elements.DECIDE_FILING, "officer", cn.hrss.assessment.filing.Applications.approval());
    jobs.runDue();
    assertThat(pi).hasPassed(Elements.REGISTER_INSTITUTION, Elements.SEND_FILING_RECEIPT, Elements.INSTITUTION_FILED).isEnded();

    FilingRepository.StoredApplication filed = repository.get(no);
    assertThat(filed.status()).isEqualTo(FilingStatus.FILED);
    assertThat(filed.filingCode()).startsWith("S0000" + "41");
    assertThat(filed.receiptNo()).startsWith("HZ2026");
    Institution institution = registry.findByFilingCode(filed.filingCode()).orElseThrow();
    assertThat(institution.validUntil()).isEqualTo(LocalDate.of(2029, 2, 27));
    assertThat(notices(no, "filing-receipt")).singleElement().satisfies(n ->
        assertThat(n.subject()).contains("关于同意河南省数控技能培训协会开展职业技能等级认定工作备案的函"));
    assertThat(mailText()).contains(filed.filingCode(), filed.receiptNo(), "备案回执");
    // The receipt mail carries the receipt as a PDF (issue 13 item 9), its Chinese text real text.
    jakarta.mail.internet.MimeMessage receiptMail = java.util.Arrays.stream(TestMail.server().getReceivedMessages())
        .filter(m -> TestMail.textOf(m).contains("职业技能等级评价机构备案回执")).findFirst().orElseThrow();
    java.util.Map<String, byte[]> attached = TestMail.attachmentsOf(receiptMail);
    assertThat(attached).containsOnlyKeys("备案回执-" + filed.receiptNo() + ".pdf");
    assertThat(cn.hrss.assessment.support.Pdfs.text(attached.values().iterator().next()))
        .contains("河南省数控技能培训协会", filed.filingCode(), filed.receiptNo());
  }

  @Test
  void anUpheldObjectionIsToldToTheApplicantWhoIsHeardBeforeTheDecision() {
    // Issue 19 item 6: 申报机构对办理事项享有陈述权、知情权 (002 Annex 1 §二(十一)): no refusal without a hearing.
    String no = submit(Applications.socialOrg(uniqueCode(3)));
    ProcessInstance pi = instance(no);
    accept(pi);
    reviewAll(pi, "PASS", "PASS", "PASS");
    filings.object(no, "王五", "wang@example.cn", "申报材料中的考评人员名册造假");
    complete(pi, Elements.REVIEW_OBJECTION, "officer", Map.of(Vars.OBJECTION_UPHELD, "true",
        Vars.OBJECTION_RESPONSE, "经核查，考评人员名册中 3 人并非该机构人员"));
    jobs.runDue();
    assertThat(pi).hasPassed(Elements.OBJECTION_UPHELD, Elements.HEARING_JOIN, Elements.SEND_INTENDED_REFUSAL_NOTICE)
        .isWaitingAt(Elements.AWAIT_STATEMENT);
    assertThat(repository.get(no).status()).isEqualTo(FilingStatus.HEARING);
    assertThat(notices(no, "filing-refusal-intended")).singleElement()
        .satisfies(n -> assertThat(n.subject()).contains("拟不予备案告知", no));
    assertThat(mailText()).contains("3 人并非该机构人员", "陈述权");
    assertThatThrownBy(() -> filings.object(no, "李四", "x", "再次异议")).isInstanceOf(ApiProblem.class);

    filings.state(no, "该 3 人已于申报前与本机构签订劳动合同，附合同复印件");
    assertThat(pi).isWaitingAt(Elements.DECIDE_FILING);
    assertThat(runtime.getVariable(pi.getId(), Vars.APPLICANT_STATEMENT)).isEqualTo("该 3 人已于申报前与本机构签订劳动合同，附合同复印件");
    assertThat(runtime.getVariable(pi.getId(), Vars.HEARING_HELD)).isEqualTo(true);
    assertThatThrownBy(() -> filings.state(no, "再补充一句")).isInstanceOf(ApiProblem.class)
        .satisfies(e -> assertThat(((ApiProblem) e).status().value()).isEqualTo(409));

    // Heard, the decision is final: the refusal is sent and the application closes.
    complete(pi, Elements.DECIDE_FILING, "officer", Map.of(Vars.FILING_DECISION, "REJECT",
        Vars.DECISION_COMMENT, "陈述所附合同签订日期晚于申报日期，异议成立"));
    jobs.runDue();
    assertThat(pi).hasPassed(Elements.SEND_FILING_REJECTED_NOTICE, Elements.FILING_REJECTED).isEnded();
    assertThat(repository.get(no).status()).isEqualTo(FilingStatus.REJECTED);
    assertThat(repository.history(no)).extracting(FilingRepository.Step::step).containsSubsequence(
        "Task_ReviewObjection", "HEARING_OPENED", "STATEMENT_SUBMITTED", "Task_DecideFiling");
  }

  @Test
  void reviewWithoutAMajorityOfPassIsAnIntendedRefusalHeardBeforeTheDecision() {
    // 002 Annex 1 §一(十)4: only "通过技术评审的申报机构" is filed, so a failed review refuses the filing; issue 19 item 6:
    // no refusal without telling the reasons and hearing the applicant first.
    String no = submit(Applications.provincialEmployer(employerCode("9141")));
    ProcessInstance pi = instance(no);
    accept(pi);
    reviewAll(pi, "FAIL", "PASS", "FAIL");
    jobs.runDue();
    assertThat(pi).hasPassed(Elements.HEARING_JOIN, Elements.SEND_INTENDED_REFUSAL_NOTICE)
        .isWaitingAt(Elements.AWAIT_STATEMENT).hasNotPassed(Elements.SEND_FILING_REJECTED_NOTICE);
    assertThat(repository.get(no).status()).isEqualTo(FilingStatus.HEARING);
    assertThat(repository.get(no).decision()).isNull();
    assertThat(repository.opinions(no)).hasSize(3);
    assertThat(notices(no, "filing-review-failed")).isEmpty();
    assertThat(notices(no, "filing-refusal-intended")).hasSize(1);
    assertThat(mailText()).contains("拟不予备案告知", "未获专家组多数通过", "评审意见");

    filings.state(no, "评审所指的考评人员不足问题已解决，新聘人员名单附后");
    assertThat(pi).isWaitingAt(Elements.DECIDE_FILING);
    assertThat(runtime.getVariable(pi.getId(), Vars.APPLICANT_STATEMENT)).isEqualTo("评审所指的考评人员不足问题已解决，新聘人员名单附后");
    assertThat(runtime.getVariable(pi.getId(), Vars.REVIEW_PASSED)).isEqualTo(false);
    complete(pi, Elements.DECIDE_FILING, "officer", Map.of(Vars.FILING_DECISION, "REJECT",
        Vars.DECISION_COMMENT, "技术评审未通过，陈述未提供新的证明材料"));
    jobs.runDue();
    assertThat(pi).hasPassed(Elements.SEND_FILING_REJECTED_NOTICE, Elements.FILING_REJECTED).isEnded();
    assertThat(repository.get(no).status()).isEqualTo(FilingStatus.REJECTED);
    assertThat(notices(no, "filing-rejected")).hasSize(1);
  }

  @Test
  void aSocialOrganisationApprovedAfterTheHearingOnAFailedReviewIsStillPubliclyNoticedBeforeFiling() {
    // 002 Annex 1 §二(十)4: no social organisation is filed without its public notice, whatever the hearing decided.
    String no = submit(Applications.socialOrg(uniqueCode(9)));
    ProcessInstance pi = instance(no);
    accept(pi);
    reviewAll(pi, "FAIL", "FAIL", "PASS");
    jobs.runDue();
    assertThat(pi).isWaitingAt(Elements.AWAIT_STATEMENT);
    filings.state(no, "专家所指问题系材料扫描遗漏，原件附后");
    complete(pi, Elements.DECIDE_FILING, "officer", cn.hrss.assessment.filing.Applications.approval());
    jobs.runDue();
    assertThat(pi).isWaitingAt(Elements.PUBLIC_NOTICE_PERIOD_ENDED).hasNotPassed(Elements.REGISTER_INSTITUTION);
    assertThat(repository.get(no).status()).isEqualTo(FilingStatus.PUBLIC_NOTICE);
    java.time.Instant closes = repository.get(no).noticeClosesAt();
    jobs.moveClockTo(LocalDateTime.ofInstant(closes.plusSeconds(60), java.time.ZoneId.of("Asia/Shanghai")));
    jobs.runDue();
    assertThat(pi).isWaitingAt(Elements.DECIDE_FILING);
    // The hearing was held: this REJECT is final, no second hearing.
    complete(pi, Elements.DECIDE_FILING, "officer", Map.of(Vars.FILING_DECISION, "REJECT",
        Vars.DECISION_COMMENT, "复核原件后仍不符合条件"));
    jobs.runDue();
    assertThat(pi).hasPassed(Elements.FILING_REJECTED).isEnded();
    assertThat(repository.get(no).status()).isEqualTo(FilingStatus.REJECTED);
  }

  @Test
  void anIntendedRefusalIsToldFirstAndDecidedOnlyAfterTheFiveWorkingDayStatementWindow() {
    // Issue 19 item 6: the first REJECT is an intended refusal; the applicant may answer within 5 working days.
    String no = submit(Applications.provincialEmployer(employerCode("9141")));
    ProcessInstance pi = instance(no);
    accept(pi);
    reviewAll(pi, "PASS", "PASS", "PASS");
    assertThat(pi).isWaitingAt(Elements.DECIDE_FILING).variables().containsEntry(Vars.HEARING_BEFORE_REFUSAL, true);
    assertThatThrownBy(() -> complete(pi, Elements.DECIDE_FILING, "officer", Map.of(Vars.FILING_DECISION, "REJECT")))
        .hasMessageContaining("decisionComment");
    complete(pi, Elements.DECIDE_FILING, "officer", Map.of(Vars.FILING_DECISION, "REJECT",
        Vars.DECISION_COMMENT, "评价场地与设备不能满足申报等级的要求"));
    jobs.runDue();
    assertThat(pi).hasPassed(Elements.SEND_INTENDED_REFUSAL_NOTICE).isWaitingAt(Elements.AWAIT_STATEMENT)
        .hasNotPassed(Elements.SEND_FILING_REJECTED_NOTICE);
    assertThat(repository.get(no).status()).isEqualTo(FilingStatus.HEARING);
    assertThat(notices(no, "filing-rejected")).isEmpty();
    assertThat(mailText()).contains("拟不予备案告知", "评价场地与设备不能满足");

    // The window: 5 working days (DOMAIN.md §6 calendar), the last one to its end; one minute later it closes.
    java.time.Instant due = ((java.util.Date) runtime.getVariable(pi.getId(), Vars.STATEMENT_DUE_AT)).toInstant();
    LocalDate submittedOn = LocalDate.ofInstant(java.time.Instant.ofEpochMilli(
        org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().getTime()), java.time.ZoneId.of("Asia/Shanghai"));
    assertThat(LocalDate.ofInstant(due, java.time.ZoneId.of("Asia/Shanghai"))).isAfter(submittedOn.plusDays(4));
    jobs.moveClockTo(LocalDateTime.ofInstant(due.minusSeconds(3600), java.time.ZoneId.of("Asia/Shanghai")));
    jobs.runDue();
    assertThat(pi).isWaitingAt(Elements.AWAIT_STATEMENT);
    jobs.moveClockTo(LocalDateTime.ofInstant(due.plusSeconds(60), java.time.ZoneId.of("Asia/Shanghai")));
    jobs.runDue();
    assertThat(pi).hasPassed(Elements.STATEMENT_WINDOW_CLOSED).isWaitingAt(Elements.DECIDE_FILING);
    assertThat((String) runtime.getVariable(pi.getId(), Vars.APPLICANT_STATEMENT)).contains("未在陈述期限内");
    assertThatThrownBy(() -> filings.state(no, "迟到的陈述")).isInstanceOf(ApiProblem.class)
        .satisfies(e -> assertThat(((ApiProblem) e).status().value()).isEqualTo(409));

    complete(pi, Elements.DECIDE_FILING, "officer", Map.of(Vars.FILING_DECISION, "REJECT",
        Vars.DECISION_COMMENT, "评价场地与设备不能满足申报等级的要求，陈述期内未提出意见"));
    jobs.runDue();
    assertThat(pi).hasPassed(Elements.SEND_FILING_REJECTED_NOTICE, Elements.FILING_REJECTED).isEnded();
    assertThat(repository.get(no).status()).isEqualTo(FilingStatus.REJECTED);
    assertThat(notices(no, "filing-rejected")).hasSize(1);
  }

  @Test
  void aFourthSocialOrganisationIsRefusedAtIntakeCountingFiledAndPendingOnesOfTheAcceptingProvince() {
    // 002 Annex 1 §二(四) "原则上，各辖区 1 个职业不超过 3 家": two filed in Henan and one pending there take the places.
    for (int i = 0; i < 2; i++) {
      registry.register(new cn.hrss.assessment.registry.NewInstitution(cn.hrss.assessment.registry.InstitutionType.SOCIAL_ORG,
          "已备案组织" + i, uniqueCode(20 + i), "41", "郑州", "x" + i + "@example.cn", "TEST-" + i,
          List.of(new cn.hrss.assessment.registry.OccupationScope("4-07-02-03", "美容师", null, List.of(4))), null));
    }
    FilingApplication second = withOccupation(Applications.socialOrg(uniqueCode(5)), "4-07-02-03", "美容师", "41");
    String pending = submit(second);
    assertThat(repository.get(pending).quotaWarning()).isNull();
    // Issue 19 item 4: 美容师 is not in the occupation catalogue: the officer is asked to check its standard.
    assertThat(instance(pending)).variables().containsEntry(Vars.OCCUPATION_FLAGGED, true);
    assertThat((String) runtime.getVariable(instance(pending).getId(), Vars.OCCUPATION_NOTES)).contains("美容师", "§二(六)");

    FilingApplication fourth = withOccupation(Applications.socialOrg(uniqueCode(6)), "4-07-02-03", "美容师", "41");
    assertThatThrownBy(() -> submit(fourth)).isInstanceOfSatisfying(ApiProblem.class, problem -> {
      assertThat(problem.status().value()).isEqualTo(409);
      assertThat(problem.errors()).singleElement().satisfies(error -> {
        assertThat(error.field()).isEqualTo("occupations[0].code");
        assertThat(error.message()).contains("美容师", "河南省", "已备案 2 家", "在办申请 1 家", "3 家");
      });
    });
    assertThat(repository.hasOpenApplication(fourth.creditCode())).isFalse();
    // Another jurisdiction (Zhejiang) counts its own: the same occupation is accepted there.
    String zhejiang = submit(withOccupation(Applications.socialOrg(uniqueCode(7)), "4-07-02-03", "美容师", "33"));
    assertThat(instance(zhejiang)).isWaitingAt(Elements.REVIEW_COMPLETENESS);
    // Once the pending one is closed, its place is free again.
    complete(instance(pending), Elements.REVIEW_COMPLETENESS, "officer", Map.of(Vars.ACCEPTANCE_DECISION, "REJECT",
        Vars.ACCEPTANCE_COMMENT, "不符合条件"));
    jobs.runDue();
    assertThat(instance(submit(fourth))).isWaitingAt(Elements.REVIEW_COMPLETENESS);
  }

  @Test
  void anOpenApplicationWhoseProcedureAnOperatorDeletedHoldsNoPlace() {
    // FilingRegistration: pending = its procedure runs. Two filed and two open in Henan (one of them for another
    // occupation, which takes no place); the open one for 保育师 loses its place when its instance is deleted.
    for (int i = 0; i < 2; i++) {
      registry.register(new cn.hrss.assessment.registry.NewInstitution(cn.hrss.assessment.registry.InstitutionType.SOCIAL_ORG,
          "已备案保育组织" + i, uniqueCode(40 + i), "41", "郑州", "d" + i + "@example.cn", "TEST-D" + i,
          List.of(new cn.hrss.assessment.registry.OccupationScope("4-10-01-06", "保育师", null, List.of(4))), null));
    }
    submit(withOccupation(Applications.socialOrg(uniqueCode(42)), "4-10-01-05", "育婴员", "41"));
    FilingApplication third = withOccupation(Applications.socialOrg(uniqueCode(43)), "4-10-01-06", "保育师", "41");
    String pending = submit(third);
    FilingApplication fourth = withOccupation(Applications.socialOrg(uniqueCode(44)), "4-10-01-06", "保育师", "41");
    assertThatThrownBy(() -> submit(fourth)).isInstanceOfSatisfying(ApiProblem.class,
        problem -> assertThat(problem.errors()).singleElement().satisfies(error ->
            assertThat(error.message()).contains("已备案 2 家", "在办申请 1 家")));

    runtime.deleteProcessInstance(instance(pending).getId(), "operator removed it in Cockpit");

    assertThat(repository.hasOpenApplication(third.creditCode())).isTrue();
    assertThat(instance(submit(fourth))).isWaitingAt(Elements.REVIEW_COMPLETENESS);
  }

  @Test
  void theDecidingOfficerCannotApproveWhenThePlacesWereTakenAfterIntake() {
    FilingApplication application = withOccupation(Applications.socialOrg(uniqueCode(8)), "4-07-02-04", "美甲师", "41");
    String no = submit(application);
    ProcessInstance pi = instance(no);
    accept(pi);
    reviewAll(pi, "PASS", "PASS", "PASS");
    // Meanwhile three others were filed in Henan for the same occupation (e.g. accepted before this one).
    for (int i = 0; i < 3; i++) {
      registry.register(new cn.hrss.assessment.registry.NewInstitution(cn.hrss.assessment.registry.InstitutionType.SOCIAL_ORG,
          "先备案组织" + i, uniqueCode(30 + i), "41", "郑州", "y" + i + "@example.cn", "TEST-Q" + i,
          List.of(new cn.hrss.assessment.registry.OccupationScope("4-07-02-04", "美甲师", null, List.of(4))), null));
    }
    jobs.moveClockTo(LocalDateTime.of(2026, 2, 27, 9, 0));
    jobs.runDue();
    assertThat(pi).isWaitingAt(Elements.DECIDE_FILING);
    assertThatThrownBy(() -> complete(pi, Elements.DECIDE_FILING, "officer", Map.of(Vars.FILING_DECISION, "APPROVE")))
        .hasMessageContaining("美甲师").hasMessageContaining("已备案的社会培训评价组织 3 家")
        .hasMessageContaining("不能同意备案");
    assertThat(pi).isWaitingAt(Elements.DECIDE_FILING);
    complete(pi, Elements.DECIDE_FILING, "officer", Map.of(Vars.FILING_DECISION, "REJECT",
        Vars.DECISION_COMMENT, "该职业在本辖区已有 3 家社会培训评价组织备案"));
    jobs.runDue();
    // Issue 19 item 6: the intended refusal is told first; the applicant's statement window, then the decision.
    assertThat(pi).isWaitingAt(Elements.AWAIT_STATEMENT);
    java.time.Instant due = ((java.util.Date) runtime.getVariable(pi.getId(), Vars.STATEMENT_DUE_AT)).toInstant();
    jobs.moveClockTo(LocalDateTime.ofInstant(due.plusSeconds(60), java.time.ZoneId.of("Asia/Shanghai")));
    jobs.runDue();
    complete(pi, Elements.DECIDE_FILING, "officer", Map.of(Vars.FILING_DECISION, "REJECT",
        Vars.DECISION_COMMENT, "该职业在本辖区已有 3 家社会培训评价组织备案"));
    jobs.runDue();
    assertThat(pi).hasPassed(Elements.FILING_REJECTED).isEnded();
  }

  static FilingApplication withOccupation(FilingApplication base, String code, String name, String province) {
    return new FilingApplication(base.institutionType(), base.name(), base.creditCode(), base.organisationForm(),
        base.legalRepresentative(), province, base.address(), base.contact(),
        List.of(new FilingApplication.Occupation(code, name, null, List.of(4))), List.of(), base.declarations())
        .with(base.conditions(), base.materials());
  }

  @Test
  void aSubmissionWhoseProcessCannotStartLeavesNothingBehind() throws Exception {
    // The process definition suspended (as an operator may in Cockpit): the start fails; the application row, its
    // number, its history and the files written to disk all go with the rolled-back transaction.
    FilingApplication application = Applications.provincialEmployer(employerCode("9141"));
    long filesBefore = countStoredFiles();
    repositoryService.suspendProcessDefinitionByKey(FilingProcess.KEY);
    try {
      assertThatThrownBy(() -> submit(application)).isNotInstanceOf(ApiProblem.class);
    } finally {
      repositoryService.activateProcessDefinitionByKey(FilingProcess.KEY);
    }
    assertThat(repository.hasOpenApplication(application.creditCode())).isFalse();
    assertThat(countStoredFiles()).isEqualTo(filesBefore);
  }

  long countStoredFiles() throws java.io.IOException {
    java.nio.file.Path dir = properties.storageDir().toAbsolutePath();
    if (!java.nio.file.Files.exists(dir)) {
      return 0;
    }
    try (var files = java.nio.file.Files.walk(dir)) {
      return files.filter(java.nio.file.Files::isRegularFile).count();
    }
  }

  @Test
  void theExpertWithAConflictIsNeverDrawn() {
    FilingApplication a = Applications.socialOrg(DemoExpertProfiles.CONFLICT_CREDIT_CODE);
    String no = submit(a);
    accept(instance(no));
    FilingRepository.PanelDraw draw = repository.panelDraw(no).orElseThrow();
    assertThat(draw.excluded()).containsExactly(DemoExpertProfiles.CONFLICTED_EXPERT);
    assertThat(draw.panel()).hasSize(3).doesNotContain(DemoExpertProfiles.CONFLICTED_EXPERT);
  }

  @Test
  void tooFewExpertsWithoutAConflictMakeTheCaseWaitAndTellTheOfficersUntilAPanelOfThreeCanBeDrawn() {
    // Issue 19 item 7: expert1 works for the applicant's parent, expert4 for a sister organisation: 2 eligible of 4.
    String parent = uniqueCode(40);
    repository.saveExpertProfile(new ExpertPanel.Profile("expert1", "示例上级单位", parent));
    try {
      FilingApplication base = Applications.socialOrg(uniqueCode(41));
      FilingApplication application = new FilingApplication(base.institutionType(), base.name(), base.creditCode(),
          base.organisationForm(), base.legalRepresentative(), base.province(), base.address(), base.contact(),
          base.occupations(), base.branches(), base.declarations(), parent,
          List.of(DemoExpertProfiles.CONFLICT_CREDIT_CODE));
      String no = submit(application);
      ProcessInstance pi = instance(no);
      complete(pi, Elements.REVIEW_COMPLETENESS, "officer", Applications.acceptance());
      jobs.runDue();
      assertThat(pi).hasPassed("Boundary_TooFewExperts", "Task_SendExpertShortageNotice")
          .isWaitingAt("Event_ExpertsAwaited");
      assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(Elements.EXPERT_REVIEW).count())
          .isZero();
      // The accepting province's officers (officer is in acceptance-officers-41) and the managers.
      assertThat(notices(no, "filing-expert-shortage")).singleElement().satisfies(n -> assertThat(n.recipients())
          .containsExactlyInAnyOrder("officer@demo.assessment.local", "manager@demo.assessment.local"));
      assertThat(mailText()).contains("评审专家不足", no);
      assertThat(repository.panelDraw(no)).isEmpty();

      // A day later still too few: waits again, told again.
      jobs.moveClockTo(LocalDateTime.of(2026, 2, 13, 11, 0));
      jobs.runDue();
      assertThat(pi).isWaitingAt("Event_ExpertsAwaited");
      assertThat(notices(no, "filing-expert-shortage")).hasSize(2);

      // The conflict record corrected: the next attempt draws a panel of three (never the sister's expert4).
      repository.saveExpertProfile(new ExpertPanel.Profile("expert1", "中国就业培训技术指导中心", null));
      jobs.moveClockTo(LocalDateTime.of(2026, 2, 14, 12, 0));
      jobs.runDue();
      assertThat(pi).isWaitingAt(Elements.EXPERT_REVIEW);
      assertThat(repository.panelDraw(no).orElseThrow().panel()).containsExactlyInAnyOrder("expert1", "expert2",
          "expert3");
    } finally {
      repository.saveExpertProfile(new ExpertPanel.Profile("expert1", "中国就业培训技术指导中心", null));
    }
  }

  @Test
  void invalidGroupCreditCodesAreFieldErrorsAndNothingIsStored() {
    FilingApplication base = Applications.socialOrg(uniqueCode(42));
    FilingApplication application = new FilingApplication(base.institutionType(), base.name(), base.creditCode(),
        base.organisationForm(), base.legalRepresentative(), base.province(), base.address(), base.contact(),
        base.occupations(), base.branches(), base.declarations(), "91110000MA0000000X",
        List.of(base.creditCode(), "not-a-code"));
    assertThatThrownBy(() -> submit(application)).isInstanceOfSatisfying(ApiProblem.class, problem -> {
      assertThat(problem.status().value()).isEqualTo(400);
      assertThat(problem.errors()).extracting(ApiProblem.FieldError::field)
          .contains("parentCreditCode", "relatedCreditCodes[0]", "relatedCreditCodes[1]");
    });
    assertThat(repository.hasOpenApplication(application.creditCode())).isFalse();
  }

  // ------------------------------------------------------------------ national employer and branches

  @Test
  void nationalEmployerIsDecidedByTheMinistryAndEachBranchByItsProvince() {
    String no = submit(Applications.nationalEmployer(employerCode("9111")));
    ProcessInstance pi = instance(no);
    accept(pi);
    reviewAll(pi, "PASS", "PASS", "PASS");
    assertThat(task(pi, Elements.DECIDE_FILING)).hasCandidateGroup("ministry-approvers");
    complete(pi, Elements.DECIDE_FILING, "approver", cn.hrss.assessment.filing.Applications.approval());
    jobs.runDue();
    String employerCode = repository.get(no).filingCode();
    assertThat(employerCode).startsWith("Y").matches("Y\\d{4}11\\d{6}");
    // Issue 19 item 11: the acceptance and the approval were told by phone (002 Annex 1 §一(十)2, §一(十四)), both by
    // the ministry centre, which accepts and decides national employers (CONTRACT.md "Jurisdiction").
    assertThat(repository.history(no)).filteredOn(step -> step.step().equals("PHONE_CALL")).hasSize(2)
        .allSatisfy(step -> assertThat(step.comment()).contains("已电话告知"))
        .extracting(FilingRepository.Step::actor).containsExactly("approver", "approver");
    assertThat(pi).isWaitingAt(Elements.FILE_BRANCHES);

    List<ProcessInstance> branches = runtime.createProcessInstanceQuery().processDefinitionKey(FilingProcess.BRANCH_KEY)
        .superProcessInstanceId(pi.getId()).list();
    assertThat(branches).extracting(ProcessInstance::getBusinessKey).containsExactlyInAnyOrder(no + "-B1", no + "-B2");
    ProcessInstance henan = branches.stream().filter(b -> b.getBusinessKey().endsWith("-B1")).findFirst().orElseThrow();
    ProcessInstance zhejiang = branches.stream().filter(b -> b.getBusinessKey().endsWith("-B2")).findFirst().orElseThrow();
    assertThat(henan).isWaitingAt(FilingProcess.BranchElements.REVIEW_BRANCH);
    assertThat(task(henan, FilingProcess.BranchElements.REVIEW_BRANCH)).hasCandidateGroup("provincial-officers-41");
    // 002 Annex 1 §一(十)5: each branch by its own province (CONTRACT.md "Jurisdiction").
    assertThat(task(zhejiang, FilingProcess.BranchElements.REVIEW_BRANCH)).hasCandidateGroup("provincial-officers-33");

    complete(zhejiang, FilingProcess.BranchElements.REVIEW_BRANCH, "officer", branchReview("REJECT",
        "NOT_MEETS", Vars.BRANCH_COMMENT, "分支机构评价场地尚未建成"));
    jobs.runDue();
    // Issue 19 item 6: the first REJECT is an intended refusal, told with its reasons to the employer and the branch.
    assertThat(zhejiang).hasPassed(Elements.SEND_INTENDED_REFUSAL_NOTICE).isWaitingAt(Elements.AWAIT_STATEMENT)
        .hasNotPassed(FilingProcess.BranchElements.SEND_BRANCH_REJECTED_NOTICE);
    assertThat(notifications.noticesFor(no + "-B2")).singleElement().satisfies(n -> {
      assertThat(n.template()).isEqualTo("filing-refusal-intended");
      assertThat(n.recipients()).contains("hr@group.example.cn").hasSize(2);
    });
    assertThat(repository.branch(no, 2).status()).isNotEqualTo("REJECTED");
    filings.state(no + "-B2", "评价场地已于上月竣工验收，附验收报告");
    assertThat(zhejiang).hasPassed(Elements.STATEMENT_JOIN).isWaitingAt(FilingProcess.BranchElements.REVIEW_BRANCH);
    assertThat(runtime.getVariable(zhejiang.getId(), Vars.APPLICANT_STATEMENT)).isEqualTo("评价场地已于上月竣工验收，附验收报告");
    assertThat(runtime.getVariable(zhejiang.getId(), Vars.INTENDED_REFUSAL_REASON)).isEqualTo("分支机构评价场地尚未建成");
    assertThat(repository.history(no)).extracting(FilingRepository.Step::step)
        .contains("HEARING_OPENED", "STATEMENT_SUBMITTED");
    // The hearing is over: a second statement → 409, nothing stored.
    assertThatThrownBy(() -> filings.state(no + "-B2", "再补充一点")).isInstanceOf(cn.hrss.assessment.web.ApiProblem.class);
    complete(zhejiang, FilingProcess.BranchElements.REVIEW_BRANCH, "officer", branchReview("REJECT",
        "NOT_MEETS", Vars.BRANCH_COMMENT, "验收报告显示场地仍未配备考核设备"));
    jobs.runDue();
    assertThat(zhejiang).hasPassed(FilingProcess.BranchElements.SEND_BRANCH_REJECTED_NOTICE,
        FilingProcess.BranchElements.BRANCH_REJECTED).isEnded();
    assertThat(pi).isWaitingAt(Elements.FILE_BRANCHES);

    complete(henan, FilingProcess.BranchElements.REVIEW_BRANCH, "officer", branchReview("APPROVE", "MEETS"));
    jobs.runDue();
    assertThat(henan).hasPassed(FilingProcess.BranchElements.REGISTER_BRANCH,
        FilingProcess.BranchElements.SEND_BRANCH_RECEIPT, FilingProcess.BranchElements.BRANCH_FILED).isEnded();
    assertThat(pi).hasPassed(Elements.INSTITUTION_FILED).isEnded();

    FilingRepository.BranchRow filedBranch = repository.branch(no, 1);
    assertThat(filedBranch.status()).isEqualTo("FILED");
    assertThat(filedBranch.filingCode()).matches("Y\\d{4}41\\d{6}");
    assertThat(registry.branchesOf(employerCode)).extracting(Institution::filingCode).containsExactly(filedBranch.filingCode());
    assertThat(repository.branch(no, 2).status()).isEqualTo("REJECTED");
    assertThat(repository.get(no).status()).isEqualTo(FilingStatus.FILED);
    assertThat(notifications.noticesFor(no + "-B1")).singleElement().satisfies(n -> {
      assertThat(n.template()).isEqualTo("branch-receipt");
      assertThat(n.recipients()).containsExactlyInAnyOrder("zz@group.example.cn", "hr@group.example.cn");
    });
  }

  @Test
  void aBranchNotAnsweringInFiveWorkingDaysIsDecidedAfterTheWindowAndMayStillBeFiled() {
    // Issue 19 item 6: the branch's window (5 working days, deadline kind statementDue) closes by its timer.
    String no = submit(Applications.nationalEmployer(employerCode("9111")));
    ProcessInstance pi = instance(no);
    accept(pi);
    reviewAll(pi, "PASS", "PASS", "PASS");
    complete(pi, Elements.DECIDE_FILING, "approver", cn.hrss.assessment.filing.Applications.approval());
    jobs.runDue();
    ProcessInstance zhejiang = runtime.createProcessInstanceQuery().processInstanceBusinessKey(no + "-B2")
        .processDefinitionKey(FilingProcess.BRANCH_KEY).singleResult();
    complete(zhejiang, FilingProcess.BranchElements.REVIEW_BRANCH, "officer", branchReview("REJECT",
        "NOT_MEETS", Vars.BRANCH_COMMENT, "分支机构评价场地尚未建成"));
    jobs.runDue();
    assertThat(zhejiang).isWaitingAt(Elements.AWAIT_STATEMENT);
    java.time.Instant due = ((java.util.Date) runtime.getVariable(zhejiang.getId(), Vars.STATEMENT_DUE_AT)).toInstant();
    java.time.ZoneId china = java.time.ZoneId.of("Asia/Shanghai");
    jobs.moveClockTo(LocalDateTime.ofInstant(due.minusSeconds(3600), china));
    jobs.runDue();
    assertThat(zhejiang).isWaitingAt(Elements.AWAIT_STATEMENT);
    jobs.moveClockTo(LocalDateTime.ofInstant(due.plusSeconds(60), china));
    jobs.runDue();
    assertThat(zhejiang).hasPassed(Elements.STATEMENT_WINDOW_CLOSED).isWaitingAt(FilingProcess.BranchElements.REVIEW_BRANCH);
    assertThat((String) runtime.getVariable(zhejiang.getId(), Vars.APPLICANT_STATEMENT)).contains("未在陈述期限内");
    assertThat(runtime.getVariable(zhejiang.getId(), Vars.HEARING_HELD)).isEqualTo(true);
    assertThatThrownBy(() -> filings.state(no + "-B2", "迟到的陈述")).isInstanceOf(cn.hrss.assessment.web.ApiProblem.class);
    // After the hearing the officer may still approve.
    complete(zhejiang, FilingProcess.BranchElements.REVIEW_BRANCH, "officer", branchReview("APPROVE", "MEETS"));
    jobs.runDue();
    assertThat(zhejiang).hasPassed(FilingProcess.BranchElements.BRANCH_FILED).isEnded();
  }

  @Test
  void noPathOfABranchReachesItsRefusalWithoutPassingTheHearing() {
    // Issue 19 item 6 "No refusal without that step", checked on the model (as for the renewal).
    var model = repositoryService.getBpmnModelInstance(repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(FilingProcess.BRANCH_KEY).latestVersion().singleResult().getId());
    org.camunda.bpm.model.bpmn.instance.FlowNode refusal =
        model.getModelElementById(FilingProcess.BranchElements.SEND_BRANCH_REJECTED_NOTICE);
    assertThat(refusal.getIncoming()).singleElement().satisfies(flow -> {
      assertThat(flow.getSource().getId()).isEqualTo("Gateway_BranchApproved");
      assertThat(flow.getConditionExpression().getTextContent()).contains("hearingHeld') == true");
    });
    org.camunda.bpm.model.bpmn.instance.FlowNode review = model.getModelElementById("Gateway_DecisionJoin");
    assertThat(review.getIncoming()).extracting(flow -> flow.getSource().getId())
        .containsExactlyInAnyOrder("StartEvent_BranchSubmitted", Elements.STATEMENT_JOIN);
  }

  // ------------------------------------------------------------------ helpers

  String submit(FilingApplication application) {
    return filings.submit(Applications.tagged(application, "备案申请表.pdf"), List.of(pdf("备案申请表.pdf"))).applicationNo();
  }

  static MockMultipartFile pdf(String name) {
    return new MockMultipartFile("files", name, "application/pdf", PDF);
  }

  private int sequence;

  /** A valid credit code per test so that tests never collide on "one open application per credit code". */
  /** An enterprise's code (91, GB 32100-2015 Table 1) registered in {@code prefix}'s province. */
  String employerCode(String prefix) {
    String first17 = String.format("%s0000MA%07d", prefix, (System.nanoTime() / 1000 + sequence++) % 10_000_000);
    return first17 + cn.hrss.assessment.codes.CreditCodes.checkCharacter(first17);
  }

  String uniqueCode(int salt) {
    String first17 = String.format("5241%04dMJ%07d", salt, (System.nanoTime() / 1000 + sequence++) % 10_000_000);
    return first17 + cn.hrss.assessment.codes.CreditCodes.checkCharacter(first17);
  }

  ProcessInstance instance(String applicationNo) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(FilingProcess.KEY)
        .processInstanceBusinessKey(applicationNo).singleResult();
  }

  Task task(ProcessInstance pi, String key) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).list().get(0);
  }

  void complete(ProcessInstance pi, String key, String user, Map<String, Object> variables) {
    complete(task(pi, key), user, variables);
  }

  /** Completes as {@code user} (authenticated like Tasklist, so the completion rules see who it is). */
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
    // CONTRACT.md "Jurisdiction": the ministry centre accepts national employers, officer (41) the others here.
    String user = Groups.MINISTRY_APPROVERS.equals(runtime.getVariable(pi.getId(), Vars.ACCEPTING_GROUP))
        ? "approver" : "officer";
    complete(pi, Elements.REVIEW_COMPLETENESS, user, cn.hrss.assessment.filing.Applications.acceptance());
    jobs.runDue();
    assertThat(pi).hasPassed(Elements.SEND_ACCEPTANCE_NOTICE, Elements.DRAW_EXPERT_PANEL).isWaitingAt(Elements.EXPERT_REVIEW);
  }

  /** Each panel member completes their own review with the given opinions in panel order. */
  List<String> reviewAll(ProcessInstance pi, String... opinions) {
    List<Task> reviews = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(Elements.EXPERT_REVIEW)
        .orderByTaskAssignee().asc().list();
    assertThat(reviews).hasSize(opinions.length);
    for (int i = 0; i < reviews.size(); i++) {
      complete(reviews.get(i), reviews.get(i).getAssignee(), Map.of(Vars.EXPERT_OPINION, opinions[i],
          Vars.EXPERT_COMMENT, "评审意见 " + (i + 1)));
    }
    jobs.runDue();
    return reviews.stream().map(Task::getAssignee).toList();
  }

  List<NoticeRecord> notices(String caseRef, String template) {
    return notifications.noticesFor(caseRef).stream().filter(n -> template.equals(n.template())).toList();
  }

  static String mailText() {
    return java.util.Arrays.stream(TestMail.server().getReceivedMessages()).map(m -> {
      try {
        return m.getSubject() + "\n" + text(m.getContent());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).reduce("", String::concat);
  }

  static String text(Object content) throws Exception {
    if (content instanceof jakarta.mail.Multipart multipart) {
      StringBuilder all = new StringBuilder();
      for (int i = 0; i < multipart.getCount(); i++) {
        all.append(text(multipart.getBodyPart(i).getContent()));
      }
      return all.toString();
    }
    return String.valueOf(content);
  }

  static Date endOfDay(LocalDate day) {
    return Date.from(ZonedDateTime.of(day.atTime(23, 59, 59), Jobs.ZONE).toInstant());
  }

  /** A technical review of a branch (issue 19 item 9): every item rated, an opinion, the decision (and its reasons). */
  static Map<String, Object> branchReview(String decision, String rating, Object... more) {
    Map<String, Object> values = new java.util.HashMap<>(Map.of(Vars.BRANCH_DECISION, decision,
        BranchReviewItems.OPINION, "文件审核并现场考察"));
    for (BranchReviewItems.Item item : BranchReviewItems.ITEMS) {
      values.put(item.key(), rating);
    }
    for (int i = 0; i < more.length; i += 2) {
      values.put((String) more[i], more[i + 1]);
    }
    return values;
  }
}
