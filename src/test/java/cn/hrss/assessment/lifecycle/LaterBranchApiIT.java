package cn.hrss.assessment.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.assessment.codes.CreditCodes;
import cn.hrss.assessment.filing.Applications;
import cn.hrss.assessment.filing.FilingApplication;
import cn.hrss.assessment.registry.Institution;
import cn.hrss.assessment.registry.InstitutionRegistry;
import cn.hrss.assessment.support.IntegrationTest;
import cn.hrss.assessment.support.Jobs;
import cn.hrss.assessment.support.TestMail;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Issue 19 item 9 through HTTP, on H2 and PostgreSQL: a filed employer adds a branch later
 * ({@code POST /api/institutions/{filingCode}/branches}, the three materials of 人社鉴发〔2019〕3号 §一5), the branch's
 * province reviews it technically ({@code Task_ReviewBranch}), registers it with its code and mails the receipt, or
 * tells the applicant why not.
 */
@IntegrationTest
class LaterBranchApiIT {

  static final String BRANCH_EMAIL = "branch@later.example.cn";
  static final String EMPLOYER_EMAIL = "hr@later.example.cn";
  private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired IdentityService identity;
  @Autowired Jobs jobs;
  @Autowired InstitutionRegistry registry;
  @Autowired JdbcTemplate jdbc;

  record Filed(String filingCode, String token) {}

  @BeforeEach
  void setUp() {
    TestMail.reset();
    jobs.moveClockTo(LocalDateTime.of(2023, 6, 1, 10, 0));
  }

  @AfterEach
  void tearDown() {
    List<String> running = runtime.createProcessInstanceQuery()
        .processDefinitionKeyIn("InstitutionFilingProcess", "BranchFilingProcess").list().stream()
        .map(ProcessInstance::getId).toList();
    if (!running.isEmpty()) {
      runtime.deleteProcessInstancesIfExists(running, "test finished", true, true, false);
    }
    jobs.resetClock();
  }

