package cn.hrss.assessment.filing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.codes.CreditCodes;
import cn.hrss.assessment.support.IntegrationTest;
import cn.hrss.assessment.support.Jobs;
import cn.hrss.assessment.support.Pdfs;
import cn.hrss.assessment.support.TestMail;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.TaskService;
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
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * End to end through HTTP (CONTRACT.md): the applicant uses the domain API with its bearer token, officers and
 * experts complete their tasks through engine REST (as Tasklist does, so the server-side completion checks apply),
 * the public objects and reads the directory; mail goes to GreenMail. Runs on H2 and on PostgreSQL (failsafe).
 */
@IntegrationTest
class FilingApiIT {

  static final byte[] PDF = "%PDF-1.7\n%api test\n".getBytes();
  static final AtomicInteger SEQUENCE = new AtomicInteger();

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired TaskService tasks;
  @Autowired Jobs jobs;
  @Autowired FilingRepository repository;
  @Autowired org.camunda.bpm.engine.RuntimeService runtime;

  @BeforeEach
  void setUp() {
    TestMail.reset();
    jobs.moveClockTo(LocalDateTime.of(2026, 9, 21, 10, 0));
  }

  @AfterEach
  void tearDown() {
    // The context is shared with other tests: no filing timer of ours may fire (and send mail) in theirs.
    List<String> running = runtime.createProcessInstanceQuery().processDefinitionKeyIn(FilingProcess.KEY,
        FilingProcess.BRANCH_KEY).list().stream().map(org.camunda.bpm.engine.runtime.ProcessInstance::getId).toList();
    if (!running.isEmpty()) {
      runtime.deleteProcessInstancesIfExists(running, "test finished", true, true, false);
    }
    jobs.resetClock();
  }

