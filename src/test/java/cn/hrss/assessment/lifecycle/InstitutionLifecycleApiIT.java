package cn.hrss.assessment.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.filing.Applications;
import cn.hrss.assessment.filing.FilingApplication;
import cn.hrss.assessment.registry.InstitutionRegistry;
import cn.hrss.assessment.support.IntegrationTest;
import cn.hrss.assessment.support.Jobs;
import cn.hrss.assessment.support.TestMail;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The endpoints after filing through HTTP (CONTRACT.md "After filing"), on H2 and PostgreSQL: the institution is
 * filed through {@code POST /api/filings} on 2023-06-01 (valid until 2026-06-01) and acts with that application's
 * token; officers' tasks are completed as the officers; mail goes to GreenMail.
 */
@IntegrationTest
class InstitutionLifecycleApiIT {

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired IdentityService identity;
  @Autowired Jobs jobs;
  @Autowired InstitutionRegistry registry;
  @Autowired LifecycleProperties properties;
  @Autowired ChangeService changes;
  @Autowired ExpiryWatch watch;

  record Filed(String filingCode, String token, String applicationNo) {}

  @BeforeEach
  void setUp() {
    TestMail.reset();
    jobs.moveClockTo(LocalDateTime.of(2023, 6, 1, 10, 0));
  }

  @AfterEach
  void tearDown() {
    List<String> running = runtime.createProcessInstanceQuery()
        .processDefinitionKeyIn("InstitutionFilingProcess", "InstitutionRenewalProcess", "InstitutionChangeProcess",
            "InstitutionScopeChangeProcess").list().stream()
        .map(ProcessInstance::getId).toList();
    if (!running.isEmpty()) {
      runtime.deleteProcessInstancesIfExists(running, "test finished", true, true, false);
    }
    jobs.resetClock();
  }

