package cn.hrss.assessment.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.codes.CreditCodes;
import cn.hrss.assessment.filing.Applications;
import cn.hrss.assessment.filing.FilingApplication;
import cn.hrss.assessment.notification.NotificationService;
import cn.hrss.assessment.registry.Institution;
import cn.hrss.assessment.registry.InstitutionRegistry;
import cn.hrss.assessment.registry.InstitutionType;
import cn.hrss.assessment.registry.NewInstitution;
import cn.hrss.assessment.registry.OccupationScope;
import cn.hrss.assessment.support.HtmlChecker;
import cn.hrss.assessment.support.IntegrationTest;
import cn.hrss.assessment.support.Jobs;
import cn.hrss.assessment.support.TestMail;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The public pages (公示, 名录, 公告, 申请进度, 案件查询) and the mails, with real data whose user-supplied texts are
 * hostile: every page and mail is valid HTML by the W3C's Nu Html Checker, and every user-supplied string is
 * shown as text, never as markup. The status pages show a filing or case only to the holder of its token.
 * Set-up runs once: a disciplinary case against an institution without address (its decision is announced,
 * the institution is suspended in the directory), then two filings: one in public notice, one asked for
 * supplements.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicPagesIT {

  /** Markup, both quotes and an ampersand: th:text must escape all of them. */
  static final String HOSTILE = "<script>alert(1)</script>\"'&";
  static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";
  static final byte[] PDF = "%PDF-1.7\n%public pages test\n".getBytes();

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired Jobs jobs;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired InstitutionRegistry registry;
  @Autowired NotificationService notifications;

  final HtmlChecker checker = new HtmlChecker();
  final List<String> businessKeys = new ArrayList<>();
  final List<String> mails = new ArrayList<>();
  Institution suspended;
  String caseNo;
  String caseToken;
  String noticeNo;
  String noticeToken;
  String supplementNo;
  String supplementToken;

  @BeforeAll
  void fileCasesAndApplications() throws Exception {
    TestMail.reset();
    jobs.moveClockTo(LocalDateTime.of(2026, 3, 2, 9, 0));
    String first17 = String.format("91410100MC%07d", System.nanoTime() % 10_000_000);
    suspended = registry.register(new NewInstitution(InstitutionType.SOCIAL_ORG, "公开页面测试评价机构" + HOSTILE,
        first17 + CreditCodes.checkCharacter(first17), "41", "郑州市测试路 8 号" + HOSTILE, null, "PUBLIC-PAGES-IT",
        List.of(new OccupationScope("6-31-99-01", "测试工种", null, List.of(4))), null));

    // A case against the institution; no address, so its decision is announced (002 Annex 2 Art. 17).
    Map<String, Object> intake = new LinkedHashMap<>();
    intake.put("partyType", "INSTITUTION");
    intake.put("source", "COMPLAINT");
    intake.put("party", Map.of("name", suspended.name(), "filingCode", suspended.filingCode()));
    intake.put("facts", "招生广告宣传“包过”" + HOSTILE);
    HttpHeaders officer = new HttpHeaders();
    officer.setBasicAuth("discipline", "discipline");
    JsonNode opened = http.exchange("/api/discipline/cases", HttpMethod.POST, new HttpEntity<>(intake, officer),
        JsonNode.class).getBody();
    caseNo = opened.get("caseNo").asText();
    caseToken = opened.get("accessToken").asText();
    businessKeys.add(caseNo);
    complete(caseNo, "Task_DetermineViolation", "discipline", Map.of("violationArticle", 13, "violationItem", 4,
        "findings", "经核实" + HOSTILE));
    jobs.runDue();
    jobs.moveClockTo(LocalDateTime.of(2026, 3, 10, 9, 0)); // the statement window has closed
    jobs.runDue();
    complete(caseNo, "Task_IssueDecision", "discipline", Map.of("decisionApproved", true, "decisionNote", HOSTILE));
    jobs.runDue();

    // A social organisation in public notice, and one asked for supplements.
    JsonNode submitted = submit(application("公开页面测试协会" + HOSTILE));
    noticeNo = submitted.get("applicationNo").asText();
    noticeToken = submitted.get("accessToken").asText();
    businessKeys.add(noticeNo);
    complete(noticeNo, "Task_ReviewCompleteness", "officer", cn.hrss.assessment.filing.Applications.acceptance());
    jobs.runDue();
    for (Task review : tasks.createTaskQuery().processInstanceBusinessKey(noticeNo).taskDefinitionKey("Task_ExpertReview").list()) {
      complete(review, review.getAssignee(), Map.of("expertOpinion", "PASS", "expertComment", "符合要求" + HOSTILE));
    }
    jobs.runDue();
    // A citizen objects through the page's form (post/redirect/get to /notices?submitted=…).
    ResponseEntity<String> objection = post("/notices/" + noticeNo + "/objections",
        Map.of("name", "异议人" + HOSTILE, "contact", "13800000000" + HOSTILE, "content", "场地不足" + HOSTILE));
    assertThat(objection.getStatusCode().is3xxRedirection() ? objection.getHeaders().getLocation().toString()
        : objection.getBody()).contains(noticeNo);
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(noticeNo).taskDefinitionKey("Task_ReviewObjection")
        .count()).isEqualTo(1);

    submitted = submit(application("公开页面补正测试协会" + HOSTILE));
    supplementNo = submitted.get("applicationNo").asText();
    supplementToken = submitted.get("accessToken").asText();
    businessKeys.add(supplementNo);
    complete(supplementNo, "Task_ReviewCompleteness", "officer", Map.of("acceptanceDecision", "REQUEST_SUPPLEMENT",
        "acceptanceComment", "请补充场地证明" + HOSTILE));
    jobs.runDue();

    for (MimeMessage message : TestMail.server().getReceivedMessages()) {
      mails.add(html(message));
    }
  }

  @AfterAll
  void removeOurProcesses() {
    // The context is shared with other tests: none of our timers may fire (and send mail) in theirs.
    List<String> ids = businessKeys.stream().flatMap(key -> runtime.createProcessInstanceQuery()
        .processInstanceBusinessKeyLike(key + "%").list().stream()).map(pi -> pi.getId()).toList();
    if (!ids.isEmpty()) {
      runtime.deleteProcessInstancesIfExists(ids, "test finished", true, true, false);
    }
    jobs.resetClock();
  }

  // ------------------------------------------------------------------ valid HTML

  @Test
  void everyPublicPageIsValidHtml() {
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("/notices with an open notice", get("/notices"));
    pages.put("/notices after an objection", get("/notices?submitted=" + noticeNo));
    pages.put("/notices with a refused objection",
        post("/notices/" + noticeNo + "/objections", Map.of("name", "", "contact", "", "content", "")).getBody());
    pages.put("/directory with results", get("/directory?q=公开页面测试"));
    pages.put("/directory without results", get("/directory?q=没有这个机构"));
    pages.put("/announcements with an entry", get("/announcements"));
    pages.put("/status blank", get("/status"));
    pages.put("/status in public notice", status(noticeNo, noticeToken).getBody());
    pages.put("/status asked for supplements", status(supplementNo, supplementToken).getBody());
    pages.put("/status wrong token", status(noticeNo, "falsch").getBody());
    pages.put("/case-status blank", get("/case-status"));
    pages.put("/case-status with the case", caseStatus(caseNo, caseToken).getBody());
    pages.put("/case-status wrong token", caseStatus(caseNo, "falsch").getBody());

    assertThat(pages.get("/notices with an open notice")).contains(noticeNo)
        .contains("三级/高级工、</span><span>四级/中级工").doesNotContain("4、3").contains("57号附件1");
    assertThat(pages.get("/directory with results")).contains(suspended.filingCode()).contains("57号附件1");
    // Disciplinary pages cite the disciplinary guideline (002 Annex 2), not the filing guide.
    assertThat(pages.get("/announcements with an entry")).contains(caseNo).contains("57号附件2").doesNotContain("57号附件1");
    assertThat(pages.get("/case-status with the case")).contains("57号附件2");
    pages.forEach((page, html) -> assertThat(checker.errors(html)).as(page).isEmpty());
  }

  @Test
  void mailsAreValidHtml() {
    assertThat(mails).as("mails sent during set-up").hasSizeGreaterThanOrEqualTo(2);
    mails.forEach(mail -> assertThat(checker.errors(mail)).as(mail).isEmpty());
    sampleMails().forEach((template, html) -> assertThat(checker.errors(html)).as(template).isEmpty());
  }

  // ------------------------------------------------------------------ escaping

  @Test
  void userSuppliedTextIsShownAsTextOnEveryPublicPage() {
    Map<String, String> pages = Map.of(
        "/notices", get("/notices"),
        "/directory", get("/directory?q=公开页面测试"),
        "/announcements", get("/announcements"),
        "/status (notice)", status(noticeNo, noticeToken).getBody(),
        "/status (supplement)", status(supplementNo, supplementToken).getBody(),
        "/case-status", caseStatus(caseNo, caseToken).getBody());
    pages = new LinkedHashMap<>(pages);
    // what the page echoes from the request: the number of the objection just received
    pages.put("/notices?submitted=", http.getForEntity("/notices?submitted={no}", String.class, HOSTILE).getBody());
    pages.forEach((page, html) -> assertThat(html).as(page)
        .contains(ESCAPED)
        .doesNotContain("<script>alert(1)")
        .doesNotContain("</script>\"'&"));
  }

  @Test
  void userSuppliedTextIsShownAsTextInMails() {
    List<String> all = new ArrayList<>(mails);
    all.addAll(sampleMails().values());
    assertThat(all).anySatisfy(mail -> assertThat(mail).contains("公开页面测试协会" + ESCAPED));
    assertThat(all).anySatisfy(mail -> assertThat(mail).contains("请补充场地证明" + ESCAPED));
    all.forEach(mail -> assertThat(mail).doesNotContain("<script>alert(1)").doesNotContain("</script>\"'&"));
  }

  // ------------------------------------------------------------------ status pages

  @Test
  void theStatusPageShowsTheApplicationToTheTokenHolder() {
    ResponseEntity<String> page = status(" " + noticeNo.toLowerCase() + " ", noticeToken);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getHeaders().getCacheControl()).isEqualTo("no-store");
    assertThat(page.getBody())
        .contains("公开页面测试协会" + ESCAPED, "公示中", "公示截止", "办理记录", "受理审查", "发布公示", "技术评审意见")
        .contains("aria-current=\"page\"")
        .doesNotContain(noticeToken);

    assertThat(status(supplementNo, supplementToken).getBody())
        .contains("待补正材料", "补正要求", "补正期限", "请补充场地证明" + ESCAPED, "前提交补正材料");
  }

  @Test
  void aWrongNumberAndAWrongTokenReadTheSame() {
    String wrongToken = errorOf(status(noticeNo, supplementToken).getBody());
    String unknownNumber = errorOf(status("BA2026999999", noticeToken).getBody());
    assertThat(wrongToken).isEqualTo(unknownNumber).contains("申请编号或查询令牌不正确");
    assertThat(status(noticeNo, supplementToken).getBody()).doesNotContain("公开页面测试协会");
    assertThat(errorOf(status(noticeNo, "").getBody())).contains("请填写申请编号和查询令牌");

    String wrongCaseToken = errorOf(caseStatus(caseNo, noticeToken).getBody());
    assertThat(wrongCaseToken).isEqualTo(errorOf(caseStatus("WJ2026-999999", caseToken).getBody()))
        .contains("案件编号或访问令牌不正确");
  }

  @Test
  void theCaseStatusPageShowsTheCaseToTheParty() {
    ResponseEntity<String> page = caseStatus(caseNo, caseToken);
    assertThat(page.getHeaders().getCacheControl()).isEqualTo("no-store");
    assertThat(page.getBody())
        .contains(caseNo, "公开页面测试评价机构" + ESCAPED, "处理决定已送达，复核申请期内", "申请复核期限", "第13条第4项")
        .contains("违纪违规行为处理决定书", "送达方式：公告", "经核实" + ESCAPED)
        .doesNotContain(caseToken);
  }

  @Test
  void formsPostedFromAnotherSiteAreRefused() {
    HttpHeaders crossSite = new HttpHeaders();
    crossSite.add("Sec-Fetch-Site", "cross-site");
    assertThat(post("/status", Map.of("applicationNo", noticeNo, "accessToken", noticeToken), crossSite)
        .getStatusCode().value()).isEqualTo(403);
    assertThat(post("/case-status", Map.of("caseNo", caseNo, "accessToken", caseToken), crossSite)
        .getStatusCode().value()).isEqualTo(403);
    long objectionTasks = objectionTasks();
    assertThat(post("/notices/" + noticeNo + "/objections", Map.of("name", "外站", "contact", "x", "content", "y"),
        crossSite).getStatusCode().value()).isEqualTo(403);
    HttpHeaders foreignOrigin = new HttpHeaders();
    foreignOrigin.add("Origin", "https://attacker.example"); // a browser without Sec-Fetch-Site
    assertThat(post("/notices/" + noticeNo + "/objections", Map.of("name", "外站", "contact", "x", "content", "y"),
        foreignOrigin).getStatusCode().value()).isEqualTo(403);
    assertThat(objectionTasks()).as("refused objections change nothing").isEqualTo(objectionTasks);

    HttpHeaders sameOrigin = new HttpHeaders();
    sameOrigin.add("Sec-Fetch-Site", "same-origin");
    assertThat(post("/status", Map.of("applicationNo", noticeNo, "accessToken", noticeToken), sameOrigin).getBody())
        .contains("公示中");
  }

  // ------------------------------------------------------------------ helpers

  /** Mail templates rendered as mailed, with hostile values in every user-supplied field. */
  Map<String, String> sampleMails() {
    Map<String, Object> discipline = new HashMap<>();
    discipline.put("caseNo", "WJ2026-000001");
    discipline.put("partyName", HOSTILE);
    discipline.put("partyTypeLabel", "参评人员");
    discipline.put("partyIdMasked", "410105********0011");
    discipline.put("facts", HOSTILE);
    discipline.put("reasons", HOSTILE);
    discipline.put("legalBasis", HOSTILE);
    discipline.put("sanctions", List.of(HOSTILE));
    discipline.put("severityLabel", "情节严重");
    discipline.put("deadline", LocalDate.of(2026, 3, 9));
    discipline.put("issuedOn", LocalDate.of(2026, 3, 2));
    discipline.put("statementUrl", "http://localhost/api/discipline/cases/WJ2026-000001/statements");
    discipline.put("appealUrl", "http://localhost/api/discipline/cases/WJ2026-000001/appeals");
    discipline.put("accessToken", "token");
    discipline.put("caseStatusUrl", "http://localhost/case-status");
    discipline.put("statementResponse", HOSTILE);
    discipline.put("decisionNote", HOSTILE);
    discipline.put("copy", true);
    Map<String, String> rendered = new LinkedHashMap<>();
    for (String template : List.of("discipline-notice-of-intent", "discipline-decision", "discipline-drop-notice")) {
      rendered.put(template, notifications.renderHtml(template, discipline));
    }
    rendered.put("filing-refusal-intended", notifications.renderHtml("filing-refusal-intended",
        Map.of("applicantName", HOSTILE, "applicationNo", "BA2026000001", "intendedRefusalReason", HOSTILE)));
    rendered.put("filing-submitted", notifications.renderHtml("filing-submitted", Map.of("applicantName", HOSTILE,
        "applicationNo", "BA2026000001", "accessToken", "token", "statusUrl", "http://localhost/status")));
    return rendered;
  }

  static String errorOf(String page) {
    int start = page.indexOf("<div class=\"errors\"");
    assertThat(start).as("error message on the page").isNotNegative();
    return page.substring(start, page.indexOf("</div>", start));
  }

  String get(String path) {
    ResponseEntity<String> page = http.getForEntity(path, String.class);
    assertThat(page.getStatusCode().value()).as(path).isEqualTo(200);
    return page.getBody();
  }

  ResponseEntity<String> status(String applicationNo, String token) {
    return post("/status", Map.of("applicationNo", applicationNo, "accessToken", token));
  }

  ResponseEntity<String> caseStatus(String no, String token) {
    return post("/case-status", Map.of("caseNo", no, "accessToken", token));
  }

  ResponseEntity<String> post(String path, Map<String, String> fields) {
    return post(path, fields, new HttpHeaders());
  }

  /** A plain HTML form post, as a browser sends it. */
  ResponseEntity<String> post(String path, Map<String, String> fields, HttpHeaders extra) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    fields.forEach(form::add);
    HttpHeaders headers = new HttpHeaders();
    headers.putAll(extra);
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    return http.exchange(path, HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
  }

  FilingApplication application(String name) {
    return new FilingApplication("SOCIAL_ORG", name, Applications.freshSocialOrgCode(), "PRIVATE_NON_ENTERPRISE",
        "王五", "41", "郑州市金水区花园路 1 号" + HOSTILE,
        new FilingApplication.Contact("李四", "0371-12345678", "apply@social.example.cn"),
        List.of(new FilingApplication.Occupation("6-18-01-01", "车工", "数控车床", List.of(4, 3))), List.of(),
        Applications.allTrue());
  }

  JsonNode submit(FilingApplication application) {
    ResponseEntity<JsonNode> created = http.postForEntity("/api/filings",
        Applications.multipart(json, application, Map.of("备案申请表.pdf", PDF)), JsonNode.class);
    assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
    return created.getBody();
  }

  void complete(String businessKey, String taskKey, String user, Map<String, Object> variables) {
    complete(tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey).singleResult(),
        user, variables);
  }

  /** Completes as {@code user}, authenticated as in Tasklist, so the server-side completion checks apply. */
  void complete(Task task, String user, Map<String, Object> variables) {
    identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList());
    try {
      tasks.complete(task.getId(), new HashMap<>(variables));
    } finally {
      identity.clearAuthentication();
    }
  }

  /** The text/html part of a received mail. */
  static String html(Part part) throws Exception {
    if (part.isMimeType("text/html")) {
      return (String) part.getContent();
    }
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        String html = html(multipart.getBodyPart(i));
        if (html != null) {
          return html;
        }
      }
    }
    return null;
  }

  private long objectionTasks() {
    return tasks.createTaskQuery().processInstanceBusinessKey(noticeNo).taskDefinitionKey("Task_ReviewObjection").count();
  }
}
