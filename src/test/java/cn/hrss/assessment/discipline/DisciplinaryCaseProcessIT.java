package cn.hrss.assessment.discipline;

import static cn.hrss.assessment.discipline.DisciplinaryCaseProcess.Ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.hrss.assessment.registry.Institution;
import cn.hrss.assessment.registry.InstitutionRegistry;
import cn.hrss.assessment.registry.InstitutionStatus;
import cn.hrss.assessment.support.IntegrationTest;
import cn.hrss.assessment.support.Jobs;
import cn.hrss.assessment.support.OfficialYears;
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
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One test per path of DisciplinaryCaseProcess (STYLE.md), driven through the domain service and the engine API with
 * the job executor off; the clock starts on Monday 2026-03-02 09:00 Beijing time.
 */
@IntegrationTest
@Import(DisciplineCoverageConfiguration.class)
class DisciplinaryCaseProcessIT {

  private static final LocalDateTime START = LocalDateTime.of(2026, 3, 2, 9, 0);
  private static final List<String> OFFICER = List.of("discipline-officers");
  private static final List<String> REVIEWER = List.of("discipline-reviewers");

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired DisciplineCaseService service;
  @Autowired DisciplineArchive archive;
  @Autowired InstitutionRegistry registry;
  @Autowired JdbcTemplate jdbc;
  @Autowired Jobs jobs;
  @Autowired ManagementService management;
  @Autowired DisciplineCaseViews views;
  @Autowired TestRestTemplate http;

