package cn.hrss.assessment.site;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 19 item 10 through HTTP, on H2 and PostgreSQL: a national social organisation is filed first with the ministry
 * ({@code filingLevel} = MINISTRY: accepted and decided by {@code ministry-approvers}) and gets S + the next
 * 0001-9999; it registers sites ({@code POST /api/institutions/{code}/sites}), each confirmed by the officers of the
 * site's province, which assigns the serial (Henan: with the city code in positions 8-9).
 */
@IntegrationTest
class MinistrySitesApiIT {

  static final byte[] PDF = "%PDF-1.7\n%site test\n".getBytes();
  static final String SITE_EMAIL = "site@ministry-sites.example.cn";

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired IdentityService identity;
  @Autowired Jobs jobs;
  @Autowired InstitutionRegistry registry;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void setUp() {
    TestMail.reset();
    jobs.moveClockTo(LocalDateTime.of(2026, 9, 21, 10, 0));
  }

  @AfterEach
  void tearDown() {
    // The context is shared: no filing timer of ours may fire (and mail managers) in another test.
    List<String> running = runtime.createProcessInstanceQuery()
        .processDefinitionKeyIn("InstitutionFilingProcess", "BranchFilingProcess", SiteProcess.KEY).list().stream()
        .map(ProcessInstance::getId).toList();
    if (!running.isEmpty()) {
      runtime.deleteProcessInstancesIfExists(running, "test finished", true, true, false);
    }
    jobs.resetClock();
  }

