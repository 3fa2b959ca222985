package cn.hrss.assessment.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.filing.Applications;
import cn.hrss.assessment.filing.FilingApplication;
import cn.hrss.assessment.registry.InstitutionRegistry;
import cn.hrss.assessment.registry.InstitutionStatus;
import cn.hrss.assessment.support.HtmlChecker;
import cn.hrss.assessment.support.IntegrationTest;
import cn.hrss.assessment.support.Jobs;
import cn.hrss.assessment.support.TestMail;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The institution's area {@code /institution} (issue 17 item 4) posted as a browser posts it, on H2 and PostgreSQL:
 * an institution filed through the API on 2023-06-01 (valid until 2026-06-01) signs in with its filing code and the
 * token of its filing application, is told when renewal opens, renews inside the window, reports a change (a field
 * error shown on its field, nothing stored) and terminates in two steps. Every page is valid HTML.
 */
@IntegrationTest
class InstitutionAreaPageIT {

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired IdentityService identity;
  @Autowired Jobs jobs;
  @Autowired InstitutionRegistry registry;
  @Autowired JdbcTemplate jdbc;

  final HtmlChecker checker = new HtmlChecker();

  record Filed(String filingCode, String token) {}

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
  void signedInTheInstitutionIsToldWhenRenewalOpensAndRenewsInsideTheWindow() {
    Filed filed = file();
    Filed other = file();
    jobs.moveClockTo(LocalDateTime.of(2026, 2, 1, 9, 0)); // 4 months before the end

    assertThat(http.getForEntity("/institution", String.class).getBody()).contains("name=\"filingCode\"",
        "name=\"accessToken\"");
    ResponseEntity<String> wrong = post("/institution", form(filed.filingCode(), other.token()));
    assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(wrong.getBody()).contains("备案编码或查询令牌不正确").doesNotContain("郑州示例延续机床有限公司");
    ResponseEntity<String> unknown = post("/institution", form("S000041999999", filed.token()));
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(unknown.getBody()).contains("备案编码或查询令牌不正确");

    ResponseEntity<String> area = post("/institution", form(filed.filingCode().toLowerCase(), filed.token()));
    assertThat(area.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(area.getHeaders().getCacheControl()).isEqualTo("no-store");
    assertThat(area.getHeaders().getFirst("Content-Security-Policy")).contains("script-src 'self'");
    String html = area.getBody();
    assertThat(html).contains("郑州示例延续机床有限公司", filed.filingCode(), "有效期至", "2026年6月1日", "铣工",
        "目前没有正在办理的延续、变更申请");
    // 004 Art. 23: the page says what the API would answer, with the first day of the window; no renewal form
    assertThat(html).contains("自 2026年3月1日 起可以申请延续").doesNotContain("id=\"submit-renewal\"");
    // the defence page (issue 17 item 4) has landed: the area links to it
    assertThat(html).contains("id=\"submit-change\"", "id=\"request-termination\"", "id=\"open-supervisions\"")
        .doesNotContain("<script", "评估计划");
    assertThat(checker.errors(html)).isEmpty();

    jobs.moveClockTo(LocalDateTime.of(2026, 4, 1, 9, 0)); // 2 months before
    html = post("/institution", form(filed.filingCode(), filed.token())).getBody();
    assertThat(html).contains("id=\"submit-renewal\"", "2026年3月1日 起").doesNotContain("id=\"renewal-closed\"");

    MultiValueMap<String, Object> renewal = form(filed.filingCode(), filed.token());
    renewal.add("files", file("延续申请表.pdf"));
    ResponseEntity<String> done = post("/institution/renewal", renewal);
    assertThat(done.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(done.getBody()).contains("延续备案申请已提交", "查询令牌只显示这一次");
    String no = match(done.getBody(), "<dt>申请编号</dt><dd><code>(BA\\d+)</code>");
    String renewalToken = match(done.getBody(), "<dt>查询令牌</dt><dd><code>([^<]+)</code>");
    assertThat(checker.errors(done.getBody())).isEmpty();
    JsonNode status = http.exchange("/api/filings/" + no, org.springframework.http.HttpMethod.GET,
        new HttpEntity<>(bearer(renewalToken)), JsonNode.class).getBody();
    assertThat(status.get("stage").asText()).isEqualTo("受理审查中");
    assertThat(status.get("materials").toString()).contains("延续申请表.pdf");

    // the open renewal is listed; a second one is refused with the API's reason (one open application)
    ResponseEntity<String> again = post("/institution/renewal", renewal);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(again.getBody()).contains("延续申请未提交", "<li>" + no + "</li>");
  }

  @Test
  void aChangeRefusedKeepsTheValuesWithTheErrorOnItsFieldAndAnAcceptedOneIsReported() {
    Filed filed = file();
    jobs.moveClockTo(LocalDateTime.of(2024, 3, 4, 9, 0));
    long before = jdbc.queryForObject("SELECT COUNT(*) FROM lifecycle_info_change WHERE filing_code = ?", Long.class,
        filed.filingCode());

    MultiValueMap<String, Object> change = changeForm(filed, "郑州示例延续精密机床有限公司", "");
    ResponseEntity<String> refused = post("/institution/change", change);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    String html = refused.getBody();
    assertThat(html).contains("变更未提交")
        .contains("value=\"郑州示例延续精密机床有限公司\"") // kept as typed
        .containsPattern("id=\"change-address\" name=\"address\" value=\"\" maxlength=\"500\"\\s+aria-invalid=\"true\""
            + "\\s+aria-describedby=\"change-address-error\"")
        .contains("id=\"change-address-error\">不能为空（不变更的项请省略）<");
    assertThat(checker.errors(html)).isEmpty();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lifecycle_info_change WHERE filing_code = ?", Long.class,
        filed.filingCode())).isEqualTo(before);

    ResponseEntity<String> done = post("/institution/change", changeForm(filed, "郑州示例延续精密机床有限公司",
        "郑州市高新区 5 号"));
    assertThat(done.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(done.getBody()).contains("信息变更报告已提交");
    String no = match(done.getBody(), "<dt>申请编号</dt><dd><code>(BA\\d+)</code>");
    // only the name changed: one row, waiting for the officer's review (信息变更审核)
    assertThat(jdbc.queryForList("SELECT field FROM lifecycle_info_change WHERE application_no = ?", String.class, no))
        .containsExactly("name");
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(no).taskDefinitionKey("Task_ReviewChange").count())
        .isEqualTo(1);
  }

