package cn.hrss.assessment.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.hrss.assessment.codes.CreditCodes;
import cn.hrss.assessment.filing.FilingApplication;
import cn.hrss.assessment.filing.FilingProcess;
import cn.hrss.assessment.filing.FilingProcess.Vars;
import cn.hrss.assessment.lifecycle.LifecycleProcess.ScopeElements;
import cn.hrss.assessment.registry.InstitutionRegistry;
import cn.hrss.assessment.registry.InstitutionType;
import cn.hrss.assessment.registry.NewInstitution;
import cn.hrss.assessment.registry.OccupationScope;
import cn.hrss.assessment.support.IntegrationTest;
import cn.hrss.assessment.support.Jobs;
import cn.hrss.assessment.support.TestMail;
import cn.hrss.assessment.web.ApiProblem;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
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

/** InstitutionScopeChangeProcess (004 Art. 22): each path, the quota for added occupations, removals at once. */
@IntegrationTest
class InstitutionScopeChangeProcessIT {

  private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);
  /** An occupation no other test files in Henan (the quota counts the whole shared database). */
  private static final String CROWDED = "4-14-01-03";

  @Autowired ScopeChangeService scopeChanges;
  @Autowired InstitutionRegistry registry;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired ProcessEngine engine;
  @Autowired Jobs jobs;
  @Autowired cn.hrss.assessment.filing.FilingService filings;

  String code;
  String creditCode;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    TestMail.reset();
    jobs.moveClockTo(LocalDateTime.of(2024, 6, 3, 10, 0));
    creditCode = socialOrgCode();
    code = registry.register(socialOrg(creditCode, new OccupationScope("6-18-01-01", "车工", null, List.of(4)))).filingCode();
  }

  @AfterEach
  void tearDown() {
    List<String> running = runtime.createProcessInstanceQuery().processDefinitionKey(FilingProcess.SCOPE_CHANGE_KEY).list()
        .stream().map(ProcessInstance::getId).toList();
    if (!running.isEmpty()) {
      runtime.deleteProcessInstancesIfExists(running, "test finished", true, true, false);
    }
    identity.clearAuthentication();
    jobs.resetClock();
  }

  @Test
  void approvedChangeReplacesTheScopeAndAnOccupationGivenUpStopsAtOnce() {
    registry.replaceScope(code, List.of(new OccupationScope("6-18-01-01", "车工", null, List.of(4)),
        new OccupationScope("6-18-01-02", "铣工", null, List.of(3))), "测试准备");
    String no = submit(List.of(occupation("6-18-01-01", "车工", 4, 3)));
    // 铣工 is given up: out of the directory at once, before any decision.
    assertThat(registry.findByFilingCode(code).orElseThrow().occupations()).extracting(OccupationScope::code)
        .containsExactly("6-18-01-01");
    ProcessInstance pi = instance(no);
    assertThat(pi).isWaitingAt("Task_ReviewCompleteness");
    complete(pi, "Task_ReviewCompleteness", "officer", cn.hrss.assessment.filing.Applications.acceptance());
    jobs.runDue();
    reviewAll(pi, "PASS", "PASS", "FAIL");
    complete(pi, "Task_DecideFiling", "officer", cn.hrss.assessment.filing.Applications.approval());
    jobs.runDue();
    assertThat(pi).hasPassed(ScopeElements.CHANGE_SCOPE, ScopeElements.SEND_RECEIPT, ScopeElements.REPORT_UPWARDS,
        ScopeElements.CHANGED).isEnded();
    assertThat(registry.findByFilingCode(code).orElseThrow().occupations()).singleElement()
        .satisfies(o -> assertThat(o.levels()).containsExactly(3, 4));
    assertThat(InstitutionRenewalProcessIT.subjectsTo("org@scope.example.cn"))
        .anyMatch(s -> s.startsWith("关于同意河南省示例技能评价协会变更职业（工种）及等级的函"));
  }

  @Test
  void refusedChangeIsFirstToldWithItsReasonsHeardAndKeepsTheScope() {
    // Issue 19 item 6 (002 Annex 1 §二(十一): 申报机构对办理事项享有陈述权、知情权): no 不予变更 without a hearing.
    String no = submit(List.of(occupation("6-18-01-01", "车工", 4, 3)));
    ProcessInstance pi = instance(no);
    complete(pi, "Task_ReviewCompleteness", "officer", cn.hrss.assessment.filing.Applications.acceptance());
    jobs.runDue();
    reviewAll(pi, "PASS", "PASS", "PASS");
    complete(pi, "Task_DecideFiling", "officer", Map.of(Vars.FILING_DECISION, "REJECT", Vars.DECISION_COMMENT, "考评人员不足"));
    jobs.runDue();
    assertThat(pi).isWaitingAt(FilingProcess.Elements.AWAIT_STATEMENT).hasNotPassed(ScopeElements.REJECTED);
    assertThat(InstitutionRenewalProcessIT.subjectsTo("org@scope.example.cn"))
        .anyMatch(s -> s.contains("拟不予变更告知（" + no + "）"));
    assertThat(TestMail.textsTo("org@scope.example.cn")).anyMatch(t -> t.contains("评价职业（工种）范围变更申请")
        && t.contains("考评人员不足"));
    filings.state(no, "已新聘考评人员 5 名，名单附后");
    assertThat(pi).isWaitingAt("Task_DecideFiling");
    assertThat(runtime.getVariable(pi.getId(), Vars.APPLICANT_STATEMENT)).isEqualTo("已新聘考评人员 5 名，名单附后");
    complete(pi, "Task_DecideFiling", "officer", Map.of(Vars.FILING_DECISION, "REJECT", Vars.DECISION_COMMENT, "考评人员仍不足"));
    jobs.runDue();
    assertThat(pi).hasPassed(ScopeElements.REJECTED).isEnded();
    assertThat(registry.findByFilingCode(code).orElseThrow().occupations()).singleElement()
        .satisfies(o -> assertThat(o.levels()).containsExactly(4));
  }

  @Test
  void aFailedTechnicalReviewIsHeardAndWithoutAStatementTheDecisionFollowsTheWindow() {
    // 004 Art. 22 "评估后予以变更": a failed evaluation is an intended 不予变更, heard first; the window may pass unused.
    String no = submit(List.of(occupation("6-18-01-01", "车工", 4, 3)));
    ProcessInstance pi = instance(no);
    complete(pi, "Task_ReviewCompleteness", "officer", cn.hrss.assessment.filing.Applications.acceptance());
    jobs.runDue();
    reviewAll(pi, "FAIL", "PASS", "FAIL");
    assertThat(pi).hasPassed(FilingProcess.Elements.SEND_INTENDED_REFUSAL_NOTICE)
        .isWaitingAt(FilingProcess.Elements.AWAIT_STATEMENT);
    assertThat(TestMail.textsTo("org@scope.example.cn")).anyMatch(t -> t.contains("拟不予变更")
        && t.contains("未获专家组多数通过") && t.contains("评审意见 3"));
    java.time.Instant due = ((java.util.Date) runtime.getVariable(pi.getId(), Vars.STATEMENT_DUE_AT)).toInstant();
    jobs.moveClockTo(LocalDateTime.ofInstant(due.plusSeconds(60), java.time.ZoneId.of("Asia/Shanghai")));
    jobs.runDue();
    assertThat(pi).hasPassed(FilingProcess.Elements.STATEMENT_WINDOW_CLOSED).isWaitingAt("Task_DecideFiling");
    assertThatThrownBy(() -> filings.state(no, "迟到的陈述")).isInstanceOf(ApiProblem.class)
        .satisfies(e -> assertThat(((ApiProblem) e).status().value()).isEqualTo(409));
    complete(pi, "Task_DecideFiling", "officer", Map.of(Vars.FILING_DECISION, "REJECT", Vars.DECISION_COMMENT, "技术评审未通过"));
    jobs.runDue();
    assertThat(pi).hasPassed(ScopeElements.REJECTED).isEnded();
    assertThat(registry.findByFilingCode(code).orElseThrow().occupations()).singleElement()
        .satisfies(o -> assertThat(o.levels()).containsExactly(4));
  }

  @Test
  void anAddedOccupationWithThreeSocialOrganisationsAlreadyFiledWarnsTheOfficer() {
    // 002 Annex 1 §二(四): in principle at most 3 social organisations per occupation per province.
    for (int i = 0; i < 3; i++) {
      registry.register(socialOrg(socialOrgCode(), new OccupationScope(CROWDED, "育婴员", null, List.of(4))));
    }
    String crowded = submit(List.of(occupation("6-18-01-01", "车工", 4), occupation(CROWDED, "育婴员", 4)));
    assertThat(runtime.getVariable(instance(crowded).getId(), Vars.QUOTA_EXCEEDED)).isEqualTo(true);
    assertThat((String) runtime.getVariable(instance(crowded).getId(), Vars.QUOTA_WARNING)).contains("育婴员", "3 家");
    runtime.deleteProcessInstance(instance(crowded).getId(), "test", true, true);
  }

  @Test
  void onlyLevelsAddedToAnOccupationHeldDoNotCountAgainstTheQuota() {
    String no = submit(List.of(occupation("6-18-01-01", "车工", 4, 3)));
    assertThat(runtime.getVariable(instance(no).getId(), Vars.QUOTA_EXCEEDED)).isEqualTo(false);
  }

  @Test
  void theSameScopeIsNoChange() {
    assertThatThrownBy(() -> submit(List.of(occupation("6-18-01-01", "车工", 4)))).isInstanceOf(ApiProblem.class)
        .satisfies(e -> assertThat(((ApiProblem) e).errors()).extracting(ApiProblem.FieldError::field)
            .containsExactly("application.occupations"));
  }

  // ------------------------------------------------------------------ helpers

  static String socialOrgCode() {
    String first17 = String.format("52410000MK%07d", SEQUENCE.incrementAndGet() % 10_000_000);
    return first17 + CreditCodes.checkCharacter(first17);
  }

  static NewInstitution socialOrg(String creditCode, OccupationScope scope) {
    return new NewInstitution(InstitutionType.SOCIAL_ORG, "河南省示例技能评价协会", creditCode, "41", "郑州市金水区 1 号",
        "org@scope.example.cn", null, List.of(scope), null);
  }

  static FilingApplication.Occupation occupation(String code, String name, Integer... levels) {
    return new FilingApplication.Occupation(code, name, null, List.of(levels));
  }

  String submit(List<FilingApplication.Occupation> occupations) {
    FilingApplication application = new FilingApplication("SOCIAL_ORG", "河南省示例技能评价协会", creditCode, "PRIVATE_NON_ENTERPRISE",
        "王五", "41", "郑州市金水区 1 号", new FilingApplication.Contact("李四", "0371-1", "org@scope.example.cn"),
        occupations, List.of(), new FilingApplication.Declarations(true, true, true, true, true));
    return scopeChanges.submit(code, application, List.of(LifecycleFixtures.pdf("变更申请表.pdf")), s -> { })
        .applicationNo();
  }

  ProcessInstance instance(String applicationNo) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(FilingProcess.SCOPE_CHANGE_KEY)
        .processInstanceBusinessKey(applicationNo).singleResult();
  }

  void complete(ProcessInstance pi, String key, String user, Map<String, Object> variables) {
    complete(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).list().get(0), user, variables);
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

  void reviewAll(ProcessInstance pi, String... opinions) {
    List<Task> reviews = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_ExpertReview")
        .orderByTaskAssignee().asc().list();
    assertThat(reviews).hasSize(opinions.length);
    for (int i = 0; i < reviews.size(); i++) {
      complete(reviews.get(i), reviews.get(i).getAssignee(), Map.of(Vars.EXPERT_OPINION, opinions[i],
          Vars.EXPERT_COMMENT, "评审意见 " + (i + 1)));
    }
    jobs.runDue();
  }
}