  @Test
  void refusalsStoreNothingAndAValidBranchIsReviewedTechnicallyAndRegistered() {
    Filed filed = file();
    Filed other = file();
    Map<String, Object> branch = branch("33");
    assertThat(post(filed.filingCode(), null, branch, materials(3)).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(post(filed.filingCode(), other.token(), branch, materials(3)).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("Y999911999999", filed.token(), branch, materials(3)).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    Map<String, Object> invalid = new HashMap<>(branch);
    invalid.put("creditCode", "91330100MA00000000");
    invalid.put("province", "99");
    ResponseEntity<JsonNode> refused = post(filed.filingCode(), filed.token(), invalid, materials(3));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(fields(refused)).contains("application.creditCode", "application.province");
    // 人社鉴发〔2019〕3号 §一5 (3): the employer's plan (copy) is a required material.
    ResponseEntity<JsonNode> missing = post(filed.filingCode(), filed.token(), branch, materials(2));
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(missing)).containsExactly("materials[3]");
    assertThat(branchApplications(filed.filingCode())).isZero();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("BranchFilingProcess")
        .variableValueEquals("parentFilingCode", filed.filingCode()).count()).isZero();

    ResponseEntity<JsonNode> created = post(filed.filingCode(), filed.token(), branch, materials(3));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String no = created.getBody().get("applicationNo").asText();
    assertThat(created.getBody().get("accessToken").asText()).isNotBlank();
    // One open procedure per institution.
    assertThat(post(filed.filingCode(), filed.token(), branch("44"), materials(3)).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);

    // Business key: the branch application's own number (not <applicationNo>-B<n>).
    Task review = tasks.createTaskQuery().processInstanceBusinessKey(no).taskDefinitionKey("Task_ReviewBranch")
        .singleResult();
    assertThat(review).isNotNull();
    assertThat(tasks.getIdentityLinksForTask(review.getId())).extracting(IdentityLink::getGroupId)
        .contains("provincial-officers-33");
    // A technical review, not one click: without the items and the opinion the completion is refused.
    assertThatThrownBy(() -> completeAs(review, "officer33", Map.of("branchDecision", "APPROVE")))
        .hasMessageContaining("branchOpinion").hasMessageContaining("branchReview_site");
    completeAs(review, "officer33", review("APPROVE", "MEETS"));
    jobs.runDue();

    List<Institution> branches = registry.branchesOf(filed.filingCode());
    assertThat(branches).singleElement().satisfies(b -> {
      assertThat(b.name()).isEqualTo("示例机床有限公司杭州分公司");
      assertThat(b.province()).isEqualTo("33");
    });
    JsonNode status = http.exchange("/api/filings/" + no, HttpMethod.GET,
        new HttpEntity<>(bearer(created.getBody().get("accessToken").asText())), JsonNode.class).getBody();
    assertThat(status.get("status").asText()).isEqualTo("FILED");
    assertThat(InstitutionRenewalProcessIT.subjectsTo(BRANCH_EMAIL))
        .anyMatch(s -> s.startsWith("分支机构备案回执（示例机床有限公司杭州分公司，"));
    // The employer may apply again once the branch application is closed.
    assertThat(post(filed.filingCode(), filed.token(), branch("44"), materials(3)).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void aRejectedBranchIsToldTheReasons() {
    Filed filed = file();
    ResponseEntity<JsonNode> created = post(filed.filingCode(), filed.token(), branch("44"), materials(3));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String no = created.getBody().get("applicationNo").asText();
    Task review = tasks.createTaskQuery().processInstanceBusinessKey(no).taskDefinitionKey("Task_ReviewBranch")
        .singleResult();
    Map<String, Object> rejected = review("REJECT", "MEETS");
    rejected.put("branchReview_site", "NOT_MEETS");
    rejected.put("branchComment", "评价场地尚未建成");
    completeAs(review, "officer", rejected);
    jobs.runDue();
    // Issue 19 item 6: no refusal without a hearing. The intended refusal is told with its reasons to the employer and
    // the branch's contact; nothing is refused yet.
    assertThat(InstitutionRenewalProcessIT.subjectsTo(EMPLOYER_EMAIL)).contains("拟不予备案告知（" + no + "）")
        .doesNotContain("分支机构备案不予备案通知（示例机床有限公司杭州分公司）");
    assertThat(InstitutionRenewalProcessIT.subjectsTo(BRANCH_EMAIL)).contains("拟不予备案告知（" + no + "）");
    assertThat(TestMail.textsTo(EMPLOYER_EMAIL)).anyMatch(t -> t.contains("评价场地尚未建成") && t.contains(no));
    String token = created.getBody().get("accessToken").asText();
    assertThat(statement(no, null, "场地已建成").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(statement(no, file().token(), "场地已建成").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<JsonNode> empty = statement(no, token, " ");
    assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(empty.getBody().toString()).contains("content");
    ResponseEntity<JsonNode> stated = statement(no, token, "评价场地已于本月竣工，附竣工验收报告");
    assertThat(stated.getStatusCode()).as(String.valueOf(stated.getBody())).isEqualTo(HttpStatus.CREATED);
    assertThat(statement(no, token, "再补充一点").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    Task again = tasks.createTaskQuery().processInstanceBusinessKey(no).taskDefinitionKey("Task_ReviewBranch")
        .singleResult();
    assertThat(tasks.getVariables(again.getId())).containsEntry("hearingHeld", true)
        .containsEntry("applicantStatement", "评价场地已于本月竣工，附竣工验收报告")
        .containsEntry("intendedRefusalReason", "评价场地尚未建成");
    rejected.put("branchComment", "竣工验收报告未涵盖考核设备，评价场地仍不具备条件");
    completeAs(again, "officer", rejected);
    jobs.runDue();
    assertThat(registry.branchesOf(filed.filingCode())).isEmpty();
    assertThat(InstitutionRenewalProcessIT.subjectsTo(EMPLOYER_EMAIL))
        .contains("分支机构备案不予备案通知（示例机床有限公司杭州分公司）");
    assertThat(TestMail.textsTo(EMPLOYER_EMAIL)).anyMatch(t -> t.contains("评价场地仍不具备条件"));
    assertThat(statement(no, token, "还有话说").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void aBranchStatementIsTakenWithTheInstitutionsToken() {
    // README "A fair hearing": a later branch's case may also be stated with the employer's own token.
    Filed filed = file();
    ResponseEntity<JsonNode> created = post(filed.filingCode(), filed.token(), branch("44"), materials(3));
    String no = created.getBody().get("applicationNo").asText();
    Map<String, Object> rejected = review("REJECT", "MEETS");
    rejected.put("branchReview_site", "NOT_MEETS");
    rejected.put("branchComment", "评价场地尚未建成");
    completeAs(tasks.createTaskQuery().processInstanceBusinessKey(no).taskDefinitionKey("Task_ReviewBranch")
        .singleResult(), "officer", rejected);
    jobs.runDue();
    assertThat(statement(no, filed.token(), "场地已建成").getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(no).taskDefinitionKey("Task_ReviewBranch")
        .count()).isEqualTo(1);
  }

  ResponseEntity<JsonNode> statement(String statementNo, String token, String content) {
    HttpHeaders headers = token == null ? new HttpHeaders() : bearer(token);
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    return http.exchange("/api/filings/" + statementNo + "/statements", HttpMethod.POST,
        new HttpEntity<>(Map.of("content", content), headers), JsonNode.class);
  }

  @Test
  void twoRequestsAtOnceGetOneBranchApplication() throws Exception {
    Filed filed = file();
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<HttpStatus>> answers = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      answers.add(CompletableFuture.supplyAsync(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return (HttpStatus) post(filed.filingCode(), filed.token(), branch("33"), materials(3)).getStatusCode();
      }));
    }
    start.countDown();
    List<HttpStatus> statuses = new ArrayList<>();
    for (CompletableFuture<HttpStatus> answer : answers) {
      statuses.add(answer.get());
    }
    assertThat(statuses).containsExactlyInAnyOrder(HttpStatus.CREATED, HttpStatus.CONFLICT);
    assertThat(branchApplications(filed.filingCode())).isEqualTo(1);
  }

  @Test
  void aProvincialEmployersBranchIsReviewedByTheBranchsProvinceAndRegistered() {
    // Issue 19 item 9: 人社鉴发〔2019〕3号 §二 with §一5 and 002 Annex 1 §一(十)5 (分支机构所在地人社部门): the department of
    // the province where the branch sits reviews it, not the employer's (Henan here).
    Filed filed = fileProvincial();
    assertThat(filed.filingCode()).startsWith("Y000041");
    ResponseEntity<JsonNode> created = post(filed.filingCode(), filed.token(), branch("33"), materials(3));
    assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    String no = created.getBody().get("applicationNo").asText();
    Task review = tasks.createTaskQuery().processInstanceBusinessKey(no).taskDefinitionKey("Task_ReviewBranch")
        .singleResult();
    assertThat(tasks.getIdentityLinksForTask(review.getId())).extracting(IdentityLink::getGroupId)
        .contains("provincial-officers-33").doesNotContain("provincial-officers-41");
    // A technical review: every item rated and an opinion, checked on the server.
    assertThatThrownBy(() -> completeAs(review, "officer33", Map.of("branchDecision", "APPROVE")))
        .hasMessageContaining("branchOpinion");
    completeAs(review, "officer33", review("APPROVE", "MEETS"));
    jobs.runDue();

    // 人社鉴发〔2019〕2号 Annex 1 §二(二): province-filed, positions 2-5 stay 0000; 6-7 and the serial the branch's province.
    assertThat(registry.branchesOf(filed.filingCode())).singleElement().satisfies(b -> {
      assertThat(b.filingCode()).matches("Y000033\\d{6}");
      assertThat(b.type()).isEqualTo(cn.hrss.assessment.registry.InstitutionType.PROVINCIAL_EMPLOYER);
      assertThat(b.parentFilingCode()).isEqualTo(filed.filingCode());
    });
    assertThat(InstitutionRenewalProcessIT.subjectsTo(BRANCH_EMAIL))
        .anyMatch(s -> s.startsWith("分支机构备案回执（示例机床有限公司杭州分公司，"));
    // The receipt rests on the employer's provincial filing, not a ministry one.
    assertThat(TestMail.textsTo(BRANCH_EMAIL)).anyMatch(t -> t.contains("省级备案") && t.contains(filed.filingCode()))
        .noneMatch(t -> t.contains("部级备案"));
  }

  @Test
  void aWrongCityCodeIsAFieldErrorAndStoresNothing() {
    Filed filed = fileProvincial();
    Map<String, Object> henan = branch("41");
    // 001 豫职鉴〔2020〕2号 Annex 1 §二(四) 表 5: 00-28 only; GB/T 2260's 4101 is not the table's code.
    for (String wrong : List.of("29", "4101")) {
      henan.put("cityCode", wrong);
      ResponseEntity<JsonNode> refused = post(filed.filingCode(), filed.token(), henan, materials(3));
      assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
      assertThat(fields(refused)).containsExactly("application.cityCode");
    }
    // Zhejiang codes no city.
    Map<String, Object> zhejiang = branch("33");
    zhejiang.put("cityCode", "01");
    assertThat(fields(post(filed.filingCode(), filed.token(), zhejiang, materials(3))))
        .containsExactly("application.cityCode");
    assertThat(branchApplications(filed.filingCode())).isZero();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("BranchFilingProcess")
        .variableValueEquals("parentFilingCode", filed.filingCode()).count()).isZero();
  }

  @Test
  void socialOrganisationsBranchesAndFilingsNotInForceGet409() {
    Filed filed = fileProvincial();
    // A social organisation files sites, not branches (人社鉴发〔2019〕2号; another procedure).
    String first17 = String.format("51410000MC%07d", SEQUENCE.incrementAndGet() % 10_000_000);
    String orgCode = first17 + CreditCodes.checkCharacter(first17);
    ResponseEntity<JsonNode> org = http.postForEntity("/api/filings", Applications.multipart(json,
        Applications.socialOrg(orgCode), Map.of("备案申请表.pdf", LifecycleFixtures.PDF)), JsonNode.class);
    assertThat(org.getStatusCode()).as(String.valueOf(org.getBody())).isEqualTo(HttpStatus.CREATED);
    String orgNo = org.getBody().get("applicationNo").asText();
    runtime.deleteProcessInstancesIfExists(runtime.createProcessInstanceQuery().processInstanceBusinessKey(orgNo)
        .list().stream().map(ProcessInstance::getId).toList(), "test: filed directly", true, true, false);
    Institution socialOrg = registry.register(new cn.hrss.assessment.registry.NewInstitution(
        cn.hrss.assessment.registry.InstitutionType.SOCIAL_ORG, "河南省数控技能培训协会", orgCode, "41", "郑州市", 
        "apply@social.example.cn", orgNo, List.of(new cn.hrss.assessment.registry.OccupationScope("6-18-01-01", "车工",
        null, List.of(3))), null));
    ResponseEntity<JsonNode> refusedOrg = post(socialOrg.filingCode(), org.getBody().get("accessToken").asText(),
        branch("33"), materials(3));
    assertThat(refusedOrg.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(refusedOrg.getBody().path("detail").asText()).contains("社会培训评价组织不设分支机构备案");

    // A branch adds no branch: it acts with its own application's token.
    ResponseEntity<JsonNode> created = post(filed.filingCode(), filed.token(), branch("33"), materials(3));
    String no = created.getBody().get("applicationNo").asText();
    Task review = tasks.createTaskQuery().processInstanceBusinessKey(no).taskDefinitionKey("Task_ReviewBranch")
        .singleResult();
    completeAs(review, "officer33", review("APPROVE", "MEETS"));
    jobs.runDue();
    Institution branch = registry.branchesOf(filed.filingCode()).get(0);
    ResponseEntity<JsonNode> refusedBranch = post(branch.filingCode(), created.getBody().get("accessToken").asText(),
        branch("44"), materials(3));
    assertThat(refusedBranch.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(refusedBranch.getBody().path("detail").asText()).contains("不能再申报分支机构");

    // Suspended (004 Art. 36-style rectification) and expired filings add none; nothing is stored.
    int before = branchApplications(filed.filingCode());
    registry.suspend(filed.filingCode(), java.time.LocalDate.of(2023, 9, 1), "test: rectification");
    assertThat(post(filed.filingCode(), filed.token(), branch("44"), materials(3)).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
    registry.reinstate(filed.filingCode(), "test: rectified");
    // Filed on 2023-06-01, valid 3 years (004 Art. 23).
    jobs.moveClockTo(LocalDateTime.of(2026, 6, 2, 10, 0));
    ResponseEntity<JsonNode> expired = post(filed.filingCode(), filed.token(), branch("44"), materials(3));
    assertThat(expired.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(expired.getBody().path("detail").asText()).contains("只有备案正常的用人单位可以申报分支机构");
    assertThat(branchApplications(filed.filingCode())).isEqualTo(before);
  }

  // ------------------------------------------------------------------ helpers

  Filed file() {
    FilingApplication national = Applications.nationalEmployer(freshCode());
    // A national employer filed without branches; it adds one later.
    return file(withoutBranches(national), "approver");
  }

  /** A provincial employer of Henan (人社鉴发〔2019〕3号 §二), accepted and decided by Henan's officers. */
  Filed fileProvincial() {
    String first17 = String.format("91410100MC%07d", SEQUENCE.incrementAndGet() % 10_000_000);
    return file(withoutBranches(Applications.provincialEmployer(first17 + CreditCodes.checkCharacter(first17))),
        "officer");
  }

  static FilingApplication withoutBranches(FilingApplication a) {
    return new FilingApplication(a.institutionType(), a.name(), a.creditCode(), a.organisationForm(),
        a.legalRepresentative(), a.province(), a.address(), new FilingApplication.Contact("钱七", "010-87654321",
        EMPLOYER_EMAIL), a.occupations(), List.of(), a.declarations(), null, List.of(), a.conditions(), null);
  }

  /** Files {@code application} through the API and the process; {@code officer} accepts and decides. */
  Filed file(FilingApplication application, String officer) {
    ResponseEntity<JsonNode> created = http.postForEntity("/api/filings",
        Applications.multipart(json, application, Map.of("备案申请表.pdf", LifecycleFixtures.PDF)), JsonNode.class);
    assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    String no = created.getBody().get("applicationNo").asText();
    complete(no, "Task_ReviewCompleteness", officer, Applications.acceptance());
    jobs.runDue();
    for (Task review : tasks.createTaskQuery().processInstanceBusinessKey(no).taskDefinitionKey("Task_ExpertReview")
        .list()) {
      completeAs(review, review.getAssignee(), Map.of("expertOpinion", "PASS", "expertComment", "符合条件"));
    }
    jobs.runDue();
    complete(no, "Task_DecideFiling", officer, Applications.approval());
    jobs.runDue();
    String token = created.getBody().get("accessToken").asText();
    JsonNode status = http.exchange("/api/filings/" + no, HttpMethod.GET, new HttpEntity<>(bearer(token)),
        JsonNode.class).getBody();
    assertThat(status.get("status").asText()).isEqualTo("FILED");
    return new Filed(status.get("filingCode").asText(), token);
  }

  static String freshCode() {
    String first17 = String.format("91110000MC%07d", SEQUENCE.incrementAndGet() % 10_000_000);
    return first17 + CreditCodes.checkCharacter(first17);
  }

  static String freshBranchCode() {
    String first17 = String.format("91330100MC%07d", SEQUENCE.incrementAndGet() % 10_000_000);
    return first17 + CreditCodes.checkCharacter(first17);
  }

  static String freshHenanBranchCode() {
    String first17 = String.format("91410100MC%07d", SEQUENCE.incrementAndGet() % 10_000_000);
    return first17 + CreditCodes.checkCharacter(first17);
  }

  static List<String> subjectsOf(String address) {
    return InstitutionRenewalProcessIT.subjectsTo(address);
  }

  static Map<String, Object> branch(String province) {
    return new HashMap<>(Map.of("name", "示例机床有限公司杭州分公司", "creditCode", freshBranchCode(), "province", province,
        "address", "杭州市西湖区 1 号", "contactEmail", BRANCH_EMAIL));
  }

  /** The first {@code count} of the three materials of 3号 §一5, one file each. */
  static List<Integer> materials(int count) {
    return java.util.stream.IntStream.rangeClosed(1, count).boxed().toList();
  }

  static Map<String, Object> review(String decision, String rating) {
    Map<String, Object> values = new HashMap<>(Map.of("branchDecision", decision,
        "branchOpinion", "文件审核并现场考察：方案可行，场地设备、人员和质量管控制度满足要求"));
    for (String item : List.of("plan", "site", "staff", "quality")) {
      values.put("branchReview_" + item, rating);
    }
    return values;
  }

  ResponseEntity<JsonNode> post(String filingCode, String token, Map<String, Object> branch, List<Integer> items) {
    Map<String, Object> application = new HashMap<>(branch);
    List<Map<String, Object>> refs = new ArrayList<>();
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    for (int item : items) {
      String name = "分支机构材料" + item + ".pdf";
      refs.add(Map.of("item", item, "file", name));
      parts.add("files", new ByteArrayResource(LifecycleFixtures.PDF) {
        @Override
        public String getFilename() {
          return name;
        }
      });
    }
    application.put("materials", refs);
    HttpHeaders jsonPart = new HttpHeaders();
    jsonPart.setContentType(MediaType.APPLICATION_JSON);
    try {
      parts.add("application", new HttpEntity<>(json.writeValueAsString(application), jsonPart));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    HttpHeaders headers = token == null ? new HttpHeaders() : bearer(token);
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.exchange("/api/institutions/" + filingCode + "/branches", HttpMethod.POST,
        new HttpEntity<>(parts, headers), JsonNode.class);
  }

  int branchApplications(String filingCode) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM filing_application WHERE kind = 'BRANCH'"
        + " AND target_filing_code = ?", Integer.class, filingCode);
    return count == null ? 0 : count;
  }

  static List<String> fields(ResponseEntity<JsonNode> problem) {
    List<String> fields = new ArrayList<>();
    problem.getBody().path("errors").forEach(e -> fields.add(e.path("field").asText()));
    return fields;
  }

  void complete(String applicationNo, String key, String user, Map<String, Object> variables) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(applicationNo).taskDefinitionKey(key).singleResult();
    assertThat(task).as(key + " of " + applicationNo).isNotNull();
    completeAs(task, user, variables);
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

  static HttpHeaders bearer(String token) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(token);
    return headers;
  }
}