  @Test
  void aScopeChangeAddsAnOccupationThroughTheFilingRulesAndKeepsTheRowOnAnError() {
    Filed filed = file();
    jobs.moveClockTo(LocalDateTime.of(2024, 3, 4, 9, 0));
    String html = post("/institution", form(filed.filingCode(), filed.token())).getBody();
    assertThat(html).contains("name=\"scope[0].code\" value=\"6-18-01-02\"", "id=\"submit-scope-change\"");

    // The occupation to add is picked from the catalogue (issue 17 item 4), not typed: a list, no code field.
    assertThat(html).contains("<select id=\"scope-new-entry\" name=\"new.entry\"",
        "<option value=\"6-18-01-01|数控车床\">6-18-01-01 车工（数控车床）：可申报 1、2、3、4 级</option>")
        .doesNotContain("name=\"new.code\"");

    // a level the catalogue does not offer for that entry (车工 itself: level 5 only): refused, the pick kept
    long scopeChanges = runtime.createProcessInstanceQuery().processDefinitionKey("InstitutionScopeChangeProcess").count();
    ResponseEntity<String> refused = post("/institution/scope-change", scopeForm(filed, "6-18-01-01|"));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("变更申请未提交", "id=\"scope-new-error\"", "只能申报以下等级：五级/初级工",
        "<option value=\"6-18-01-01|\" selected=\"selected\">");
    assertThat(checker.errors(refused.getBody())).isEmpty();
    // an entry that is not in the catalogue (a forged post): refused as well
    ResponseEntity<String> forged = post("/institution/scope-change", scopeForm(filed, "6-18-01|车工"));
    assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(forged.getBody()).contains("所选职业（工种）不在职业目录中");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("InstitutionScopeChangeProcess").count())
        .isEqualTo(scopeChanges);

    ResponseEntity<String> done = post("/institution/scope-change", scopeForm(filed, "6-18-01-01|数控车床"));
    assertThat(done.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(done.getBody()).contains("职业（工种）及等级变更申请已提交");
    String no = match(done.getBody(), "<dt>申请编号</dt><dd><code>(BA\\d+)</code>");
    JsonNode status = http.exchange("/api/filings/" + no, org.springframework.http.HttpMethod.GET,
        new HttpEntity<>(bearer(match(done.getBody(), "<dt>查询令牌</dt><dd><code>([^<]+)</code>"))), JsonNode.class)
        .getBody();
    assertThat(status.get("stage").asText()).isEqualTo("受理审查中");
    assertThat(status.get("materials").toString()).contains("变更申请表.pdf");
    // nothing left out: the filed scope stays until the decision
    assertThat(registry.findByFilingCode(filed.filingCode()).orElseThrow().occupations())
        .extracting(o -> o.code()).containsExactly("6-18-01-02");
    // the occupation applied for is the catalogue's entry: code, name and track from the list
    assertThat(jdbc.queryForObject("SELECT application_json FROM filing_application WHERE application_no = ?",
        String.class, no)).contains("\"6-18-01-01\"", "\"车工\"", "\"数控车床\"");
  }