  private final Map<String, ProcessInstance> instances = new HashMap<>();
  private Institution school;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    TestMail.reset();
    jobs.moveClockTo(START);
    school = DisciplineFixtures.institution(registry, "郑州市测试职业技能评价中心", "school@example.cn");
  }

  @AfterEach
  void tearDown() {
    identity.clearAuthentication();
    jobs.resetClock();
  }

  @Test
  void noStatementAndNoAppeal_candidateImpersonationSeriousIsBannedFiveYears() {
    String id = DisciplineFixtures.idNumber();
    String caseNo = open(DisciplineFixtures.candidate("张三", id, "zhangsan@example.cn", school.filingCode()));
    determine(caseNo, 7, 4, "SERIOUS");
    assertThat(instance(caseNo)).isWaitingAt(Ids.WAIT_STATEMENT);
    // 5 working days after Monday 2 March: Monday 9 March, end of day Beijing time.
    assertThat(service.find(caseNo).orElseThrow().statementDeadline())
        .isEqualTo(LocalDateTime.of(2026, 3, 9, 23, 59, 59).atZone(Jobs.ZONE).toInstant());
    assertThat(mailsTo("zhangsan@example.cn")).anySatisfy(s -> assertThat(s).contains("处理告知书"));
    assertThat(mailsTo("school@example.cn")).anySatisfy(s -> assertThat(s).contains("处理告知书"));
    // 002 Annex 2 Art. 17: facts, reasons (article and item text), legal basis, proposed sanctions, deadline, how to answer.
    assertThat(bodyTo("zhangsan@example.cn", "处理告知书"))
        .contains("冒名顶替", "第七条", "（四）由他人冒名顶替参加评价或替他人参加评价的", "情节严重", "第七条第（四）项",
            "5年内不得参加评价", "移送有关部门处理", "2026年3月9日", "/statements", "Authorization: Bearer")
        .doesNotContain(id);
    assertThat(bodyTo("school@example.cn", "处理告知书")).doesNotContain("Authorization: Bearer");
    // The heading every document shares (templates/mail/discipline-addressee.html): case, party, copies.
    assertThat(bodyTo("zhangsan@example.cn", "处理告知书"))
        .contains("案件编号：" + caseNo, id.substring(0, 6) + "********" + id.substring(14))
        .doesNotContain("抄送：本文书副本");
    assertThat(bodyTo("school@example.cn", "处理告知书")).contains("案件编号：" + caseNo, "抄送：本文书副本");
    assertThat(service.find(caseNo).orElseThrow().proposedSanctions()).isEqualTo("CANCEL_ALL_SCORES,BAN_5_YEARS,REFERRAL");

    passStatementWindow(caseNo);
    assertThat(instance(caseNo)).isWaitingAt(Ids.ISSUE_DECISION);
    decide(caseNo, "discipline", true);
    assertThat(instance(caseNo)).hasPassed(Ids.SERVE_DECISION, Ids.EXECUTE).isWaitingAt(Ids.WAIT_APPEAL);
    assertThat(mailsTo("zhangsan@example.cn")).anySatisfy(s -> assertThat(s).contains("处理决定书"));
    assertThat(service.activeBans(id)).singleElement().satisfies(ban -> {
      assertThat(ban.sanction()).isEqualTo("BAN_5_YEARS");
      assertThat(ban.startsOn()).isEqualTo(LocalDate.of(2026, 3, 10));
      assertThat(ban.endsOn()).isEqualTo(LocalDate.of(2031, 3, 9));
      assertThat(ban.idNumberMasked()).doesNotContain(id.substring(6, 14));
    });

    passAppealWindow(caseNo);
    assertThat(instance(caseNo)).hasPassed(Ids.CLOSE).isEnded();
    assertThat(service.find(caseNo).orElseThrow().status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(archive.entriesOf(caseNo)).extracting(DisciplineArchive.Entry::kind)
        .contains("CASE_OPENED", "DETERMINATION", "NOTICE_OF_INTENT", "DECISION", "CASE_CLOSED");
    assertThat(archive.verify().ok()).isTrue();
  }

  @Test
  void statementMaintained_leadsToTheDecision() {
    String caseNo = open(DisciplineFixtures.candidate("李四", DisciplineFixtures.idNumber(), "lisi@example.cn", school.filingCode()));
    determine(caseNo, 6, 1, null);
    service.submitStatement(caseNo, "手机未开机，仅放在口袋里。");
    assertThat(instance(caseNo)).isWaitingAt(Ids.CONSIDER_STATEMENT);
    complete(caseNo, Ids.CONSIDER_STATEMENT, "discipline", OFFICER,
        Map.of("statementOutcome", "MAINTAIN", "statementResponse", "监控显示考生使用手机，陈述不予采纳。"));
    assertThat(instance(caseNo)).isWaitingAt(Ids.ISSUE_DECISION);
  }

  @Test
  void statementRedetermine_returnsToTheDetermination() {
    String caseNo = open(DisciplineFixtures.candidate("王五", DisciplineFixtures.idNumber(), "wangwu@example.cn", school.filingCode()));
    determine(caseNo, 6, 1, null);
    service.submitStatement(caseNo, "我只是看了时间。");
    complete(caseNo, Ids.CONSIDER_STATEMENT, "discipline", OFFICER,
        Map.of("statementOutcome", "REDETERMINE", "statementResponse", "改按第五条认定。"));
    assertThat(instance(caseNo)).isWaitingAt(Ids.DETERMINE);
    determine(caseNo, 5, 1, null);
    assertThat(service.find(caseNo).orElseThrow().proposedSanctions()).isEqualTo("CANCEL_SUBJECT_SCORE");
  }

  @Test
  void statementDropped_closesTheCaseAndTellsTheParty() {
    String caseNo = open(DisciplineFixtures.candidate("赵六", DisciplineFixtures.idNumber(), "zhaoliu@example.cn", school.filingCode()));
    determine(caseNo, 5, 3, null);
    service.submitStatement(caseNo, "当时是在提醒邻座考生。");
    complete(caseNo, Ids.CONSIDER_STATEMENT, "discipline", OFFICER,
        Map.of("statementOutcome", "DROP", "statementResponse", "经核实不构成违纪。"));
    jobs.runDue();
    assertThat(instance(caseNo)).hasPassed(Ids.SERVE_DROP).isEnded();
    assertThat(mailsTo("zhaoliu@example.cn")).anySatisfy(s -> assertThat(s).contains("不予处理"));
    assertThat(service.find(caseNo).orElseThrow().status()).isEqualTo(CaseStatus.DROPPED);
  }

  @Test
  void aStatementAfterTheWindowIsRefused() {
    String caseNo = open(DisciplineFixtures.candidate("孙七", DisciplineFixtures.idNumber(), "sunqi@example.cn", school.filingCode()));
    determine(caseNo, 5, 1, null);
    jobs.moveClockTo(LocalDateTime.of(2026, 3, 10, 8, 0));
    assertThatThrownBy(() -> service.submitStatement(caseNo, "迟到的陈述"))
        .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status().value()).isEqualTo(409));
  }

  @Test
  void decisionNotApproved_returnsToTheDetermination() {
    String caseNo = open(DisciplineFixtures.candidate("周八", DisciplineFixtures.idNumber(), "zhouba@example.cn", school.filingCode()));
    determine(caseNo, 5, 2, null);
    passStatementWindow(caseNo);
    decide(caseNo, "discipline", false);
    assertThat(instance(caseNo)).isWaitingAt(Ids.DETERMINE);
  }

  @Test
  void appealUpheld_keepsTheSanctionsAndServesTheReviewDecision() {
    String id = DisciplineFixtures.idNumber();
    String caseNo = decidedCandidateCase(id, "wu@example.cn", 6, 2, null);
    service.submitAppeal(caseNo, "我没有抄袭。");
    assertThat(instance(caseNo)).isWaitingAt(Ids.REVIEW);
    complete(caseNo, Ids.REVIEW, "reviewer", REVIEWER, Map.of("reviewOutcome", "UPHOLD", "reviewReasoning", "证据确凿。"));
    jobs.runDue();
    assertThat(instance(caseNo)).hasPassed(Ids.SERVE_REVIEW, Ids.CLOSE).hasNotPassed(Ids.ADJUST).isEnded();
    assertThat(service.activeBans(id)).singleElement().extracting(DisciplineCaseRepository.Ban::sanction).isEqualTo("BAN_CURRENT_YEAR");
    assertThat(mailsTo("wu@example.cn")).anySatisfy(s -> assertThat(s).contains("复核决定书"));
  }

  @Test
  void appealAmended_replacesTheFiveYearBanByATwoYearBan() {
    String id = DisciplineFixtures.idNumber();
    String caseNo = decidedCandidateCase(id, "zheng@example.cn", 7, 4, "SERIOUS");
    assertThat(service.activeBans(id)).extracting(DisciplineCaseRepository.Ban::sanction).containsExactly("BAN_5_YEARS");
    service.submitAppeal(caseNo, "情节轻微，系初犯。");
    complete(caseNo, Ids.REVIEW, "reviewer", REVIEWER, Map.of("reviewOutcome", "AMEND", "reviewReasoning", "情节轻微。",
        "amendedArticle", 7, "amendedItem", 4, "amendedSeverity", "MINOR"));
    jobs.runDue();
    assertThat(instance(caseNo)).hasPassed(Ids.ADJUST, Ids.SERVE_REVIEW).isEnded();
    assertThat(service.activeBans(id)).singleElement().satisfies(ban -> {
      assertThat(ban.sanction()).isEqualTo("BAN_2_YEARS");
      // The amended ban runs from the day the decision was first executed (10 March 2026), not from the review.
      assertThat(ban.startsOn()).isEqualTo(LocalDate.of(2026, 3, 10));
      assertThat(ban.endsOn()).isEqualTo(LocalDate.of(2028, 3, 9));
    });
  }

  @Test
  void anAmendmentIsCheckedLikeADetermination() {
    String caseNo = decidedCandidateCase(DisciplineFixtures.idNumber(), "qian@example.cn", 7, 4, "SERIOUS");
    service.submitAppeal(caseNo, "不服。");
    assertThatThrownBy(() -> complete(caseNo, Ids.REVIEW, "reviewer", REVIEWER,
        Map.of("reviewOutcome", "AMEND", "reviewReasoning", "改判", "amendedArticle", 10, "amendedItem", 1)))
        .hasMessageContaining("amendedArticle");
  }

  @Test
  void appealRevoked_liftsTheSuspensionOfTheInstitution() {
    Institution org = DisciplineFixtures.institution(registry, "测试培训评价有限公司", "org-revoke@example.cn");
    String caseNo = open(DisciplineFixtures.institution(org.name(), org.filingCode(), null));
    determine(caseNo, 13, 4, null);
    passStatementWindow(caseNo);
    decide(caseNo, "discipline", true);
    assertThat(registry.findByFilingCode(org.filingCode()).orElseThrow().status()).isEqualTo(InstitutionStatus.SUSPENDED);
    service.submitAppeal(caseNo, "广告系第三方所为。");
    complete(caseNo, Ids.REVIEW, "reviewer", REVIEWER, Map.of("reviewOutcome", "REVOKE", "reviewReasoning", "证据不足。"));
    jobs.runDue();
    assertThat(instance(caseNo)).hasPassed(Ids.ADJUST).isEnded();
    assertThat(registry.findByFilingCode(org.filingCode()).orElseThrow().status()).isEqualTo(InstitutionStatus.ACTIVE);
    assertThat(service.sanctions(caseNo)).allSatisfy(s -> assertThat(s.undoneAt()).isNotNull());
  }

  @Test
  void aPartyWithoutEmailIsServedByPublicAnnouncement() {
    String caseNo = open(DisciplineFixtures.candidate("陈九", DisciplineFixtures.idNumber(), null, school.filingCode()));
    determine(caseNo, 6, 4, null);
    passStatementWindow(caseNo);
    decide(caseNo, "discipline", true);
    assertThat(instance(caseNo)).hasPassed(Ids.PUBLISH_DECISION).hasNotPassed(Ids.SERVE_DECISION);
    assertThat(archive.byChannel("ANNOUNCEMENT")).anySatisfy(e -> assertThat(e.caseNo()).isEqualTo(caseNo));
  }

  @Test
  void recidivismUnderArticle13_isProposedForTermination() {
    Institution org = DisciplineFixtures.institution(registry, "屡犯培训评价有限公司", "org-again@example.cn");
    String first = open(DisciplineFixtures.institution(org.name(), org.filingCode(), null));
    determine(first, 13, 4, null);
    passStatementWindow(first);
    decide(first, "discipline", true);
    passAppealWindow(first);
    assertThat(instance(first)).isEnded();
    registry.reinstate(org.filingCode(), "整改完成");

    String second = open(DisciplineFixtures.institution(org.name(), org.filingCode(), null));
    determine(second, 13, 7, null);
    // 002 Annex 2 Art. 14: 终止备案。对涉及的相关证书及数据等及时作出相应处理 (both sentences).
    assertThat(service.find(second).orElseThrow().proposedSanctions()).isEqualTo("TERMINATE_FILING,HANDLE_CERTIFICATES_AND_DATA");
    passStatementWindow(second);
    decide(second, "discipline", true);
    assertThat(registry.findByFilingCode(org.filingCode()).orElseThrow().status()).isEqualTo(InstitutionStatus.TERMINATED);
    assertThat(registry.isRetired(org.filingCode())).isTrue();
  }

  /**
   * Issue 12: an Art. 13 decision of December 2026 needs a 30-working-day rectification deadline in 2027, before the
   * State Council's 2027 schedule exists. The execution job failed on that in production until it raised an
   * incident; Cockpit's "Retry" (retries set again) now succeeds on the provisional year, and loading the official
   * schedule moves the party's deadline later (never earlier), in the registry, the archive and by mail.
   */
  @Test
  void aSuspensionDecidedInDecember2026ReachesInto2027AndFollowsTheOfficialSchedule() {
    jobs.moveClockTo(LocalDateTime.of(2026, 12, 2, 9, 0));
    Institution org = DisciplineFixtures.institution(registry, "跨年整改培训评价有限公司", "org-2027@example.cn");
    String caseNo = open(DisciplineFixtures.institution(org.name(), org.filingCode(), "org-2027@example.cn"));
    determine(caseNo, 13, 4, null);
    passStatementWindow(caseNo); // 5 working days after 12-02: 12-09; the clock is now 12-10 00:00:59
    complete(caseNo, Ids.ISSUE_DECISION, "discipline", OFFICER, Map.of("decisionApproved", true, "decisionNote", "同意"));
    Job execution = runJobsUntilWaitingAt(caseNo, Ids.EXECUTE);

    // As production had it: the job's retries used up, an incident in Cockpit. Retry = retries set again.
    management.setJobRetries(execution.getId(), 0);
    assertThat(runtime.createIncidentQuery().processInstanceId(instance(caseNo).getId()).count()).isEqualTo(1);
    management.setJobRetries(execution.getId(), 1);
    jobs.runDue();

    assertThat(runtime.createIncidentQuery().processInstanceId(instance(caseNo).getId()).count()).isZero();
    Institution suspended = registry.findByFilingCode(org.filingCode()).orElseThrow();
    assertThat(suspended.status()).isEqualTo(InstitutionStatus.SUSPENDED);
    // 30 working days after 12-10: 15 in December 2026, then (provisional 2027) 01-01 off, 01-04 .. 01-22.
    assertThat(suspended.rectificationDeadline()).isEqualTo(java.time.LocalDate.of(2027, 1, 22));
    assertThat(views.of(service.find(caseNo).orElseThrow(), true).get("provisionalDeadlines"))
        .isEqualTo(List.of("rectification"));

    // The official 2027 schedule gives Monday 01-04 off as well (made up for the test): the deadline moves to 01-25.
    List<String> holidays = new java.util.ArrayList<>(OfficialYears.statutory2027OutsideSpringFestival());
    holidays.add("2027-01-04");
    holidays.addAll(OfficialYears.range("2027-02-05", "2027-02-08"));
    TestMail.reset();
    assertThat(OfficialYears.load(http, 2027, holidays, List.of(), "测试", String.class).getStatusCode().value())
        .isEqualTo(200);
    try {
      assertThat(registry.findByFilingCode(org.filingCode()).orElseThrow().rectificationDeadline())
          .isEqualTo(java.time.LocalDate.of(2027, 1, 25));
      assertThat(service.sanctions(caseNo)).filteredOn(sanction -> sanction.code().equals("SUSPEND_FOR_RECTIFICATION"))
          .singleElement().satisfies(sanction -> assertThat(sanction.until()).isEqualTo(java.time.LocalDate.of(2027, 1, 25)));
      assertThat(archive.entriesOf(caseNo)).anySatisfy(e -> {
        assertThat(e.kind()).isEqualTo("DEADLINE_CHANGED");
        assertThat(e.title()).contains("整改期限");
      });
      assertThat(views.of(service.find(caseNo).orElseThrow(), true).get("provisionalDeadlines")).isEqualTo(List.of());
      jobs.runDue();
      assertThat(bodyTo("org-2027@example.cn", "期限")).contains("整改期限").contains("2027年1月22日")
          .contains("2027年1月25日");
    } finally {
      OfficialYears.forget(jdbc, 2027);
    }
  }

  @Test
  void theDeciderIsRefusedAsReviewer() {
    String caseNo = open(DisciplineFixtures.candidate("钱十", DisciplineFixtures.idNumber(), "qianshi@example.cn", school.filingCode()));
    determine(caseNo, 6, 3, null);
    passStatementWindow(caseNo);
    List<String> both = List.of("discipline-officers", "discipline-reviewers");
    complete(caseNo, Ids.ISSUE_DECISION, "alice", both, Map.of("decisionApproved", true));
    jobs.runDue();
    service.submitAppeal(caseNo, "不服。");
    assertThat(task(caseNo).getDescription()).contains("alice");
    assertThatThrownBy(() -> complete(caseNo, Ids.REVIEW, "alice", both, Map.of("reviewOutcome", "REVOKE", "reviewReasoning", "自我复核")))
        .hasMessageContaining("回避");
    assertThat(instance(caseNo)).isWaitingAt(Ids.REVIEW);
    complete(caseNo, Ids.REVIEW, "reviewer", REVIEWER, Map.of("reviewOutcome", "UPHOLD", "reviewReasoning", "维持"));
    jobs.runDue();
    assertThat(instance(caseNo)).isEnded();
  }

  @Test
  void aDeterminationThatDoesNotFitThePartyIsRefused() {
    String caseNo = open(DisciplineFixtures.candidate("冯一", DisciplineFixtures.idNumber(), "feng@example.cn", school.filingCode()));
    assertThatThrownBy(() -> determine(caseNo, 10, 1, null)).hasMessageContaining("第10条不适用于参评人员");
    assertThatThrownBy(() -> determine(caseNo, 7, 4, null)).hasMessageContaining("MINOR");
    assertThatThrownBy(() -> determine(caseNo, 5, 9, null)).hasMessageContaining("第5条没有第9项");
    assertThat(instance(caseNo)).isWaitingAt(Ids.DETERMINE);
  }

  @Test
  void aStaffCaseDecidedByTheInstitutionIsReportedToTheSupervisingDepartment() {
    String caseNo = open(DisciplineFixtures.staff("考评员甲", DisciplineFixtures.idNumber(), "EXAMINER", school.filingCode()));
    assertThatThrownBy(() -> determine(caseNo, 9, 1, null)).hasMessageContaining("考务管理人员");
    determine(caseNo, 10, 1, null);
    passStatementWindow(caseNo);
    decide(caseNo, "discipline", true);
    assertThat(mailsTo("supervision@hrss.example.cn")).anySatisfy(s -> assertThat(s).contains("处理决定书"));
    assertThat(service.sanctions(caseNo)).extracting(DisciplineCaseRepository.ExecutedSanction::code)
        .contains("REVOKE_EXAMINER_CERTIFICATE");
  }


  // --- issue 18: discretionary sanctions (视情况/视情节) chosen at the decision, and the items put right

  @Test
  void aDiscretionarySanctionChosen_isInTheLettersTheExecutionTheArchiveAndTheView() {
    Institution org = DisciplineFixtures.institution(registry, "宣传违规培训评价有限公司", "org-credit@example.cn");
    String caseNo = open(DisciplineFixtures.institution(org.name(), org.filingCode(), "org-credit@example.cn"));
    determine(caseNo, 13, 2, null);
    DisciplineCase proposed = service.find(caseNo).orElseThrow();
    assertThat(proposed.proposedDiscretionary()).isEqualTo("CREDIT_RECORD,PUBLIC_ANNOUNCEMENT");
    assertThat(runtime.getVariable(instance(caseNo).getId(), "proposedDiscretionarySanctions"))
        .isEqualTo("CREDIT_RECORD,PUBLIC_ANNOUNCEMENT");
    // Art. 17: the notice of intent tells what may be imposed at discretion.
    assertThat(bodyTo("org-credit@example.cn", "处理告知书")).contains("视情况", "列入诚信不良档案", "向社会公布");
    passStatementWindow(caseNo);

    decide(caseNo, "[{\"code\": \"CREDIT_RECORD\", \"reason\": \"在规定区域外组织评价三次\"}]");

    DisciplineCase decided = service.find(caseNo).orElseThrow();
    assertThat(decided.finalSanctions()).isEqualTo("WARNING,SUSPEND_FOR_RECTIFICATION,CREDIT_RECORD");
    assertThat(bodyTo("org-credit@example.cn", "处理决定书"))
        .contains("- 列入诚信不良档案\n", "列入诚信不良档案：在规定区域外组织评价三次").doesNotContain("- 向社会公布");
    assertThat(service.sanctions(caseNo)).extracting(DisciplineCaseRepository.ExecutedSanction::code)
        .containsExactly("WARNING", "SUSPEND_FOR_RECTIFICATION", "CREDIT_RECORD");
    assertThat(archive.entriesOf(caseNo)).filteredOn(e -> e.kind().equals("DECISION")).singleElement()
        .satisfies(e -> assertThat(e.content()).contains("CREDIT_RECORD", "在规定区域外组织评价三次"));
    Map<String, Object> view = views.of(decided, true);
    assertThat(view.get("proposedDiscretionarySanctions")).asList().hasSize(2);
    assertThat(view.get("discretionarySanctions")).asList().singleElement()
        .satisfies(d -> assertThat(d.toString()).contains("code=CREDIT_RECORD", "reason=在规定区域外组织评价三次"));
    passAppealWindow(caseNo);
    assertThat(archive.entriesOf(caseNo)).filteredOn(e -> e.kind().equals("CASE_CLOSED")).singleElement()
        .satisfies(e -> assertThat(e.content()).contains("\"code\":\"CREDIT_RECORD\"", "在规定区域外组织评价三次"));
  }

  @Test
  void aDiscretionarySanctionOutsideTheProposal_isRefusedAndNothingIsDecided() {
    Institution org = DisciplineFixtures.institution(registry, "越权处理测试有限公司", "org-outside@example.cn");
    String caseNo = open(DisciplineFixtures.institution(org.name(), org.filingCode(), null));
    determine(caseNo, 13, 3, null);
    passStatementWindow(caseNo);
    // Art. 13 allows no termination: that is Art. 14's.
    assertThatThrownBy(() -> decide(caseNo, "[{\"code\": \"TERMINATE_FILING\", \"reason\": \"情节恶劣\"}]"))
        .hasMessageContaining("discretionarySanctions").hasMessageContaining("不在本案可视情况给予的处理之内");
    assertThatThrownBy(() -> decide(caseNo, "[{\"code\": \"PUBLIC_ANNOUNCEMENT\", \"reason\": \"\"}]"))
        .hasMessageContaining("须说明理由");
    assertThat(instance(caseNo)).isWaitingAt(Ids.ISSUE_DECISION);
    assertThat(service.find(caseNo).orElseThrow().finalSanctions()).isNull();
    assertThat(registry.findByFilingCode(org.filingCode()).orElseThrow().status()).isEqualTo(InstitutionStatus.ACTIVE);
  }

  @Test
  void article15Paragraph1_theOfficerChoosesTheStep_andTheReviewAmendsIt() {
    Institution org = DisciplineFixtures.institution(registry, "数据错误培训评价有限公司", "org-data@example.cn");
    String caseNo = open(DisciplineFixtures.institution(org.name(), org.filingCode(), "org-data@example.cn"));
    determine(caseNo, 15, 1, null);
    assertThat(service.find(caseNo).orElseThrow().proposedSanctions()).isEqualTo("REVOKE_CERTIFICATE_DATA");
    passStatementWindow(caseNo);
    assertThatThrownBy(() -> decide(caseNo, "[]")).hasMessageContaining("第十五条第一款");
    decide(caseNo, "[{\"code\": \"WARNING\", \"reason\": \"首次上传错误数据\"}]");
    assertThat(service.sanctions(caseNo)).extracting(DisciplineCaseRepository.ExecutedSanction::code)
        .containsExactly("REVOKE_CERTIFICATE_DATA", "WARNING");
    assertThat(registry.findByFilingCode(org.filingCode()).orElseThrow().status()).isEqualTo(InstitutionStatus.ACTIVE);

    service.submitAppeal(caseNo, "数据已更正。");
    // The review may not impose what Art. 15 para. 1 does not allow ...
    assertThatThrownBy(() -> complete(caseNo, Ids.REVIEW, "reviewer", REVIEWER, Map.of("reviewOutcome", "AMEND",
        "reviewReasoning", "改判", "amendedArticle", 15, "amendedItem", 1,
        "amendedDiscretionarySanctions", "[{\"code\": \"CREDIT_RECORD\", \"reason\": \"x\"}]")))
        .hasMessageContaining("amendedDiscretionarySanctions");
    // ... and may drop the warning and impose a suspension instead.
    complete(caseNo, Ids.REVIEW, "reviewer", REVIEWER, Map.of("reviewOutcome", "AMEND", "reviewReasoning", "错误数据涉及多个批次",
        "amendedArticle", 15, "amendedItem", 1,
        "amendedDiscretionarySanctions", "[{\"code\": \"SUSPEND_ACTIVITIES\", \"reason\": \"错误数据涉及多个批次\"}]"));
    jobs.runDue();
    assertThat(instance(caseNo)).hasPassed(Ids.ADJUST, Ids.SERVE_REVIEW).isEnded();
    assertThat(service.find(caseNo).orElseThrow().finalSanctions()).isEqualTo("REVOKE_CERTIFICATE_DATA,SUSPEND_ACTIVITIES");
    assertThat(service.sanctions(caseNo)).filteredOn(x -> x.undoneAt() == null)
        .extracting(DisciplineCaseRepository.ExecutedSanction::code).containsExactly("REVOKE_CERTIFICATE_DATA", "SUSPEND_ACTIVITIES");
    assertThat(registry.findByFilingCode(org.filingCode()).orElseThrow().status()).isEqualTo(InstitutionStatus.SUSPENDED);
    assertThat(bodyTo("org-data@example.cn", "复核决定书")).contains("暂停评价活动：错误数据涉及多个批次").doesNotContain("警告：");
  }

  @Test
  void article8_certificatesAreInvalidatedOnlyWhereSomeWereIssued() {
    String none = open(DisciplineFixtures.candidate("事后甲", DisciplineFixtures.idNumber(), "after1@example.cn", school.filingCode()));
    determine(none, 8, 6, null, Map.of("certificatesIssued", "false"));
    assertThat(service.find(none).orElseThrow().proposedSanctions()).isEqualTo("CANCEL_ALL_SCORES,BAN_CURRENT_YEAR");
    String issued = open(DisciplineFixtures.candidate("事后乙", DisciplineFixtures.idNumber(), "after2@example.cn", school.filingCode()));
    assertThatThrownBy(() -> determine(issued, 8, 6, null)).hasMessageContaining("certificatesIssued");
    determine(issued, 8, 6, null, Map.of("certificatesIssued", true));
    assertThat(service.find(issued).orElseThrow().proposedSanctions())
        .isEqualTo("CANCEL_ALL_SCORES,BAN_CURRENT_YEAR,INVALIDATE_CERTIFICATES,REVOKE_CERTIFICATE_DATA");
  }

  @Test
  void article14Item6_needsAWarningAndAFindingAfterTheRectification() {
    Institution org = DisciplineFixtures.institution(registry, "整改期间培训评价有限公司", "org-rect@example.cn");
    String direct = open(DisciplineFixtures.institution(org.name(), org.filingCode(), null));
    assertThatThrownBy(() -> determine(direct, 14, 6, null)).hasMessageContaining("整改期");
    determine(direct, 13, 2, null);
    passStatementWindow(direct);
    decide(direct, "discipline", true);
    passAppealWindow(direct);
    assertThat(registry.findByFilingCode(org.filingCode()).orElseThrow().status()).isEqualTo(InstitutionStatus.SUSPENDED);

    // Found again while still under rectification: no re-offence "整改后", an Art. 13 case again.
    String during = open(DisciplineFixtures.institution(org.name(), org.filingCode(), null));
    assertThatThrownBy(() -> determine(during, 14, 6, null)).hasMessageContaining("整改期");
    determine(during, 13, 5, null);
    assertThat(service.find(during).orElseThrow().proposedSanctions()).isEqualTo("WARNING,SUSPEND_FOR_RECTIFICATION");

    // After the rectification deadline: Art. 14(6) applies, chosen directly or found through Art. 13.
    LocalDate deadline = registry.findByFilingCode(org.filingCode()).orElseThrow().rectificationDeadline();
    jobs.moveClockTo(deadline.plusDays(1).atTime(9, 0));
    String after = open(DisciplineFixtures.institution(org.name(), org.filingCode(), null));
    determine(after, 14, 6, null);
    assertThat(service.find(after).orElseThrow().proposedSanctions()).isEqualTo("TERMINATE_FILING,HANDLE_CERTIFICATES_AND_DATA");
  }

  @Test
  void anAmendmentThatDoesNotRestateTheDiscretionarySanctionsKeepsThoseStillAllowed() {
    Institution org = DisciplineFixtures.institution(registry, "复核保留培训评价有限公司", "org-keep@example.cn");
    String caseNo = open(DisciplineFixtures.institution(org.name(), org.filingCode(), "org-keep@example.cn"));
    determine(caseNo, 13, 4, "SERIOUS");
    passStatementWindow(caseNo);
    decide(caseNo, "[{\"code\": \"PUBLIC_ANNOUNCEMENT\", \"reason\": \"广告覆盖全省\"}]");
    service.submitAppeal(caseNo, "情节不属严重。");
    complete(caseNo, Ids.REVIEW, "reviewer", REVIEWER, Map.of("reviewOutcome", "AMEND", "reviewReasoning", "改为情节轻微",
        "amendedArticle", 13, "amendedItem", 4, "amendedSeverity", "MINOR", "amendedDiscretionarySanctions", ""));
    jobs.runDue();
    // 000 §三: the referral goes with the gravity; the announcement chosen at the decision stays (Art. 13 allows it).
    assertThat(service.find(caseNo).orElseThrow().finalSanctions())
        .isEqualTo("WARNING,SUSPEND_FOR_RECTIFICATION,ADMINISTRATIVE_PENALTY,PUBLIC_ANNOUNCEMENT");
    assertThat(bodyTo("org-keep@example.cn", "复核决定书")).contains("向社会公布：广告覆盖全省").doesNotContain("- 移送有关部门处理");
  }

  @Test
  void aReferralRecordsTheBodyItGoesTo() {
    // 002 Annex 2 Art. 7: 情节严重的……移送有关部门; 000 §三 separates 纪检监察机关 from 公安机关.
    String caseNo = open(DisciplineFixtures.candidate("移送考生", DisciplineFixtures.idNumber(), "referral@example.cn", school.filingCode()));
    determine(caseNo, 7, 5, "SERIOUS");
    passStatementWindow(caseNo);
    assertThatThrownBy(() -> complete(caseNo, Ids.ISSUE_DECISION, "discipline", OFFICER,
        Map.of("decisionApproved", true, "referralAuthority", "COURT"))).hasMessageContaining("referralAuthority");
    complete(caseNo, Ids.ISSUE_DECISION, "discipline", OFFICER, Map.of("decisionApproved", true, "referralAuthority", "POLICE"));
    jobs.runDue();
    assertThat(service.find(caseNo).orElseThrow().referralAuthority()).isEqualTo("POLICE");
    assertThat(bodyTo("referral@example.cn", "处理决定书")).contains("移送有关部门处理", "移送机关：公安机关");
  }

  @Test
  void article6_theBanIsForTheYearOfTheAssessment_notTheYearOfExecution() {
    // 002 Annex 2 Art. 6: 当年不得参加评价 — an assessment on 28 December 2026, decided in January 2027.
    jobs.moveClockTo(LocalDateTime.of(2026, 12, 28, 9, 0));
    String id = DisciplineFixtures.idNumber();
    String caseNo = open(DisciplineFixtures.candidate("年末考生", id, "yearend@example.cn", school.filingCode(), "2026-12-28"));
    determine(caseNo, 6, 1, null);
    passStatementWindow(caseNo);
    decide(caseNo, "discipline", true);
    assertThat(service.sanctions(caseNo)).filteredOn(x -> x.code().equals("BAN_CURRENT_YEAR")).singleElement()
        .satisfies(x -> {
          assertThat(x.executedAt().atZone(Jobs.ZONE).getYear()).isEqualTo(2027);
          assertThat(x.until()).isEqualTo(LocalDate.of(2026, 12, 31));
        });
    assertThat(service.activeBans(id)).as("2026 is over: nothing left to enforce in 2027").isEmpty();
  }

  @Test
  void article6_withoutAnAssessmentDateTheYearOfTheReportCounts() {
    jobs.moveClockTo(LocalDateTime.of(2026, 12, 28, 9, 0));
    String id = DisciplineFixtures.idNumber();
    String caseNo = open(DisciplineFixtures.candidate("无日期考生", id, "nodate@example.cn", school.filingCode()));
    determine(caseNo, 6, 2, null);
    passStatementWindow(caseNo);
    decide(caseNo, "discipline", true);
    assertThat(service.sanctions(caseNo)).filteredOn(x -> x.code().equals("BAN_CURRENT_YEAR")).singleElement()
        .satisfies(x -> assertThat(x.until()).isEqualTo(LocalDate.of(2026, 12, 31)));
  }

  // --- helpers

  /** Executes the case's due jobs, except the one before {@code activityId}, which it returns once it exists. */
  private Job runJobsUntilWaitingAt(String caseNo, String activityId) {
    String instanceId = instance(caseNo).getId();
    for (int round = 0; round < 50; round++) {
      Job waiting = management.createJobQuery().processInstanceId(instanceId).activityId(activityId).singleResult();
      if (waiting != null) {
        return waiting;
      }
      management.createJobQuery().processInstanceId(instanceId).executable().list()
          .forEach(job -> management.executeJob(job.getId()));
    }
    throw new AssertionError(caseNo + " never waited at " + activityId);
  }

  private String decidedCandidateCase(String id, String email, int article, int item, String severity) {
    String caseNo = open(DisciplineFixtures.candidate("吴某", id, email, school.filingCode()));
    determine(caseNo, article, item, severity);
    passStatementWindow(caseNo);
    decide(caseNo, "discipline", true);
    return caseNo;
  }

  private String open(CaseIntake intake) {
    String caseNo = service.open(intake, "discipline").caseNo();
    instances.put(caseNo, runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).singleResult());
    return caseNo;
  }

  private void determine(String caseNo, int article, int item, String severity) {
    determine(caseNo, article, item, severity, Map.of());
  }

  private void determine(String caseNo, int article, int item, String severity, Map<String, Object> more) {
    Map<String, Object> v = new HashMap<>(more);
    v.put("violationArticle", article);
    v.put("violationItem", item);
    if (severity != null) {
      v.put("severity", severity);
    }
    v.put("findings", "经调查核实：第" + article + "条第" + item + "项所列行为属实。");
    complete(caseNo, Ids.DETERMINE, "discipline", OFFICER, v);
    jobs.runDue();
  }

  private void decide(String caseNo, String user, boolean approved) {
    complete(caseNo, Ids.ISSUE_DECISION, user, OFFICER, Map.of("decisionApproved", approved, "decisionNote", "同意"));
    jobs.runDue();
  }

  private void decide(String caseNo, String discretionarySanctions) {
    complete(caseNo, Ids.ISSUE_DECISION, "discipline", OFFICER,
        Map.of("decisionApproved", true, "decisionNote", "同意", "discretionarySanctions", discretionarySanctions));
    jobs.runDue();
  }

  /** Moves the clock one minute past the statement deadline and fires the window's timer. */
  private void passStatementWindow(String caseNo) {
    passed(service.find(caseNo).orElseThrow().statementDeadline());
  }

  private void passAppealWindow(String caseNo) {
    passed(service.find(caseNo).orElseThrow().appealDeadline());
  }

  private void passed(java.time.Instant deadline) {
    jobs.moveClockTo(LocalDateTime.ofInstant(deadline.plusSeconds(60), Jobs.ZONE));
    jobs.runDue();
  }

  private void complete(String caseNo, String taskKey, String user, List<String> groups, Map<String, Object> variables) {
    Task task = task(caseNo);
    assertThat(task.getTaskDefinitionKey()).isEqualTo(taskKey);
    identity.setAuthentication(user, groups);
    try {
      tasks.complete(task.getId(), variables);
    } finally {
      identity.clearAuthentication();
    }
  }

  private Task task(String caseNo) {
    return tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
  }

  private ProcessInstance instance(String caseNo) {
    return instances.get(caseNo);
  }

  private static List<String> mailsTo(String address) {
    return Arrays.stream(TestMail.server().getReceivedMessages()).filter(m -> {
      try {
        return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address));
      } catch (Exception e) {
        return false;
      }
    }).map(DisciplinaryCaseProcessIT::subject).toList();
  }

  private static String bodyTo(String address, String subjectPart) {
    return Arrays.stream(TestMail.server().getReceivedMessages()).filter(m -> {
      try {
        return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address))
            && m.getSubject().contains(subjectPart);
      } catch (Exception e) {
        return false;
      }
    }).map(TestMail::textOf).findFirst().orElse("");
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (Exception e) {
      return "";
    }
  }
}
