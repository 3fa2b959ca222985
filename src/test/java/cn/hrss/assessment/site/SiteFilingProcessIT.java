package cn.hrss.assessment.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.hrss.assessment.codes.CreditCodes;
import cn.hrss.assessment.filing.CityCodeOption;
import cn.hrss.assessment.registry.InstitutionRegistry;
import cn.hrss.assessment.registry.InstitutionType;
import cn.hrss.assessment.registry.NewInstitution;
import cn.hrss.assessment.registry.OccupationScope;
import cn.hrss.assessment.support.IntegrationTest;
import cn.hrss.assessment.support.Jobs;
import cn.hrss.assessment.support.TestMail;
import cn.hrss.assessment.web.ApiProblem;
import cn.hrss.assessment.workflow.TaskCompletion;
import cn.hrss.assessment.workflow.Violations;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * SiteFilingProcess on the real engine (H2 and PostgreSQL): each path, the site's code from the registry's counters,
 * and the completion rule of {@code Task_ConfirmSite} with the city-code option on (Henan).
 */
@IntegrationTest
class SiteFilingProcessIT {

  private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);
  static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired Jobs jobs;
  @Autowired InstitutionRegistry registry;
  @Autowired SiteService sites;
  @Autowired SiteRepository repository;

  final List<String> started = new ArrayList<>();

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    TestMail.reset();
    jobs.moveClockTo(LocalDateTime.of(2026, 3, 2, 9, 0));
  }

  @AfterEach
  void tearDown() {
    jobs.forget(started);
    jobs.resetClock();
  }

  /** A national social organisation filed with the ministry (S + 0001-9999), straight into the registry. */
  String ministryOrganisation() {
    String first17 = String.format("51100000MK%07d", SEQUENCE.incrementAndGet() % 10_000_000);
    return registry.register(new NewInstitution(InstitutionType.SOCIAL_ORG, "中国示例评价协会",
        first17 + CreditCodes.checkCharacter(first17), "11", "北京市东城区 1 号", "org@process-sites.example.cn", null,
        List.of(new OccupationScope("6-18-01-01", "车工", null, List.of(4, 3))), null, true, null)).filingCode();
  }

  SiteService.Submitted submit(String code, String province, String city) {
    SiteService.Submitted submitted = sites.submit(code, new SiteService.SiteRequest("示例站点", province, city,
        "站点地址 2 号", new SiteService.Contact("李四", "0371-1111", "site@process-sites.example.cn")), TODAY);
    started.add(submitted.siteNo());
    return submitted;
  }

  ProcessInstance instance(String siteNo) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(siteNo).singleResult();
  }

  @Test
  void aConfirmedSiteIsRegisteredUnderItsOrganisationWithItsProvincesNextSerial() {
    String code = ministryOrganisation();
    assertThat(code).matches("S\\d{4}11\\d{6}").doesNotStartWith("S0000");
    SiteService.Submitted submitted = submit(code, "44", null);
    ProcessInstance pi = instance(submitted.siteNo());
    assertThat(pi).isWaitingAt(SiteProcess.Ids.CONFIRM);
    assertThat(org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task(pi))
        .hasCandidateGroup("provincial-officers-44");
    tasks.complete(tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId(),
        Map.of(SiteProcess.Vars.DECISION, "CONFIRM"));
    jobs.runDue();
    assertThat(pi).hasPassed(SiteProcess.Ids.REGISTER, SiteProcess.Ids.FILED).isEnded();
    SiteRepository.SiteRow row = repository.find(submitted.siteNo()).orElseThrow();
    assertThat(row.status()).isEqualTo("CONFIRMED");
    // Positions 1-5 the organisation's, 6-7 the site's province, 8-13 Guangdong's counter.
    assertThat(row.siteFilingCode()).startsWith(code.substring(0, 5) + "44");
    assertThat(registry.findByFilingCode(row.siteFilingCode()).orElseThrow().parentFilingCode()).isEqualTo(code);
  }

  String taskId(ProcessInstance pi) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();
  }

  /** Issue 19 item 6: an intended refusal is told with its reasons and heard; only a REJECT after that refuses. */
  @Test
  void aRejectedSiteIsHeardFirstThenClosedWithTheReasonsAndNoCode() {
    String code = ministryOrganisation();
    SiteService.Submitted submitted = submit(code, "33", null);
    ProcessInstance pi = instance(submitted.siteNo());
    tasks.complete(taskId(pi), Map.of(SiteProcess.Vars.DECISION, "REJECT", SiteProcess.Vars.COMMENT, "场地不符"));
    jobs.runDue();
    assertThat(pi).isWaitingAt(SiteProcess.Ids.AWAIT_STATEMENT).hasNotPassed(SiteProcess.Ids.REJECTED);
    assertThat(repository.find(submitted.siteNo()).orElseThrow().status()).isEqualTo("PENDING");
    assertThat(TestMail.textsTo("site@process-sites.example.cn")).anyMatch(t -> t.contains("拟不予确认")
        && t.contains("场地不符") && t.contains(submitted.siteNo()) && t.contains("2026年3月9日"));
    // Not this organisation's request: unknown; empty: a field error; both change nothing.
    assertThat(catchThrowableOfType(ApiProblem.class, () -> sites.state(ministryOrganisation(), submitted.siteNo(),
        "陈述")).status().value()).isEqualTo(404);
    assertThat(catchThrowableOfType(ApiProblem.class, () -> sites.state(code, submitted.siteNo(), " "))
        .status().value()).isEqualTo(400);
    assertThat(pi).isWaitingAt(SiteProcess.Ids.AWAIT_STATEMENT);

    sites.state(code, submitted.siteNo(), "场地已按要求整改，附照片。");
    assertThat(pi).isWaitingAt(SiteProcess.Ids.CONFIRM);
    assertThat(runtime.getVariables(pi.getId())).containsEntry(SiteProcess.Vars.HEARING_HELD, true)
        .containsEntry(SiteProcess.Vars.STATEMENT, "场地已按要求整改，附照片。")
        .containsEntry(SiteProcess.Vars.INTENDED_REFUSAL_REASON, "场地不符");
    assertThat(catchThrowableOfType(ApiProblem.class, () -> sites.state(code, submitted.siteNo(), "再次陈述"))
        .status().value()).isEqualTo(409);

    tasks.complete(taskId(pi), Map.of(SiteProcess.Vars.DECISION, "REJECT", SiteProcess.Vars.COMMENT, "整改后场地仍不符"));
    jobs.runDue();
    assertThat(pi).hasPassed(SiteProcess.Ids.REJECTED).hasNotPassed(SiteProcess.Ids.REGISTER).isEnded();
    assertThat(repository.find(submitted.siteNo()).orElseThrow().decisionComment()).isEqualTo("整改后场地仍不符");
    assertThat(registry.branchesOf(code)).isEmpty();
  }

  /** No statement within 5 working days: the decision follows, and may still confirm. */
  @Test
  void withoutAStatementInFiveWorkingDaysTheOfficerDecidesAndMayStillConfirm() {
    String code = ministryOrganisation();
    SiteService.Submitted submitted = submit(code, "33", null);
    ProcessInstance pi = instance(submitted.siteNo());
    tasks.complete(taskId(pi), Map.of(SiteProcess.Vars.DECISION, "REJECT", SiteProcess.Vars.COMMENT, "资料不全"));
    jobs.runDue();
    // Monday 2 March + 5 working days: Monday 9 March, end of day (Beijing).
    jobs.moveClockTo(LocalDateTime.of(2026, 3, 9, 22, 59));
    jobs.runDue();
    assertThat(pi).isWaitingAt(SiteProcess.Ids.AWAIT_STATEMENT);
    jobs.moveClockTo(LocalDateTime.of(2026, 3, 10, 0, 1));
    jobs.runDue();
    assertThat(pi).isWaitingAt(SiteProcess.Ids.CONFIRM);
    assertThat(runtime.getVariable(pi.getId(), SiteProcess.Vars.STATEMENT)).isEqualTo("（机构未在陈述期限内提交陈述意见）");
    assertThat(catchThrowableOfType(ApiProblem.class, () -> sites.state(code, submitted.siteNo(), "逾期陈述"))
        .status().value()).isEqualTo(409);
    tasks.complete(taskId(pi), Map.of(SiteProcess.Vars.DECISION, "CONFIRM"));
    jobs.runDue();
    assertThat(pi).hasPassed(SiteProcess.Ids.FILED).isEnded();
  }

  /** The model itself: no path reaches the refusal without the hearing (002 Annex 1 §一(十五), §二(十一)). */
  @Test
  void noPathReachesTheRefusalOfASiteWithoutTheHearing() {
    org.camunda.bpm.model.bpmn.BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(
        engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(SiteProcess.KEY)
            .latestVersion().singleResult().getId());
    org.camunda.bpm.model.bpmn.instance.FlowNode refusal = model.getModelElementById("Task_RecordSiteRejection");
    assertThat(refusal.getIncoming()).isNotEmpty().allSatisfy(flow -> assertThat(flow.getConditionExpression())
        .isNotNull().extracting(c -> c.getTextContent()).asString().contains("hearingHeld') == true"));
  }

  @Test
  void aProvinceFiledOrganisationOrAnEmployerIsRefusedWith409AndNothingIsStored() {
    String first17 = String.format("52410000MK%07d", SEQUENCE.incrementAndGet() % 10_000_000);
    String provincial = registry.register(new NewInstitution(InstitutionType.SOCIAL_ORG, "河南省示例协会",
        first17 + CreditCodes.checkCharacter(first17), "41", "郑州市 1 号", "p@process-sites.example.cn", null,
        List.of(new OccupationScope("6-18-01-01", "车工", null, List.of(4))), null)).filingCode();
    // 人社鉴发〔2019〕2号 Annex 1 §二(二): filed first with the province → 0000.
    assertThat(provincial).startsWith("S000041");
    ApiProblem refused = catchThrowableOfType(ApiProblem.class, () -> submit(provincial, "33", null));
    assertThat(refused.status().value()).isEqualTo(409);
    assertThat(repository.of(provincial)).isEmpty();
    String employer17 = String.format("91110000MK%07d", SEQUENCE.incrementAndGet() % 10_000_000);
    String employer = registry.register(new NewInstitution(InstitutionType.NATIONAL_EMPLOYER, "中国示例集团",
        employer17 + CreditCodes.checkCharacter(employer17), "11", "北京 1 号", "e@process-sites.example.cn", null,
        List.of(), null)).filingCode();
    assertThat(catchThrowableOfType(ApiProblem.class, () -> submit(employer, "33", null)).status().value())
        .isEqualTo(409);
  }

  @Test
  void whereHenansCityCodeOptionIsOnTheOfficerMustGiveACityOfItsTable() {
    String code = ministryOrganisation();
    SiteService.Submitted submitted = submit(code, "41", null);
    ProcessInstance pi = instance(submitted.siteNo());
    SiteCompletionRule rule = new SiteCompletionRule(
        new CityCodeOption(new CityCodeOption.Properties(Set.of("41"))), registry);
    assertThat(violations(rule, pi, Map.of(SiteProcess.Vars.DECISION, "CONFIRM"))).singleElement()
        .satisfies(m -> assertThat(m).contains("河南省"));
    assertThat(violations(rule, pi, Map.of(SiteProcess.Vars.DECISION, "CONFIRM", SiteProcess.Vars.CITY_CODE, "29")))
        .hasSize(1);
    assertThat(violations(rule, pi, Map.of(SiteProcess.Vars.DECISION, "CONFIRM", SiteProcess.Vars.CITY_CODE, "01")))
        .isEmpty();
    // Option off (the default): the officer may still give Henan's city; Zhejiang has no table.
    SiteCompletionRule off = new SiteCompletionRule(new CityCodeOption(new CityCodeOption.Properties(Set.of())),
        registry);
    assertThat(violations(off, pi, Map.of(SiteProcess.Vars.DECISION, "CONFIRM"))).isEmpty();

    tasks.complete(tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId(),
        Map.of(SiteProcess.Vars.DECISION, "CONFIRM", SiteProcess.Vars.CITY_CODE, "01"));
    jobs.runDue();
    // 豫职鉴〔2020〕2号 §二(四)-(五): 8-9 = 01 郑州市, 10-13 the city's serial 0001-8999.
    assertThat(repository.find(submitted.siteNo()).orElseThrow().siteFilingCode())
        .matches(code.substring(0, 5) + "4101[0-8]\\d{3}");
  }

  List<String> violations(SiteCompletionRule rule, ProcessInstance pi, Map<String, Object> submitted) {
    Violations violations = new Violations();
    rule.check(new TaskCompletion("t", SiteProcess.Ids.CONFIRM, SiteProcess.KEY, pi.getId(), pi.getBusinessKey(),
        "officer", new HashMap<>(submitted), name -> runtime.getVariable(pi.getId(), name)), violations);
    return violations.messages();
  }
}