  @Test
  void theInstitutionSeesItsOwnRecordAndDownloadsItsReceiptAsAPdf() {
    Filed filed = file();
    Filed other = file();
    jobs.moveClockTo(LocalDateTime.of(2024, 3, 4, 9, 0));
    registry.suspend(filed.filingCode(), java.time.LocalDate.of(2024, 4, 30), "违纪违规处理决定 WJ2024000001：暂停备案，限期整改");

    String html = post("/institution", form(filed.filingCode(), filed.token())).getBody();
    String record = html.substring(html.indexOf("<h2 id=\"record\">"));
    record = record.substring(0, record.indexOf("</section>"));
    assertThat(record).contains("备案申请", "准予备案", "暂停", "违纪违规处理决定 WJ2024000001：暂停备案，限期整改",
        "2023-06-01").doesNotContain("/api/");
    String filingNo = match(record, "name=\"applicationNo\" value=\"(BA\\d+)\"");
    assertThat(checker.errors(html)).isEmpty();

    // the receipt of its filing, as a PDF whose text holds its name and code
    MultiValueMap<String, Object> download = form(filed.filingCode(), filed.token());
    download.add("applicationNo", filingNo);
    HttpHeaders browser = new HttpHeaders();
    browser.setContentType(MediaType.MULTIPART_FORM_DATA);
    browser.setAccept(List.of(MediaType.TEXT_HTML));
    ResponseEntity<byte[]> pdf = http.postForEntity("/institution/receipt", new HttpEntity<>(download, browser),
        byte[].class);
    assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(pdf.getHeaders().getContentDisposition().getFilename()).startsWith("备案回执-HZ").endsWith(".pdf");
    assertThat(cn.hrss.assessment.support.Pdfs.text(pdf.getBody())).contains("郑州示例延续机床有限公司", filed.filingCode());

    // another institution's application is not this one's receipt; another token opens nothing
    String otherNo = match(post("/institution", form(other.filingCode(), other.token())).getBody(),
        "name=\"applicationNo\" value=\"(BA\\d+)\"");
    MultiValueMap<String, Object> foreign = form(filed.filingCode(), filed.token());
    foreign.add("applicationNo", otherNo);
    ResponseEntity<String> notOurs = post("/institution/receipt", foreign);
    assertThat(notOurs.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(notOurs.getBody()).contains("没有该申请的回执");
    MultiValueMap<String, Object> wrongToken = form(filed.filingCode(), other.token());
    wrongToken.add("applicationNo", filingNo);
    assertThat(post("/institution/receipt", wrongToken).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void terminationAsksForConfirmationFirstAndOnlyTheConfirmedPostTerminates() {
    Filed filed = file();
    jobs.moveClockTo(LocalDateTime.of(2024, 3, 4, 9, 0));

    MultiValueMap<String, Object> blank = form(filed.filingCode(), filed.token());
    blank.add("reason", " ");
    ResponseEntity<String> refused = post("/institution/termination", blank);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("必填：请说明终止评价工作的原因");

    MultiValueMap<String, Object> request = form(filed.filingCode(), filed.token());
    request.add("reason", "企业转型，不再开展评价工作");
    ResponseEntity<String> confirm = post("/institution/termination", request);
    assertThat(confirm.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(confirm.getBody()).contains("请确认：注销后备案立即终止，不能撤销", "注销原因：企业转型，不再开展评价工作",
        "id=\"confirm-termination\"", "id=\"cancel-termination\"").doesNotContain("id=\"submit-change\"");
    assertThat(checker.errors(confirm.getBody())).isEmpty();
    assertThat(registry.findByFilingCode(filed.filingCode()).orElseThrow().status()).isEqualTo(InstitutionStatus.ACTIVE);

    MultiValueMap<String, Object> other = form(filed.filingCode(), "不是这个令牌");
    other.add("reason", "企业转型，不再开展评价工作");
    other.add("confirm", "yes");
    assertThat(post("/institution/termination", other).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    HttpHeaders crossSite = new HttpHeaders();
    crossSite.set("Sec-Fetch-Site", "cross-site");
    request.add("confirm", "yes");
    assertThat(post("/institution/termination", request, crossSite).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(registry.findByFilingCode(filed.filingCode()).orElseThrow().status()).isEqualTo(InstitutionStatus.ACTIVE);

    ResponseEntity<String> done = post("/institution/termination", request);
    assertThat(done.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(done.getBody()).contains("已注销备案", "备案编码移入废置库", "备案状态为“终止备案”")
        .doesNotContain("id=\"submit-change\"", "id=\"request-termination\"");
    assertThat(checker.errors(done.getBody())).isEmpty();
    assertThat(registry.findByFilingCode(filed.filingCode()).orElseThrow().status())
        .isEqualTo(InstitutionStatus.TERMINATED);
    jobs.runDue();
    assertThat(InstitutionRenewalProcessIT.subjectsTo(LifecycleFixtures.EMAIL))
        .contains("评价机构注销备案确认（" + filed.filingCode() + "）");
  }

  private Filed file() {
    FilingApplication application = LifecycleFixtures.renewalApplication(LifecycleFixtures.freshEmployerCode());
    ResponseEntity<JsonNode> created = http.postForEntity("/api/filings",
        Applications.multipart(json, application, Map.of("备案申请表.pdf", LifecycleFixtures.PDF)), JsonNode.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String no = created.getBody().get("applicationNo").asText();
    complete(no, "Task_ReviewCompleteness", "officer", cn.hrss.assessment.filing.Applications.acceptance());
    jobs.runDue();
    for (Task review : tasks.createTaskQuery().processInstanceBusinessKey(no).taskDefinitionKey("Task_ExpertReview").list()) {
      completeAs(review, review.getAssignee(), Map.of("expertOpinion", "PASS", "expertComment", "符合条件"));
    }
    jobs.runDue();
    complete(no, "Task_DecideFiling", "officer", cn.hrss.assessment.filing.Applications.approval());
    jobs.runDue();
    String filingCode = registry.findByCreditCode(application.creditCode()).get(0).filingCode();
    return new Filed(filingCode, created.getBody().get("accessToken").asText());
  }

  private void complete(String no, String key, String user, Map<String, Object> variables) {
    completeAs(tasks.createTaskQuery().processInstanceBusinessKey(no).taskDefinitionKey(key).singleResult(), user,
        variables);
  }

  private void completeAs(Task task, String user, Map<String, Object> variables) {
    identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream()
        .map(org.camunda.bpm.engine.identity.Group::getId).toList());
    try {
      tasks.complete(task.getId(), new HashMap<>(variables));
    } finally {
      identity.clearAuthentication();
    }
  }

  private static MultiValueMap<String, Object> form(String filingCode, String token) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("filingCode", filingCode);
    form.add("accessToken", token);
    return form;
  }

  private static MultiValueMap<String, Object> changeForm(Filed filed, String name, String address) {
    MultiValueMap<String, Object> form = form(filed.filingCode(), filed.token());
    form.add("name", name);
    form.add("address", address);
    form.add("legalRepresentative", "孙八");
    form.add("contact.name", "周九");
    form.add("contact.phone", "0371-5555");
    form.add("contact.email", LifecycleFixtures.EMAIL);
    return form;
  }

  /** The filed 铣工 kept at level 3, one occupation picked from the catalogue added at level 4, one material. */
  private static MultiValueMap<String, Object> scopeForm(Filed filed, String catalogueEntry) {
    MultiValueMap<String, Object> form = form(filed.filingCode(), filed.token());
    form.add("scope[0].code", "6-18-01-02");
    form.add("scope[0].name", "铣工");
    form.add("scope[0].track", "");
    form.add("scope[0].levels", "3");
    form.add("new.entry", catalogueEntry);
    form.add("new.levels", "4");
    form.add("files", file("变更申请表.pdf"));
    return form;
  }

  private static ByteArrayResource file(String name) {
    return new ByteArrayResource(LifecycleFixtures.PDF) {
      @Override
      public String getFilename() {
        return name;
      }
    };
  }

  private ResponseEntity<String> post(String path, MultiValueMap<String, Object> form) {
    return post(path, form, new HttpHeaders());
  }

  /** A multipart form post, as a browser sends the page's forms (same origin). */
  private ResponseEntity<String> post(String path, MultiValueMap<String, Object> form, HttpHeaders extra) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    headers.setAccept(List.of(MediaType.TEXT_HTML));
    headers.addAll(extra);
    return http.postForEntity(path, new HttpEntity<>(form, headers), String.class);
  }

  private static HttpHeaders bearer(String token) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(token);
    return headers;
  }

  private static String match(String html, String regex) {
    Matcher m = Pattern.compile(regex).matcher(html);
    assertThat(m.find()).as(regex).isTrue();
    return m.group(1);
  }
}