  @Test
  void socialOrganisationFromSubmissionToTheDirectory() throws Exception {
    FilingApplication application = Applications.socialOrg(code("5241"));
    ResponseEntity<JsonNode> created = submit(application, file("备案申请表.pdf", PDF));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String no = created.getBody().get("applicationNo").asText();
    String token = created.getBody().get("accessToken").asText();
    assertThat(created.getHeaders().getLocation()).hasToString("/api/filings/" + no);
    assertThat(created.getBody().get("status").asText()).isEqualTo("ACCEPTANCE_REVIEW");

    JsonNode status = status(no, token);
    assertThat(status.get("stage").asText()).isEqualTo("受理审查中");
    assertThat(status.at("/deadlines/acceptanceDue").asText()).isNotBlank();
    assertThat(status.get("history").get(0).get("stepName").asText()).isEqualTo("提交备案申请");

    // The officer opens the material from the form's link (Basic here; a Tasklist session works the same for GET).
    long materialId = status.get("materials").get(0).get("id").asLong();
    ResponseEntity<byte[]> material = http.withBasicAuth("officer", "officer")
        .getForEntity("/api/filings/" + no + "/materials/" + materialId, byte[].class);
    assertThat(material.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(material.getBody()).isEqualTo(PDF);
    assertThat(http.getForEntity("/api/filings/" + no + "/materials/" + materialId, String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);

    // A supplement when none was requested: 409.
    assertThat(supplement(no, token).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    // No receipt before filing: 409 as problem+json, also to a client that asked for the PDF.
    HttpHeaders wantsPdf = new HttpHeaders();
    wantsPdf.setBearerAuth(token);
    wantsPdf.setAccept(List.of(MediaType.APPLICATION_PDF));
    ResponseEntity<String> noReceipt = http.exchange("/api/filings/" + no + "/receipt", HttpMethod.GET,
        new HttpEntity<>(wantsPdf), String.class);
    assertThat(noReceipt.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(noReceipt.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(noReceipt.getBody()).contains("尚未备案，没有备案回执");

    // Incomplete completion refused by the server with a clear message, then accepted.
    ResponseEntity<String> refused = completeRest("officer", no, "Task_ReviewCompleteness",
        Map.of("acceptanceDecision", "REJECT"));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("acceptanceComment");
    assertThat(completeRest("officer", no, "Task_ReviewCompleteness", cn.hrss.assessment.filing.Applications.acceptance())
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    jobs.runDue();
    for (Task review : openTasks(no, "Task_ExpertReview")) {
      // Tasklist submits Camunda Forms with submit-form: the same server-side checks apply.
      assertThat(submitFormRest(review.getAssignee(), review, Map.of("expertOpinion", "PASS")).getBody())
          .contains("expertComment");
      assertThat(submitFormRest(review.getAssignee(), review, Map.of("expertOpinion", "PASS", "expertComment", "符合条件"))
          .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }
    jobs.runDue();
    assertThat(status(no, token).get("status").asText()).isEqualTo("PUBLIC_NOTICE");

    JsonNode notices = http.getForEntity("/api/public-notices", JsonNode.class).getBody();
    assertThat(notices.findValuesAsText("applicationNo")).contains(no);
    ResponseEntity<String> page = http.getForEntity("/notices", String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("河南省数控技能培训协会", no, "提交异议");
    ResponseEntity<JsonNode> objection = http.postForEntity("/api/public-notices/" + no + "/objections",
        Map.of("name", "张三", "contact", "13800000000", "content", "培训场地与申报不符"), JsonNode.class);
    assertThat(objection.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(completeRest("officer", no, "Task_ReviewObjection",
        Map.of("objectionUpheld", false, "objectionResponse", "经核查场地符合要求")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    // 5 working days after 2026-09-21, skipping the Mid-Autumn Festival (Friday 09-25): open until 09-29 23:59:59.
    assertThat(status(no, token).at("/deadlines/publicNoticeCloses").asText()).isEqualTo("2026-09-29T15:59:59Z");
    jobs.moveClockTo(LocalDateTime.of(2026, 9, 30, 9, 0));
    jobs.runDue();
    assertThat(http.postForEntity("/api/public-notices/" + no + "/objections",
        Map.of("name", "李四", "contact", "x", "content", "迟到"), String.class).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    MultiValueMap<String, String> lateForm = new LinkedMultiValueMap<>();
    lateForm.add("name", "李四");
    lateForm.add("contact", "x");
    lateForm.add("content", "迟到");
    ResponseEntity<String> latePage = http.postForEntity("/notices/" + no + "/objections", lateForm, String.class);
    assertThat(latePage.getBody()).contains("公示已结束");

    assertThat(completeRest("officer", no, "Task_DecideFiling", cn.hrss.assessment.filing.Applications.approval()).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    jobs.runDue();

    JsonNode filed = status(no, token);
    assertThat(filed.get("status").asText()).isEqualTo("FILED");
    assertThat(filed.get("stage").asText()).isEqualTo("已备案");
    String filingCode = filed.get("filingCode").asText();
    assertThat(filingCode).matches("S000041\\d{6}");
    assertThat(filed.get("receiptNo").asText()).startsWith("HZ2026");
    assertThat(filed.get("notices").findValuesAsText("template"))
        .contains("filing-accepted", "filing-receipt");
    assertThat(filed.get("notices").findValuesAsText("status")).containsOnly("SENT");

    // The receipt is a PDF (issue 13 item 9) whose text holds the institution's Chinese name and its filing code.
    HttpHeaders bearer = new HttpHeaders();
    bearer.setBearerAuth(token);
    ResponseEntity<byte[]> pdf = http.exchange("/api/filings/" + no + "/receipt", HttpMethod.GET,
        new HttpEntity<>(bearer), byte[].class);
    assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(Pdfs.text(pdf.getBody())).contains("职业技能等级评价机构备案回执", "河南省数控技能培训协会", filingCode,
        filed.get("receiptNo").asText());
    // A client that prefers HTML (a browser's Accept) gets the printable page.
    bearer.setAccept(List.of(MediaType.TEXT_HTML, MediaType.parseMediaType("*/*;q=0.8")));
    ResponseEntity<String> receipt = http.exchange("/api/filings/" + no + "/receipt", HttpMethod.GET,
        new HttpEntity<>(bearer), String.class);
    assertThat(receipt.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(receipt.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
    assertThat(receipt.getBody()).contains("职业技能等级评价机构备案回执", filingCode, filed.get("receiptNo").asText(),
        "关于同意河南省数控技能培训协会开展职业技能等级认定工作备案的函", "和社会公示");

    JsonNode directory = http.getForEntity("/api/directory?q=" + filingCode, JsonNode.class).getBody();
    assertThat(directory.findValuesAsText("filingCode")).contains(filingCode);
    assertThat(TestMail.server().getReceivedMessages()).extracting(m -> m.getSubject())
        .anySatisfy(s -> assertThat(s).contains("关于同意河南省数控技能培训协会开展职业技能等级认定工作备案的函"));
  }

  @Test
  void nationalEmployerWithTwoBranchesInTwoProvinces() {
    FilingApplication base = Applications.nationalEmployer(code("9111"));
    List<FilingApplication.Branch> branches = List.of(
        new FilingApplication.Branch("示例集团郑州分公司", code("9141"), "41", "郑州市中原区 9 号", "zz@group.example.cn"),
        new FilingApplication.Branch("示例集团杭州分公司", code("9133"), "33", "杭州市西湖区 10 号", "hz@group.example.cn"));
    FilingApplication application = new FilingApplication(base.institutionType(), base.name(), base.creditCode(),
        base.organisationForm(), base.legalRepresentative(), base.province(), base.address(), base.contact(),
        base.occupations(), branches, base.declarations());
    ResponseEntity<JsonNode> created = submit(application, file("备案申请表.pdf", PDF));
    String no = created.getBody().get("applicationNo").asText();
    String token = created.getBody().get("accessToken").asText();

    // CONTRACT.md "Jurisdiction": the ministry centre accepts national employers; Henan's officer may not.
    assertThat(completeRest("officer", no, "Task_ReviewCompleteness", Applications.acceptance())
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    completeRest("approver", no, "Task_ReviewCompleteness", Applications.acceptance());
    jobs.runDue();
    for (Task review : openTasks(no, "Task_ExpertReview")) {
      completeRest(review.getAssignee(), review, Map.of("expertOpinion", "PASS", "expertComment", "符合条件"));
    }
    jobs.runDue();
    // National employers are decided by the ministry: the acceptance officer may not complete it.
    assertThat(completeRest("officer", no, "Task_DecideFiling", cn.hrss.assessment.filing.Applications.approval()).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(completeRest("approver", no, "Task_DecideFiling", cn.hrss.assessment.filing.Applications.approval()).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    jobs.runDue();

    Task henanReview = tasks.createTaskQuery().processInstanceBusinessKey(no + "-B1")
        .taskDefinitionKey("Task_ReviewBranch").singleResult();
    assertThat(completeRest("officer", henanReview, InstitutionFilingProcessIT.branchReview("APPROVE", "MEETS")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    // Issue 19 item 6: Zhejiang's intended refusal is heard first, under the branch's number <applicationNo>-B2.
    Map<String, Object> rejected = InstitutionFilingProcessIT.branchReview("REJECT", "NOT_MEETS",
        "branchComment", "分支机构评价场地尚未建成");
    assertThat(completeRest("officer", tasks.createTaskQuery().processInstanceBusinessKey(no + "-B2")
        .taskDefinitionKey("Task_ReviewBranch").singleResult(), rejected).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    jobs.runDue();
    assertThat(TestMail.server().getReceivedMessages()).extracting(m -> m.getSubject())
        .filteredOn(s -> s.equals("拟不予备案告知（" + no + "）")).hasSize(2); // the branch and the employer
    assertThat(TestMail.textsTo("hz@group.example.cn")).anyMatch(t -> t.contains("分支机构评价场地尚未建成")
        && t.contains(no + "-B2"));
    assertThat(branchStatement(no + "-B2", null, "场地已建成").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(branchStatement(no + "-B2", "not-the-token", "场地已建成").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(branchStatement(no + "-B2", token, "").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(branchStatement(no + "-B1", token, "场地已建成").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(branchStatement(no + "-B9", token, "场地已建成").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(branchStatement(no + "-B2", token, "杭州评价场地已竣工验收").getStatusCode()).isEqualTo(HttpStatus.CREATED);
    Task heard = tasks.createTaskQuery().processInstanceBusinessKey(no + "-B2").taskDefinitionKey("Task_ReviewBranch")
        .singleResult();
    JsonNode shown = http.withBasicAuth("officer", "officer").getForEntity(
        "/engine-rest/task/" + heard.getId() + "/form-variables", JsonNode.class).getBody();
    assertThat(shown.at("/applicantStatement/value").asText()).isEqualTo("杭州评价场地已竣工验收");
    assertThat(shown.at("/hearingHeld/value").asBoolean()).isTrue();
    rejected.put("branchComment", "验收报告未涵盖考核设备");
    assertThat(completeRest("officer", heard, rejected).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    jobs.runDue();
    assertThat(TestMail.textsTo("hz@group.example.cn")).anyMatch(t -> t.contains("验收报告未涵盖考核设备"));

    JsonNode filed = status(no, token);
    assertThat(filed.get("status").asText()).isEqualTo("FILED");
    String employerCode = filed.get("filingCode").asText();
    assertThat(employerCode).matches("Y\\d{4}11\\d{6}");
    assertThat(filed.get("branches").findValuesAsText("status")).containsExactly("FILED", "REJECTED");
    List<String> branchCodes = List.of(filed.get("branches").get(0).get("filingCode").asText());
    assertThat(branchCodes.get(0)).matches("Y\\d{4}41\\d{6}");

    JsonNode directory = http.getForEntity("/api/directory?q=" + employerCode, JsonNode.class).getBody();
    JsonNode employer = null;
    for (JsonNode item : directory) {
      if (employerCode.equals(item.get("filingCode").asText())) {
        employer = item;
      }
    }
    assertThat(employer).isNotNull();
    assertThat(employer.get("branches").findValuesAsText("filingCode")).containsExactlyInAnyOrderElementsOf(branchCodes);
    assertThat(TestMail.server().getReceivedMessages()).extracting(m -> m.getSubject())
        .filteredOn(s -> s.contains("分支机构备案回执")).hasSize(2); // one copy per recipient: branch and employer
  }

  ResponseEntity<JsonNode> branchStatement(String statementNo, String token, String content) {
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    if (token != null) {
      headers.setBearerAuth(token);
    }
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    return http.exchange("/api/filings/" + statementNo + "/statements", org.springframework.http.HttpMethod.POST,
        new org.springframework.http.HttpEntity<>(Map.of("content", content), headers), JsonNode.class);
  }

  @Test
  void cityCodeOutsideTheProvincesTableIsAFieldErrorAndStoresNothing() {
    // Issue 19 item 10: positions 8-9 from Henan's 表 5 (001 豫职鉴〔2020〕2号 Annex 1 §二(四)); 29 is not in it.
    FilingApplication ok = Applications.socialOrg(code("5241"));
    FilingApplication wrongCity = new FilingApplication(ok.institutionType(), ok.name(), ok.creditCode(),
        ok.organisationForm(), ok.legalRepresentative(), ok.province(), ok.address(), ok.contact(), ok.occupations(),
        ok.branches(), ok.declarations(), ok.parentCreditCode(), ok.relatedCreditCodes(), ok.conditions(),
        ok.materials(), "29");
    ResponseEntity<JsonNode> refused = submit(wrongCity, file("a.pdf", PDF));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getHeaders().getContentType().toString()).contains("problem+json");
    assertThat(refused.getBody().get("errors").findValuesAsText("field")).containsExactly("cityCode");
    assertThat(refused.getBody().toString()).contains("河南省的省直和市级代码表");
    assertThat(repository.hasOpenApplication(ok.creditCode())).isFalse();
  }

  @Test
  void refusedApplicationsStoreNothing() {
    FilingApplication ok = Applications.socialOrg(code("5241"));
    // A 事业单位's own code (12, GB 32100-2015 Table 1): the form agrees with it, §二(七)1 refuses it.
    FilingApplication publicInstitution = new FilingApplication(ok.institutionType(), ok.name(), code("1241"),
        "PUBLIC_INSTITUTION", ok.legalRepresentative(), ok.province(), ok.address(), ok.contact(), ok.occupations(),
        ok.branches(), ok.declarations()).with(ok.conditions(), null);
    ResponseEntity<JsonNode> prohibited = submit(publicInstitution, file("a.pdf", PDF));
    assertThat(prohibited.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(prohibited.getHeaders().getContentType().toString()).contains("problem+json");
    assertThat(prohibited.getBody().toString()).contains("§二(七)");
    assertThat(repository.hasOpenApplication(ok.creditCode())).isFalse();

    ResponseEntity<JsonNode> badFile = submit(ok, file("a.pdf", "not a pdf".getBytes()));
    assertThat(badFile.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(repository.hasOpenApplication(ok.creditCode())).isFalse();

    ResponseEntity<JsonNode> first = submit(ok, file("a.pdf", PDF));
    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(submit(ok, file("a.pdf", PDF)).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

    String no = first.getBody().get("applicationNo").asText();
    assertThat(http.getForEntity("/api/filings/" + no, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    HttpHeaders wrong = new HttpHeaders();
    wrong.setBearerAuth("wrong-token");
    assertThat(http.exchange("/api/filings/" + no, HttpMethod.GET, new HttpEntity<>(wrong), String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.withBasicAuth("officer", "officer").getForEntity("/api/filings/" + no, JsonNode.class).getBody()
        .get("applicationNo").asText()).isEqualTo(no);
    assertThat(http.postForEntity("/api/public-notices/" + no + "/objections",
        Map.of("name", "a", "contact", "b", "content", "c"), String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void eachMaterialIsTaggedWithItsItemAndTheOfficerConfirmsEveryConditionItemByItem() {
    // Issue 19 items 1-3: 002 Annex 1 §二(五), §二(七), §二(八) and the signed truth commitment (item 7 here).
    FilingApplication ok = Applications.socialOrg(code("5241"));
    ByteArrayResource[] files = {file("基本情况表.pdf", PDF), file("实施方案.pdf", PDF), file("专家承诺书.pdf", PDF),
        file("场地证明.pdf", PDF), file("信用报告.pdf", PDF), file("真实性承诺书.pdf", PDF)};
    List<FilingApplication.MaterialRef> refs = new ArrayList<>(List.of(ref(1, "基本情况表.pdf"), ref(3, "实施方案.pdf"),
        ref(4, "专家承诺书.pdf"), ref(5, "场地证明.pdf"), ref(6, "信用报告.pdf")));

    // The truth commitment not named: the file is untagged and item 7 is missing → 400, nothing stored.
    ResponseEntity<JsonNode> untagged = submitAsIs(ok.with(ok.conditions(), refs), files);
    assertThat(untagged.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(untagged.getHeaders().getContentType().toString()).contains("problem+json");
    assertThat(untagged.getBody().get("errors").findValuesAsText("field")).containsExactly("files[5]");
    ResponseEntity<JsonNode> missing = submitAsIs(ok.with(ok.conditions(), refs), java.util.Arrays.copyOf(files, 5));
    assertThat(missing.getBody().get("errors").findValuesAsText("field")).containsExactly("materials[7]");
    assertThat(missing.getBody().toString()).contains("法定代表人签字的申报材料真实性承诺书");
    // A condition not met (§二(五)3 video surveillance) → 400 citing it.
    Map<String, Boolean> noCameras = new java.util.LinkedHashMap<>(ok.conditions());
    noCameras.put("SO_C4", false);
    refs.add(ref(7, "真实性承诺书.pdf"));
    ResponseEntity<JsonNode> unmet = submitAsIs(ok.with(noCameras, refs), files);
    assertThat(unmet.getBody().get("errors").findValuesAsText("field")).containsExactly("conditions.SO_C4");
    assertThat(unmet.getBody().toString()).contains("视频监控设备", "§二(五)3");
    // An occupation of the 国家职业资格目录 → 400 citing §二(六) (issue 19 item 4).
    FilingApplication guards = OccupationScopeTest.withOccupation(ok, "4-07-05-01", "保安员", null);
    ResponseEntity<JsonNode> catalogued = submitAsIs(guards.with(guards.conditions(), refs), files);
    assertThat(catalogued.getBody().get("errors").findValuesAsText("field")).containsExactly("occupations[0].name");
    assertThat(catalogued.getBody().toString()).contains("国家职业资格目录", "§二(六)");
    assertThat(repository.hasOpenApplication(ok.creditCode())).isFalse();

    ResponseEntity<JsonNode> created = submitAsIs(ok.with(ok.conditions(), refs), files);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String no = created.getBody().get("applicationNo").asText();
    JsonNode status = status(no, created.getBody().get("accessToken").asText());
    assertThat(status.get("materials").findValues("items").stream().map(JsonNode::toString).toList())
        .containsExactly("[1]", "[3]", "[4]", "[5]", "[6]", "[7]");

    // The officer's per-item checklist of materials, with a link to each file.
    Task review = openTasks(no, "Task_ReviewCompleteness").get(0);
    String checklist = (String) runtime.getVariable(review.getProcessInstanceId(), "materialsMarkdown");
    // 6-18-01-01 车工（数控车床） has its national standard in the catalogue: nothing to flag (issue 19 item 4).
    assertThat(runtime.getVariable(review.getProcessInstanceId(), "occupationFlagged")).isEqualTo(false);
    assertThat(checklist).contains("☑ 7. 法定代表人签字的申报材料真实性承诺书：[真实性承诺书\\.pdf](/api/filings/" + no + "/materials/")
        .contains("☐ 2. 法人登记证书复印件或统一社会信用信息代码（未提交）");

    // An acceptance without every item confirmed is refused by the server, naming the unconfirmed items.
    Map<String, Object> partly = new java.util.HashMap<>(Applications.acceptance());
    partly.remove("confirm_SO_P1");
    ResponseEntity<String> refused = completeRest("officer", review, partly);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("未与政府部门脱钩的社会团体").doesNotContain("视频监控设备");
    assertThat(completeRest("officer", review, Applications.acceptance()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  static FilingApplication.MaterialRef ref(int item, String file) {
    return new FilingApplication.MaterialRef(item, file);
  }

  // ------------------------------------------------------------------ helpers

  static String code(String prefix) {
    String first17 = prefix + String.format("0000MA%07d", (System.nanoTime() / 1000 + SEQUENCE.incrementAndGet()) % 10_000_000);
    return first17 + CreditCodes.checkCharacter(first17);
  }

  static ByteArrayResource file(String name, byte[] content) {
    return new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return name;
      }
    };
  }

  ResponseEntity<JsonNode> submit(FilingApplication application, ByteArrayResource... files) {
    if (application.materials().isEmpty() && files.length > 0) {
      application = Applications.tagged(application, files[0].getFilename());
    }
    return submitAsIs(application, files);
  }

  ResponseEntity<JsonNode> submitAsIs(FilingApplication application, ByteArrayResource... files) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    HttpHeaders jsonPart = new HttpHeaders();
    jsonPart.setContentType(MediaType.APPLICATION_JSON);
    try {
      parts.add("application", new HttpEntity<>(json.writeValueAsString(application), jsonPart));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    for (ByteArrayResource f : files) {
      parts.add("files", f);
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.postForEntity("/api/filings", new HttpEntity<>(parts, headers), JsonNode.class);
  }

  ResponseEntity<String> supplement(String no, String token) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("files", file("补正.pdf", PDF));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    headers.setBearerAuth(token);
    return http.postForEntity("/api/filings/" + no + "/supplements", new HttpEntity<>(parts, headers), String.class);
  }

  JsonNode status(String no, String token) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(token);
    ResponseEntity<JsonNode> response = http.exchange("/api/filings/" + no, HttpMethod.GET, new HttpEntity<>(headers),
        JsonNode.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  List<Task> openTasks(String businessKey, String key) {
    return new ArrayList<>(tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(key).list());
  }

  ResponseEntity<String> completeRest(String user, String businessKey, String key, Map<String, Object> variables) {
    return completeRest(user, openTasks(businessKey, key).get(0), variables);
  }

  ResponseEntity<String> submitFormRest(String user, Task task, Map<String, Object> variables) {
    Map<String, Object> body = Map.of("variables", variables.entrySet().stream()
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> Map.of("value", e.getValue()))));
    return http.withBasicAuth(user, user).postForEntity("/engine-rest/task/" + task.getId() + "/submit-form", body,
        String.class);
  }

  /** Completes a task through engine REST as Tasklist does ({@code POST /engine-rest/task/{id}/complete}). */
  ResponseEntity<String> completeRest(String user, Task task, Map<String, Object> variables) {
    Map<String, Object> body = Map.of("variables", variables.entrySet().stream()
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> Map.of("value", e.getValue()))));
    return http.withBasicAuth(user, user).postForEntity("/engine-rest/task/" + task.getId() + "/complete", body,
        String.class);
  }
}