  @Test
  void aNationalSocialOrganisationIsFiledByTheMinistryWithTheNextSNumberAndItsSitesAreCodedByTheirProvinces() {
    long next = jdbc.queryForObject("SELECT next_value FROM registry_code_sequence WHERE name = 'MINISTRY-S'",
        Long.class);
    FilingApplication application = Applications.ministrySocialOrg("11");
    ResponseEntity<JsonNode> created = http.postForEntity("/api/filings",
        Applications.multipart(json, application, Map.of("备案申请表.pdf", PDF)), JsonNode.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String no = created.getBody().get("applicationNo").asText();
    String token = created.getBody().get("accessToken").asText();

    // 人社鉴发〔2019〕2号 Annex 1 §二(二): the ministry accepts and decides, not Beijing's officers.
    Task acceptance = task(no, "Task_ReviewCompleteness");
    assertThat(groups(acceptance)).contains("ministry-approvers").doesNotContain("acceptance-officers-11");
    completeAs(acceptance, "approver", Applications.acceptance());
    jobs.runDue();
    for (Task review : tasks.createTaskQuery().processInstanceBusinessKey(no).taskDefinitionKey("Task_ExpertReview")
        .list()) {
      completeAs(review, review.getAssignee(), Map.of("expertOpinion", "PASS", "expertComment", "符合条件"));
    }
    jobs.runDue();
    assertThat(status(no, token).get("status").asText()).isEqualTo("PUBLIC_NOTICE");
    jobs.moveClockTo(LocalDateTime.of(2026, 9, 30, 9, 0));
    jobs.runDue();
    Task decision = task(no, "Task_DecideFiling");
    assertThat(groups(decision)).contains("ministry-approvers").doesNotContain("acceptance-officers-11");
    completeAs(decision, "approver", Applications.approval());
    jobs.runDue();

    JsonNode filed = status(no, token);
    assertThat(filed.get("status").asText()).isEqualTo("FILED");
    String code = filed.get("filingCode").asText();
    // S + the ministry's next number (never 0000) + Beijing + Beijing's site serial.
    assertThat(code).matches("S\\d{4}11\\d{6}");
    assertThat(code.substring(1, 5)).isEqualTo(String.format("%04d", next)).isNotEqualTo("0000");
    if (next == 1) {
      assertThat(code).startsWith("S000111");
    }
    // Filed by the ministry itself: nothing to report upwards (004 Art. 10; LifecycleRecipients.upwardsOf).
    assertThat(registry.findByFilingCode(code).orElseThrow().reportedUpwardsAt()).isNull();

    // Bad input: field errors as problem+json, nothing stored, no process started.
    assertThat(postSite(code, null, site("33", null)).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    Map<String, Object> bad = site("99", "01");
    bad.put("contact", Map.of("name", "张三", "phone", "1", "email", "no-mail"));
    ResponseEntity<JsonNode> refused = postSite(code, token, bad);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(fields(refused)).containsExactlyInAnyOrder("province", "contact.email");
    ResponseEntity<JsonNode> wrongCity = postSite(code, token, site("33", "01"));
    assertThat(fields(wrongCity)).containsExactly("cityCode");
    assertThat(siteRequests(code)).isZero();

    // A site in Zhejiang, confirmed by Zhejiang's officer: positions 1-5 the organisation's, 6-7 = 33.
    ResponseEntity<JsonNode> zhejiang = postSite(code, token, site("33", null));
    assertThat(zhejiang.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String siteNo = zhejiang.getBody().get("siteNo").asText();
    assertThat(zhejiang.getBody().get("confirmingGroup").asText()).isEqualTo("provincial-officers-33");
    Task confirm = task(siteNo, SiteProcess.Ids.CONFIRM);
    assertThat(groups(confirm)).containsExactly("provincial-officers-33");
    // Re-validated on the server: a rejection needs its reasons.
    ResponseEntity<String> noReason = completeRest("officer33", confirm, Map.of("siteDecision", "REJECT"));
    assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noReason.getBody()).contains("不予确认时必填");
    assertThat(completeRest("officer33", confirm, Map.of("siteDecision", "CONFIRM")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    jobs.runDue();
    List<Institution> sites = registry.branchesOf(code);
    assertThat(sites).singleElement().satisfies(s -> {
      assertThat(s.filingCode()).startsWith(code.substring(0, 5) + "33").matches("S\\d{4}33\\d{6}");
      assertThat(s.province()).isEqualTo("33");
      assertThat(s.occupations()).isNotEmpty();
    });
    String zhejiangCode = sites.get(0).filingCode();
    assertThat(TestMail.subjectsTo(SITE_EMAIL)).contains("评价站点备案确认（中国示例技能培训评价协会（浙江省评价站点），" + zhejiangCode + "）");
    assertThat(TestMail.subjectsTo(application.contact().email())).anyMatch(s -> s.contains(zhejiangCode));
    JsonNode listed = http.exchange("/api/institutions/" + code + "/sites", HttpMethod.GET,
        new HttpEntity<>(bearer(token)), JsonNode.class).getBody();
    assertThat(listed.findValuesAsText("siteFilingCode")).contains(zhejiangCode);
    // The site appears in the directory under its organisation.
    String directory = http.getForEntity("/directory?q=" + code, String.class).getBody();
    assertThat(directory).contains("评价站点：", zhejiangCode);

    // A site in Henan with its city code (001 豫职鉴〔2020〕2号 §二(四): 12 三门峡市), set by Henan's officer.
    ResponseEntity<JsonNode> henan = postSite(code, token, site("41", "12"));
    assertThat(henan.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    Task henanTask = task(henan.getBody().get("siteNo").asText(), SiteProcess.Ids.CONFIRM);
    assertThat(groups(henanTask)).containsExactly("provincial-officers-41");
    ResponseEntity<String> badCity = completeRest("officer", henanTask,
        Map.of("siteDecision", "CONFIRM", "cityCode", "29"));
    assertThat(badCity.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(completeRest("officer", henanTask, Map.of("siteDecision", "CONFIRM", "cityCode", "12"))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    jobs.runDue();
    assertThat(registry.branchesOf(code)).extracting(Institution::filingCode)
        .anyMatch(c -> c.matches(code.substring(0, 5) + "4112[0-8]\\d{3}"));

    // A rejected site is first told the reasons and heard (issue 19 item 6), then refused with no code.
    ResponseEntity<JsonNode> guangdong = postSite(code, token, site("44", null));
    String guangdongNo = guangdong.getBody().get("siteNo").asText();
    Task guangdongTask = task(guangdongNo, SiteProcess.Ids.CONFIRM);
    assertThat(completeRest("officer", guangdongTask, Map.of("siteDecision", "REJECT", "siteComment", "考核场地尚未建成"))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    jobs.runDue();
    assertThat(TestMail.subjectsTo(SITE_EMAIL)).contains("拟不予确认评价站点告知（中国示例技能培训评价协会（广东省评价站点））")
        .doesNotContain("评价站点不予确认通知（中国示例技能培训评价协会（广东省评价站点））");
    assertThat(postStatement(code, null, guangdongNo, "{\"content\":\"陈述\"}").getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<JsonNode> empty = postStatement(code, token, guangdongNo, "{\"content\":\"\"}");
    assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(empty)).containsExactly("content");
    assertThat(postStatement(code, token, guangdongNo, "{\"content\":\"场地将于下月建成，请暂缓决定。\"}")
        .getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(postStatement(code, token, guangdongNo, "{\"content\":\"再次陈述\"}").getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
    Task heard = task(guangdongNo, SiteProcess.Ids.CONFIRM);
    assertThat(runtime.getVariable(heard.getProcessInstanceId(), SiteProcess.Vars.STATEMENT))
        .isEqualTo("场地将于下月建成，请暂缓决定。");
    assertThat(completeRest("officer", heard, Map.of("siteDecision", "REJECT", "siteComment", "考核场地尚未建成"))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    jobs.runDue();
    assertThat(registry.branchesOf(code)).hasSize(2);
    assertThat(TestMail.subjectsTo(SITE_EMAIL)).contains("评价站点不予确认通知（中国示例技能培训评价协会（广东省评价站点））");
    assertThat(TestMail.textsTo(SITE_EMAIL)).anyMatch(t -> t.contains("考核场地尚未建成"));
  }

  @Test
  void aNationalOrganisationThatFilesWithItsProvinceIsTheProvincesCaseWithCode0000AndNoSites() {
    // 人社鉴发〔2019〕2号 Annex 1 §二(二) 表 3: filed first with the province → 0000, whatever the registration.
    FilingApplication application = Applications.ministrySocialOrg("41").withFilingLevel(FilingApplication.PROVINCE);
    ResponseEntity<JsonNode> created = http.postForEntity("/api/filings",
        Applications.multipart(json, application, Map.of("备案申请表.pdf", PDF)), JsonNode.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String no = created.getBody().get("applicationNo").asText();
    String token = created.getBody().get("accessToken").asText();
    Task acceptance = task(no, "Task_ReviewCompleteness");
    assertThat(groups(acceptance)).contains("acceptance-officers-41").doesNotContain("ministry-approvers");
    completeAs(acceptance, "officer", Applications.acceptance());
    jobs.runDue();
    for (Task review : tasks.createTaskQuery().processInstanceBusinessKey(no).taskDefinitionKey("Task_ExpertReview")
        .list()) {
      completeAs(review, review.getAssignee(), Map.of("expertOpinion", "PASS", "expertComment", "符合条件"));
    }
    jobs.runDue();
    jobs.moveClockTo(LocalDateTime.of(2026, 9, 30, 9, 0));
    jobs.runDue();
    completeAs(task(no, "Task_DecideFiling"), "officer", Applications.approval());
    jobs.runDue();
    String code = status(no, token).get("filingCode").asText();
    assertThat(code).matches("S000041\\d{6}");
    // Filed by Henan: reported to the ministry (001 人社鉴发〔2019〕3号 §二).
    assertThat(registry.findByFilingCode(code).orElseThrow().reportedUpwardsAt()).isNotNull();
    ResponseEntity<JsonNode> refused = postSite(code, token, site("33", null));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(refused.getBody().path("detail").asText()).contains("0000", "人社鉴发〔2019〕2号");
    assertThat(siteRequests(code)).isZero();

    // A national organisation's credit code is no ministry case by itself, and a provincial one cannot be one.
    ResponseEntity<JsonNode> provincial = http.postForEntity("/api/filings", Applications.multipart(json,
        Applications.socialOrg(Applications.freshSocialOrgCode()).withFilingLevel(FilingApplication.MINISTRY),
        Map.of("备案申请表.pdf", PDF)), JsonNode.class);
    assertThat(provincial.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(provincial)).containsExactly("filingLevel");
  }

  // ------------------------------------------------------------------ helpers

  static Map<String, Object> site(String province, String cityCode) {
    Map<String, Object> site = new HashMap<>(Map.of("province", province, "address", "站点地址 1 号",
        "contact", Map.of("name", "张三", "phone", "0571-1234567", "email", SITE_EMAIL)));
    if (cityCode != null) {
      site.put("cityCode", cityCode);
    }
    return site;
  }

  ResponseEntity<JsonNode> postStatement(String code, String token, String siteNo, String body) {
    HttpHeaders headers = token == null ? new HttpHeaders() : bearer(token);
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange("/api/institutions/" + code + "/sites/" + siteNo + "/statements", HttpMethod.POST,
        new HttpEntity<>(body, headers), JsonNode.class);
  }

  ResponseEntity<JsonNode> postSite(String code, String token, Map<String, Object> site) {
    HttpHeaders headers = token == null ? new HttpHeaders() : bearer(token);
    headers.setContentType(MediaType.APPLICATION_JSON);
    try {
      return http.exchange("/api/institutions/" + code + "/sites", HttpMethod.POST,
          new HttpEntity<>(json.writeValueAsString(site), headers), JsonNode.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  int siteRequests(String code) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM site_application WHERE parent_filing_code = ?",
        Integer.class, code);
    return count == null ? 0 : count;
  }

  JsonNode status(String no, String token) {
    return http.exchange("/api/filings/" + no, HttpMethod.GET, new HttpEntity<>(bearer(token)), JsonNode.class)
        .getBody();
  }

  Task task(String businessKey, String key) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(key).singleResult();
    assertThat(task).as(key + " of " + businessKey).isNotNull();
    return task;
  }

  List<String> groups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
        .filter(java.util.Objects::nonNull).toList();
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

  /** Completes through engine REST as Tasklist does, so the server-side checks answer 400. */
  ResponseEntity<String> completeRest(String user, Task task, Map<String, Object> values) {
    Map<String, Object> variables = new HashMap<>();
    values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, user).exchange("/engine-rest/task/" + task.getId() + "/complete",
        HttpMethod.POST, new HttpEntity<>(Map.of("variables", variables), headers), String.class);
  }

  static HttpHeaders bearer(String token) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(token);
    return headers;
  }

  static List<String> fields(ResponseEntity<JsonNode> problem) {
    List<String> fields = new ArrayList<>();
    problem.getBody().path("errors").forEach(e -> fields.add(e.path("field").asText()));
    return fields;
  }
}