  @Test
  void renewalTwoMonthsBeforeExpiryEndsWithThreeMoreYearsAndANewReceipt() {
    Filed filed = file();
    jobs.moveClockTo(LocalDateTime.of(2026, 2, 1, 9, 0)); // 4 months before
    ResponseEntity<JsonNode> early = renew(filed.filingCode(), filed.token());
    assertThat(early.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(early.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(early.getBody().get("detail").asText()).contains("2026年3月1日");

    jobs.moveClockTo(LocalDateTime.of(2026, 4, 1, 9, 0)); // 2 months before
    assertThat(renew(filed.filingCode(), null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    Filed other = file();
    assertThat(renew(filed.filingCode(), other.token()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(renew("S000041999999", filed.token()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    ResponseEntity<JsonNode> created = renew(filed.filingCode(), filed.token());
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String no = created.getBody().get("applicationNo").asText();
    String renewalToken = created.getBody().get("accessToken").asText();
    assertThat(created.getHeaders().getLocation()).hasToString("/api/filings/" + no);
    // One open renewal per institution.
    assertThat(renew(filed.filingCode(), filed.token()).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

    JsonNode status = status(no, renewalToken);
    assertThat(status.get("stage").asText()).isEqualTo("受理审查中");
    assertThat(status.get("currentSteps").toString()).contains("受理审查");

    drive(no, "APPROVE");
    status = status(no, renewalToken);
    assertThat(status.get("status").asText()).isEqualTo("FILED");
    assertThat(status.get("filingCode").asText()).isEqualTo(filed.filingCode());
    assertThat(status.get("validUntil").asText()).isEqualTo("2029-06-01");
    String receiptNo = status.get("receiptNo").asText();
    assertThat(receiptNo).startsWith("HZ2026");

    ResponseEntity<byte[]> receipt = http.exchange("/api/filings/" + no + "/receipt", HttpMethod.GET,
        new HttpEntity<>(bearer(renewalToken)), byte[].class);
    assertThat(receipt.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(receipt.getHeaders().getContentType()).isEqualTo(org.springframework.http.MediaType.APPLICATION_PDF);
    assertThat(cn.hrss.assessment.support.Pdfs.text(receipt.getBody()))
        .contains("延续备案回执", receiptNo, filed.filingCode(), "2029年6月1日");

    JsonNode entry = directory("?q=" + filed.filingCode()).getBody().get(0);
    assertThat(entry.get("validUntil").asText()).isEqualTo("2029-06-01");
    assertThat(entry.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(entry.get("reportedUpwardsAt").isNull()).isFalse();
    assertThat(InstitutionRenewalProcessIT.subjectsTo(LifecycleFixtures.EMAIL))
        .contains("关于同意郑州示例延续机床有限公司延续备案的函（延续备案回执 " + receiptNo + "）");
    assertThat(InstitutionRenewalProcessIT.subjectsTo(properties.ministryEmail()))
        .contains("评价机构延续备案报备（" + filed.filingCode() + "）");
  }

  @Test
  void aRefusedRenewalIsFirstToldWithItsReasonsAndTheInstitutionsStatementReachesTheDecidingTask() {
    // Issue 19 item 6 through HTTP (002 Annex 1 §一(十五), §二(十一): 申报机构对办理事项享有陈述权、知情权).
    Filed filed = file();
    jobs.moveClockTo(LocalDateTime.of(2026, 4, 1, 9, 0));
    ResponseEntity<JsonNode> created = renew(filed.filingCode(), filed.token());
    String no = created.getBody().get("applicationNo").asText();
    String renewalToken = created.getBody().get("accessToken").asText();
    // No hearing open yet: a statement is refused (409) and nothing stored.
    ResponseEntity<JsonNode> early = state(no, filed.token(), Map.of("content", "提前陈述"));
    assertThat(early.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(early.getHeaders().getContentType().toString()).startsWith("application/problem+json");

    TestMail.reset();
    drive(no, "REJECT", "近三年评价质量督导两次不合格");
    JsonNode status = status(no, renewalToken);
    assertThat(status.get("status").asText()).isEqualTo("HEARING");
    assertThat(InstitutionRenewalProcessIT.subjectsTo(LifecycleFixtures.EMAIL))
        .containsOnlyOnce("拟不予延续告知（" + no + "）")
        .noneMatch(subject -> subject.startsWith("不予延续备案通知"));
    assertThat(TestMail.textsTo(LifecycleFixtures.EMAIL)).anySatisfy(t -> assertThat(t)
        .contains("延续备案申请", "拟不予延续", "近三年评价质量督导两次不合格", "陈述权"));

    // Bad input → 400 with the field, nothing stored; a foreign token → 403; none → 401.
    ResponseEntity<JsonNode> empty = state(no, filed.token(), Map.of("content", " "));
    assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(empty.getBody().get("errors").findValuesAsText("field")).containsExactly("content");
    assertThat(status(no, renewalToken).get("status").asText()).isEqualTo("HEARING");
    Filed other = file();
    assertThat(state(no, other.token(), Map.of("content", "冒名陈述")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(state(no, null, Map.of("content", "无令牌")).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

    // The institution answers with its own token (the renewal's token would do too).
    ResponseEntity<JsonNode> stated = state(no, filed.token(), Map.of("content", "两次不合格均已整改，整改报告已报送"));
    assertThat(stated.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(stated.getBody().get("status").asText()).isEqualTo("DECISION");
    assertThat(state(no, renewalToken, Map.of("content", "再次陈述")).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

    // The deciding task shows what was told and what was answered (the variables its form renders).
    Task decide = tasks.createTaskQuery().processInstanceBusinessKey(no).taskDefinitionKey("Task_DecideFiling")
        .singleResult();
    JsonNode variables = http.withBasicAuth("officer", "officer")
        .getForObject("/engine-rest/task/" + decide.getId() + "/form-variables", JsonNode.class);
    assertThat(variables.at("/applicantStatement/value").asText()).isEqualTo("两次不合格均已整改，整改报告已报送");
    assertThat(variables.at("/intendedRefusalReason/value").asText()).isEqualTo("近三年评价质量督导两次不合格");
    assertThat(variables.at("/hearingHeld/value").asBoolean()).isTrue();

    complete(no, "Task_DecideFiling", Map.of("filingDecision", "REJECT", "decisionComment", "整改报告未附验收意见，不予延续"));
    jobs.runDue();
    assertThat(status(no, renewalToken).get("status").asText()).isEqualTo("REJECTED");
    assertThat(InstitutionRenewalProcessIT.subjectsTo(LifecycleFixtures.EMAIL)).contains("不予延续备案通知（" + no + "）");
    assertThat(TestMail.textsTo(LifecycleFixtures.EMAIL)).anyMatch(t -> t.contains("整改报告未附验收意见"));
    assertThat(status(no, renewalToken).get("history").findValuesAsText("step"))
        .containsSubsequence("HEARING_OPENED", "STATEMENT_SUBMITTED", "Task_DecideFiling");
  }

  @Test
  void afterTheStatementWindowOfARefusedRenewalAStatementIs409AndNothingIsStored() {
    Filed filed = file();
    jobs.moveClockTo(LocalDateTime.of(2026, 4, 1, 9, 0));
    ResponseEntity<JsonNode> created = renew(filed.filingCode(), filed.token());
    String no = created.getBody().get("applicationNo").asText();
    String renewalToken = created.getBody().get("accessToken").asText();
    drive(no, "REJECT", "评价场所已不具备");
    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(no).singleResult();
    java.util.Date due = (java.util.Date) runtime.getVariable(pi.getId(), "statementDueAt");
    jobs.moveClockTo(LocalDateTime.ofInstant(due.toInstant().plusSeconds(60), java.time.ZoneId.of("Asia/Shanghai")));
    jobs.runDue();
    ResponseEntity<JsonNode> late = state(no, renewalToken, Map.of("content", "迟到的陈述"));
    assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(late.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    JsonNode status = status(no, renewalToken);
    assertThat(status.get("status").asText()).isEqualTo("DECISION");
    assertThat(status.get("history").findValuesAsText("step")).contains("STATEMENT_WINDOW_CLOSED")
        .doesNotContain("STATEMENT_SUBMITTED");
    Task decide = tasks.createTaskQuery().processInstanceBusinessKey(no).taskDefinitionKey("Task_DecideFiling")
        .singleResult();
    assertThat((String) tasks.getVariable(decide.getId(), "applicantStatement")).contains("未在陈述期限内");
  }

  @Test
  void anExpiredFilingCannotBeRenewedAndShowsExpiredInTheDirectory() {
    Filed filed = file();
    jobs.moveClockTo(LocalDateTime.of(2026, 6, 2, 9, 0));
    ResponseEntity<JsonNode> refused = renew(filed.filingCode(), filed.token());
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(refused.getBody().get("detail").asText()).contains("重新申请备案");
    JsonNode entry = directory("?q=" + filed.filingCode()).getBody().get(0);
    assertThat(entry.get("status").asText()).isEqualTo("EXPIRED");
    assertThat(entry.get("terminationKind").asText()).isEqualTo("LAPSED");
    assertThat(directory("?status=EXPIRED&q=" + filed.filingCode()).getBody()).hasSize(1);
    assertThat(directory("?status=ACTIVE&q=" + filed.filingCode()).getBody()).isEmpty();
  }

  @Test
  void voluntaryTerminationRetiresTheCodeWithdrawsTheOpenRenewalAndConfirmsToBoth() {
    Filed filed = file();
    jobs.moveClockTo(LocalDateTime.of(2026, 4, 1, 9, 0));
    String renewalNo = renew(filed.filingCode(), filed.token()).getBody().get("applicationNo").asText();

    ResponseEntity<JsonNode> invalid = terminate(filed.filingCode(), filed.token(), Map.of("reason", " "));
    assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(invalid.getBody().get("errors").get(0).get("field").asText()).isEqualTo("reason");
    assertThat(registry.findByFilingCode(filed.filingCode()).orElseThrow().status().name()).isEqualTo("ACTIVE");
    Filed other = file();
    assertThat(terminate(filed.filingCode(), other.token(), Map.of("reason", "业务调整")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    ResponseEntity<JsonNode> done = terminate(filed.filingCode(), filed.token(), Map.of("reason", "业务调整，不再开展评价"));
    assertThat(done.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(done.getBody().get("terminationKind").asText()).isEqualTo("VOLUNTARY");
    assertThat(done.getBody().get("withdrawnApplications").toString()).contains(renewalNo);
    assertThat(terminate(filed.filingCode(), filed.token(), Map.of("reason", "再次")).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);

    assertThat(registry.isRetired(filed.filingCode())).isTrue();
    assertThat(directory("?q=" + filed.filingCode()).getBody()).isEmpty();
    JsonNode entry = directory("?includeTerminated=true&q=" + filed.filingCode()).getBody().get(0);
    assertThat(entry.get("status").asText()).isEqualTo("TERMINATED");
    assertThat(entry.get("terminationKind").asText()).isEqualTo("VOLUNTARY");
    assertThat(entry.get("reportedUpwardsAt").isNull()).isFalse();
    JsonNode renewal = http.withBasicAuth("officer", "officer").getForEntity("/api/filings/" + renewalNo, JsonNode.class)
        .getBody();
    assertThat(renewal.get("status").asText()).isEqualTo("WITHDRAWN");
    assertThat(renewal.get("history").toString()).contains("主动注销备案");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(renewalNo)
        .processDefinitionKey("InstitutionRenewalProcess").count()).isZero();

    jobs.runDue();
    assertThat(InstitutionRenewalProcessIT.subjectsTo(LifecycleFixtures.EMAIL))
        .contains("评价机构注销备案确认（" + filed.filingCode() + "）");
    assertThat(InstitutionRenewalProcessIT.subjectsTo(properties.departmentEmail()))
        .contains("评价机构注销备案确认（" + filed.filingCode() + "）");
    assertThat(InstitutionRenewalProcessIT.subjectsTo(properties.ministryEmail()))
        .contains("评价机构注销备案报备（" + filed.filingCode() + "）");
    // A renewal after termination: the qualification has ended, file anew.
    assertThat(renew(filed.filingCode(), filed.token()).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void aChangeOfNameAndContactConfirmedByTheOfficerShowsInTheDirectoryUnderTheSameCode() {
    Filed filed = file();
    jobs.moveClockTo(LocalDateTime.of(2024, 3, 4, 9, 0));
    assertThat(change(filed.filingCode(), filed.token(), Map.of()).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    ResponseEntity<JsonNode> empty = change(filed.filingCode(), filed.token(), Map.of("address", " "));
    assertThat(empty.getBody().get("errors").get(0).get("field").asText()).isEqualTo("address");
    assertThat(change(filed.filingCode(), file().token(), Map.of("name", "新名称")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("InstitutionChangeProcess")
        .variableValueEquals("filingCode", filed.filingCode()).count()).isZero();

    ResponseEntity<JsonNode> created = change(filed.filingCode(), filed.token(), Map.of("name", "郑州示例数控机床有限公司",
        "legalRepresentative", "吴十", "contact", Map.of("email", "new-hr@renewal.example.cn")));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String no = created.getBody().get("applicationNo").asText();
    // One open procedure per institution: a second report waits for the first.
    assertThat(change(filed.filingCode(), filed.token(), Map.of("address", "郑州市新地址 1 号")).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);

    Task review = tasks.createTaskQuery().processInstanceBusinessKey(no).taskDefinitionKey("Task_ReviewChange")
        .singleResult();
    assertThat(review).isNotNull();
    assertThat(tasks.getVariable(review.getId(), "changeSummary").toString())
        .contains("机构名称", "郑州示例延续机床有限公司 → 郑州示例数控机床有限公司", "法定代表人", "孙八 → 吴十");
    ResponseEntity<String> refused = http.withBasicAuth("officer", "officer").postForEntity(
        "/engine-rest/task/" + review.getId() + "/complete",
        Map.of("variables", Map.of("changeDecision", Map.of("value", "REJECT"))), String.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("changeComment");
    completeAs(review, "officer", Map.of("changeDecision", "APPROVE"));
    jobs.runDue();

    assertThat(status(no, created.getBody().get("accessToken").asText()).get("status").asText()).isEqualTo("FILED");
    JsonNode entry = directory("?q=" + filed.filingCode()).getBody().get(0);
    assertThat(entry.get("name").asText()).isEqualTo("郑州示例数控机床有限公司");
    assertThat(entry.get("contactEmail").asText()).isEqualTo("new-hr@renewal.example.cn");
    assertThat(entry.get("filingCode").asText()).isEqualTo(filed.filingCode());
    assertThat(changes.changesOf(filed.filingCode())).extracting(ChangeService.ChangedValue::field,
            ChangeService.ChangedValue::oldValue, ChangeService.ChangedValue::approved)
        .contains(org.assertj.core.groups.Tuple.tuple("name", "郑州示例延续机床有限公司", true),
            org.assertj.core.groups.Tuple.tuple("legalRepresentative", "孙八", true));
    assertThat(InstitutionRenewalProcessIT.subjectsTo("new-hr@renewal.example.cn"))
        .contains("评价机构信息变更确认（" + filed.filingCode() + "）");
    assertThat(InstitutionRenewalProcessIT.subjectsTo(properties.ministryEmail()))
        .contains("评价机构信息变更报备（" + filed.filingCode() + "）");

    // A refused change leaves the directory as it is.
    ResponseEntity<JsonNode> second = change(filed.filingCode(), filed.token(), Map.of("address", "郑州市新地址 1 号"));
    assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    complete(second.getBody().get("applicationNo").asText(), "Task_ReviewChange",
        Map.of("changeDecision", "REJECT", "changeComment", "未提供新址的场地证明"));
    jobs.runDue();
    assertThat(directory("?q=" + filed.filingCode()).getBody().get(0).get("address").asText()).isEqualTo("郑州市高新区 5 号");
    assertThat(TestMail.textsTo("new-hr@renewal.example.cn")).anyMatch(t -> t.contains("未提供新址的场地证明"));
  }

  @Test
  void theSupervisionRecordListsFilingChangeReminderRenewalAndTerminationInTimeOrderForOfficersOnly() {
    Filed filed = file();
    jobs.moveClockTo(LocalDateTime.of(2024, 3, 4, 9, 0));
    String change = change(filed.filingCode(), filed.token(), Map.of("address", "郑州市新地址 1 号")).getBody()
        .get("applicationNo").asText();
    complete(change, "Task_ReviewChange", Map.of("changeDecision", "APPROVE"));
    jobs.runDue();
    jobs.moveClockTo(LocalDateTime.of(2026, 3, 3, 9, 0));
    watch.sweep();
    jobs.runDue();
    jobs.moveClockTo(LocalDateTime.of(2026, 4, 1, 9, 0));
    String renewal = renew(filed.filingCode(), filed.token()).getBody().get("applicationNo").asText();
    drive(renewal, "APPROVE");
    jobs.moveClockTo(LocalDateTime.of(2027, 1, 5, 9, 0));
    terminate(filed.filingCode(), filed.token(), Map.of("reason", "并入集团，不再独立开展评价"));

    assertThat(http.getForEntity("/api/institutions/" + filed.filingCode() + "/record", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.exchange("/api/institutions/" + filed.filingCode() + "/record", HttpMethod.GET,
        new HttpEntity<>(bearer(filed.token())), String.class).getStatusCode()).isIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN);
    ResponseEntity<JsonNode> record = http.withBasicAuth("officer", "officer")
        .getForEntity("/api/institutions/" + filed.filingCode() + "/record", JsonNode.class);
    assertThat(record.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<String> kinds = new java.util.ArrayList<>();
    List<String> times = new java.util.ArrayList<>();
    record.getBody().forEach(e -> {
      kinds.add(e.get("kind").asText());
      times.add(e.get("at").asText());
    });
    assertThat(kinds).containsSubsequence("FILING_SUBMITTED", "FILING_APPROVED", "CHANGE_SUBMITTED", "CHANGE_APPROVED",
        "EXPIRY_REMINDER", "RENEWAL_SUBMITTED", "RENEWAL_APPROVED", "TERMINATED");
    assertThat(kinds).contains("INFO_CHANGED");
    assertThat(times.stream().map(java.time.Instant::parse).toList()).isSorted();
    assertThat(record.getBody().toString()).contains("地址：郑州市高新区 5 号 → 郑州市新地址 1 号",
        "/api/filings/" + renewal + "/receipt", "并入集团");
  }

  @Test
  void aProvincialFilingIsReportedUpwardsAndTheDirectoryIsExportedAsCsvAndXlsxForTheMinistry() throws Exception {
    Filed filed = file();
    assertThat(InstitutionRenewalProcessIT.subjectsTo(properties.ministryEmail()))
        .contains("评价机构备案报备（" + filed.filingCode() + "）");
    assertThat(directory("?q=" + filed.filingCode()).getBody().get(0).get("reportedUpwardsAt").isNull()).isFalse();

    assertThat(http.getForEntity("/api/directory/export?format=csv", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth("officer", "officer").getForEntity("/api/directory/export?format=pdf", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    ResponseEntity<byte[]> csv = http.withBasicAuth("officer", "officer")
        .getForEntity("/api/directory/export?format=csv&province=41", byte[].class);
    assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
    String text = new String(csv.getBody(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF\"机构名称\",\"备案编码\"");
    assertThat(text).contains("\"" + filed.filingCode() + "\"", "\"2026-06-01\"", "6-18-01-02 铣工：3级");

    ResponseEntity<byte[]> xlsx = http.withBasicAuth("officer", "officer")
        .getForEntity("/api/directory/export?format=xlsx&province=41", byte[].class);
    assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
    try (org.dhatim.fastexcel.reader.ReadableWorkbook book =
        new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx.getBody()))) {
      List<org.dhatim.fastexcel.reader.Row> rows = book.getFirstSheet().read();
      assertThat(rows.get(0).getCellText(0)).isEqualTo("机构名称");
      assertThat(rows).anySatisfy(r -> {
        assertThat(r.getCellText(1)).isEqualTo(filed.filingCode());
        assertThat(r.getCellText(8)).isEqualTo("2026-06-01");
        assertThat(r.getCellText(11)).isNotBlank();
      });
    }
  }

  @Test
  void aScopeChangeIsSubmittedWithTheInstitutionsTokenAndItsStatusReadLikeAFiling() {
    Filed filed = file();
    jobs.moveClockTo(LocalDateTime.of(2024, 3, 4, 9, 0));
    FilingApplication wider = new FilingApplication("PROVINCIAL_EMPLOYER", "郑州示例延续机床有限公司",
        registry.findByFilingCode(filed.filingCode()).orElseThrow().creditCode(), "ENTERPRISE", "孙八", "41",
        "郑州市高新区 5 号", new FilingApplication.Contact("周九", "0371-5555", LifecycleFixtures.EMAIL),
        List.of(new FilingApplication.Occupation("6-18-01-02", "铣工", null, List.of(3, 2))), List.of(),
        new FilingApplication.Declarations(true, true, true, true, true));
    HttpEntity<MultiValueMap<String, Object>> body = Applications.multipart(json, wider, Map.of("变更申请表.pdf", LifecycleFixtures.PDF));
    HttpHeaders headers = bearer(file().token());
    headers.putAll(body.getHeaders());
    assertThat(http.exchange("/api/institutions/" + filed.filingCode() + "/scope-changes", HttpMethod.POST,
        new HttpEntity<>(body.getBody(), headers), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    headers = bearer(filed.token());
    headers.putAll(body.getHeaders());
    ResponseEntity<JsonNode> created = http.exchange("/api/institutions/" + filed.filingCode() + "/scope-changes",
        HttpMethod.POST, new HttpEntity<>(body.getBody(), headers), JsonNode.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String no = created.getBody().get("applicationNo").asText();
    drive(no, "APPROVE");
    assertThat(status(no, created.getBody().get("accessToken").asText()).get("status").asText()).isEqualTo("FILED");
    assertThat(directory("?q=" + filed.filingCode()).getBody().get(0).get("occupations").get(0).get("levels").toString())
        .isEqualTo("[2,3]");
  }

  @Test
  void aChangeRacingTheTerminationNeverSurvivesIt() throws Exception {
    Filed filed = file();
    jobs.moveClockTo(LocalDateTime.of(2024, 3, 4, 9, 0));
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    var change = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      await(start);
      return change(filed.filingCode(), filed.token(), Map.of("address", "郑州市竞态路 1 号")).getStatusCode();
    });
    var termination = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      await(start);
      return terminate(filed.filingCode(), filed.token(), Map.of("reason", "停止评价工作")).getStatusCode();
    });
    start.countDown();
    assertThat(termination.get()).isEqualTo(HttpStatus.OK);
    // Either the change came first (201, then withdrawn by the termination) or second (409): never open after it.
    assertThat(change.get()).isIn(HttpStatus.CREATED, HttpStatus.CONFLICT);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("InstitutionChangeProcess")
        .variableValueEquals("filingCode", filed.filingCode()).count()).isZero();
    assertThat(directory("?includeTerminated=true&q=" + filed.filingCode()).getBody().get(0).get("address").asText())
        .isEqualTo("郑州市高新区 5 号");
  }

  private static void await(java.util.concurrent.CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void directoryPagesWithATotalAndRefusesOversizedPages() {
    file();
    file();
    file();
    ResponseEntity<JsonNode> first = directory("?size=2&page=0");
    long total = Long.parseLong(first.getHeaders().getFirst("X-Total-Count"));
    assertThat(total).isGreaterThanOrEqualTo(3);
    assertThat(first.getBody()).hasSize(2);
    ResponseEntity<JsonNode> last = directory("?size=2&page=" + ((total - 1) / 2));
    assertThat(last.getBody()).hasSize((int) (total % 2 == 0 ? 2 : 1));
    assertThat(directory("?size=2&page=" + (total / 2 + 5)).getBody()).isEmpty();
    ResponseEntity<JsonNode> tooLarge = directory("?size=201");
    assertThat(tooLarge.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(tooLarge.getBody().get("errors").get(0).get("field").asText()).isEqualTo("size");
    assertThat(directory("?status=GONE").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(directory("?validUntilFrom=2026-06-01&validUntilTo=2026-06-01").getStatusCode()).isEqualTo(HttpStatus.OK);
    // The public page pages too.
    ResponseEntity<String> page = http.getForEntity("/directory?page=0", String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("共 " + total + " 家评价机构");
  }

  // ------------------------------------------------------------------ helpers

  /** Files a provincial employer through the API and drives it to FILED as the officers would. */
  Filed file() {
    FilingApplication application = LifecycleFixtures.renewalApplication(LifecycleFixtures.freshEmployerCode());
    ResponseEntity<JsonNode> created = http.postForEntity("/api/filings",
        Applications.multipart(json, application, Map.of("备案申请表.pdf", LifecycleFixtures.PDF)), JsonNode.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String no = created.getBody().get("applicationNo").asText();
    drive(no, "APPROVE");
    JsonNode status = status(no, created.getBody().get("accessToken").asText());
    assertThat(status.get("status").asText()).isEqualTo("FILED");
    return new Filed(status.get("filingCode").asText(), created.getBody().get("accessToken").asText(), no);
  }

  /** Acceptance, three PASS opinions, the decision. */
  void drive(String applicationNo, String decision) {
    complete(applicationNo, "Task_ReviewCompleteness", cn.hrss.assessment.filing.Applications.acceptance());
    jobs.runDue();
    for (Task review : tasks.createTaskQuery().processInstanceBusinessKey(applicationNo)
        .taskDefinitionKey("Task_ExpertReview").list()) {
      completeAs(review, review.getAssignee(), Map.of("expertOpinion", "PASS", "expertComment", "符合条件"));
    }
    jobs.runDue();
    complete(applicationNo, "Task_DecideFiling", Map.of("filingDecision", decision));
    jobs.runDue();
  }

  /** The same with a reason (a REJECT needs one: the first one opens the hearing). */
  void drive(String applicationNo, String decision, String comment) {
    complete(applicationNo, "Task_ReviewCompleteness", cn.hrss.assessment.filing.Applications.acceptance());
    jobs.runDue();
    for (Task review : tasks.createTaskQuery().processInstanceBusinessKey(applicationNo)
        .taskDefinitionKey("Task_ExpertReview").list()) {
      completeAs(review, review.getAssignee(), Map.of("expertOpinion", "PASS", "expertComment", "符合条件"));
    }
    jobs.runDue();
    complete(applicationNo, "Task_DecideFiling", Map.of("filingDecision", decision, "decisionComment", comment));
    jobs.runDue();
  }

  ResponseEntity<JsonNode> state(String applicationNo, String token, Map<String, Object> body) {
    HttpHeaders headers = token == null ? new HttpHeaders() : bearer(token);
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange("/api/filings/" + applicationNo + "/statements", HttpMethod.POST,
        new HttpEntity<>(body, headers), JsonNode.class);
  }

  void complete(String applicationNo, String key, Map<String, Object> variables) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(applicationNo).taskDefinitionKey(key).singleResult();
    assertThat(task).as(key + " of " + applicationNo).isNotNull();
    completeAs(task, "officer", variables);
  }

  void completeAs(Task task, String user, Map<String, Object> variables) {
    identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream()
        .map(org.camunda.bpm.engine.identity.Group::getId).toList());
    try {
      tasks.complete(task.getId(), new HashMap<>(variables));
    } finally {
      identity.clearAuthentication();
    }
  }

  ResponseEntity<JsonNode> renew(String filingCode, String token) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("files", new org.springframework.core.io.ByteArrayResource(LifecycleFixtures.PDF) {
      @Override
      public String getFilename() {
        return "延续申请表.pdf";
      }
    });
    HttpHeaders headers = token == null ? new HttpHeaders() : bearer(token);
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.exchange("/api/institutions/" + filingCode + "/renewals", HttpMethod.POST,
        new HttpEntity<>(parts, headers), JsonNode.class);
  }

  ResponseEntity<JsonNode> change(String filingCode, String token, Map<String, Object> body) {
    HttpHeaders headers = bearer(token);
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange("/api/institutions/" + filingCode + "/changes", HttpMethod.POST,
        new HttpEntity<>(body, headers), JsonNode.class);
  }

  ResponseEntity<JsonNode> terminate(String filingCode, String token, Map<String, Object> body) {
    HttpHeaders headers = bearer(token);
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange("/api/institutions/" + filingCode + "/termination", HttpMethod.POST,
        new HttpEntity<>(body, headers), JsonNode.class);
  }

  JsonNode status(String applicationNo, String token) {
    ResponseEntity<JsonNode> status = http.exchange("/api/filings/" + applicationNo, HttpMethod.GET,
        new HttpEntity<>(bearer(token)), JsonNode.class);
    assertThat(status.getStatusCode()).isEqualTo(HttpStatus.OK);
    return status.getBody();
  }

  ResponseEntity<JsonNode> directory(String query) {
    return http.getForEntity("/api/directory" + query, JsonNode.class);
  }

  static HttpHeaders bearer(String token) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(token);
    return headers;
  }
}
