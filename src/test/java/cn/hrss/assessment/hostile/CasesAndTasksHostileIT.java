package cn.hrss.assessment.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.codes.CreditCodes;
import cn.hrss.assessment.codes.ResidentIdNumbers;
import cn.hrss.assessment.filing.Applications;
import cn.hrss.assessment.registry.Institution;
import cn.hrss.assessment.registry.InstitutionRegistry;
import cn.hrss.assessment.registry.InstitutionType;
import cn.hrss.assessment.registry.NewInstitution;
import cn.hrss.assessment.registry.OccupationScope;
import cn.hrss.assessment.support.TestMail;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Hostile input against the disciplinary API (intake, case status, statements, appeals, bans, archive check) and
 * against EVERY user task completion of the three processes through engine REST, as Tasklist sends them
 * ({@code POST /engine-rest/task/{id}/complete} and {@code /submit-form}) and the Tasklist start form of
 * DisciplinaryCaseProcess. Refused requests are 4xx and change nothing; the domain API answers problem+json with a
 * Chinese title, engine REST keeps Camunda's own error body ({@code {type, message}}, which Tasklist shows) and our
 * completion checks write the message in Chinese. Each task waits in a case of its own, set up once.
 */
class CasesAndTasksHostileIT {

  static final AtomicInteger IDS = new AtomicInteger(100 + (int) (System.nanoTime() % 800));

  static RunningApp app;
  static Http http;
  static Procedures procedures;
  static Institution school;
  /** Task definition key → the case (business key) waiting there. */
  static final Map<String, String> WAITING = new LinkedHashMap<>();
  static String windowCase;
  static String windowToken;
  static String appealCase;
  static String appealToken;
  static String otherToken;
  static Procedures.Submitted filing;
  /** Issues the decision under review: the administrator, who could otherwise complete any task. */
  static String decidedBy = "admin";

  @BeforeContainer
  static void start() throws Exception {
    app = RunningApp.start(Map.of());
    http = new Http(app.port());
    procedures = new Procedures(app, http);
    school = app.bean(InstitutionRegistry.class).register(new NewInstitution(InstitutionType.SOCIAL_ORG, "郑州市测试评价中心",
        creditCode(), "41", "郑州市测试路 1 号", "school@example.cn", "HOSTILE-SCHOOL",
        List.of(new OccupationScope("6-31-99-01", "测试工种", null, List.of(4, 3))), null));

    // Filing tasks.
    filing = procedures.submit(Applications.socialOrg(Procedures.creditCode("5241")));
    WAITING.put("Task_ReviewCompleteness", filing.applicationNo());
    Procedures.Submitted review = procedures.submit(Applications.socialOrg(Procedures.creditCode("5241")));
    procedures.complete(review.applicationNo(), "Task_ReviewCompleteness", "officer", cn.hrss.assessment.filing.Applications.acceptance());
    procedures.runJobs();
    WAITING.put("Task_ExpertReview", review.applicationNo());
    Procedures.Submitted notice = procedures.submit(Applications.socialOrg(Procedures.creditCode("5241")));
    procedures.acceptAndPassReview(notice.applicationNo());
    assertThat(http.postJson("/api/public-notices/" + notice.applicationNo() + "/objections",
        Procedures.json(Map.of("name", "张三", "contact", "13800000000", "content", "场地不符")), Map.of()).status())
        .isEqualTo(201);
    WAITING.put("Task_ReviewObjection", notice.applicationNo());
    Procedures.Submitted decide = procedures.submit(Applications.provincialEmployer(Procedures.creditCode("9141")));
    procedures.acceptAndPassReview(decide.applicationNo());
    WAITING.put("Task_DecideFiling", decide.applicationNo());
    Procedures.Submitted employer = procedures.submit(Applications.nationalEmployer(Procedures.creditCode("9111")));
    procedures.acceptAndPassReview(employer.applicationNo());
    procedures.complete(employer.applicationNo(), "Task_DecideFiling", "approver", cn.hrss.assessment.filing.Applications.approval());
    procedures.runJobs();
    WAITING.put("Task_ReviewBranch", employer.applicationNo() + "-B1");

    // Discipline tasks: one case per waiting state.
    WAITING.put("Task_DetermineViolation", openCase(candidate("待认定考生", "a@example.cn")).get("caseNo").asText());
    JsonNode window = openCase(candidate("<script>alert('当事人')</script>考生", "window@example.cn"));
    windowCase = window.get("caseNo").asText();
    windowToken = window.get("accessToken").asText();
    TestMail.reset();
    determine(windowCase);
    MimeMessage[] mails = TestMail.server().getReceivedMessages();
    assertThat(mails).as("notice of intent").isNotEmpty();
    noticeOfIntentHtml = PublicEndpointsHostileIT.htmlPartOf(mails[mails.length - 1]);

    JsonNode consider = openCase(candidate("陈述考生", "c@example.cn"));
    otherToken = consider.get("accessToken").asText();
    determine(consider.get("caseNo").asText());
    statement(consider, "本人当日确在考场。");
    WAITING.put("Task_ConsiderStatement", consider.get("caseNo").asText());

    JsonNode issue = openCase(candidate("签发考生", "i@example.cn"));
    determine(issue.get("caseNo").asText());
    statement(issue, "申辩");
    procedures.complete(issue.get("caseNo").asText(), "Task_ConsiderStatement", "discipline",
        Map.of("statementOutcome", "MAINTAIN", "statementResponse", "维持"));
    procedures.runJobs();
    WAITING.put("Task_IssueDecision", issue.get("caseNo").asText());

    // No address: the decision is served by public announcement (公告, 002 Annex 2 Art. 17), name and all.
    JsonNode appeal = openCase(candidate(ANNOUNCED_NAME, null));
    appealCase = appeal.get("caseNo").asText();
    appealToken = appeal.get("accessToken").asText();
    determine(appealCase);
    statement(appeal, "申辩");
    procedures.complete(appealCase, "Task_ConsiderStatement", "discipline",
        Map.of("statementOutcome", "MAINTAIN", "statementResponse", "维持"));
    procedures.runJobs();
    procedures.complete(appealCase, "Task_IssueDecision", decidedBy, Map.of("decisionApproved", true, "decisionNote", "同意"));
    procedures.runJobs();
    JsonNode reviewed = openCase(candidate("复核中考生", "v@example.cn"));
    determine(reviewed.get("caseNo").asText());
    statement(reviewed, "申辩");
    procedures.complete(reviewed.get("caseNo").asText(), "Task_ConsiderStatement", "discipline",
        Map.of("statementOutcome", "MAINTAIN", "statementResponse", "维持"));
    procedures.runJobs();
    procedures.complete(reviewed.get("caseNo").asText(), "Task_IssueDecision", decidedBy,
        Map.of("decisionApproved", true, "decisionNote", "同意"));
    procedures.runJobs();
    assertThat(http.postJson("/api/discipline/cases/" + reviewed.get("caseNo").asText() + "/appeals",
        Procedures.json(Map.of("content", "申请复核")), Http.bearer(reviewed.get("accessToken").asText())).status())
        .isEqualTo(201);
    WAITING.put("Task_ReviewAppeal", reviewed.get("caseNo").asText());
  }

  static String noticeOfIntentHtml;
  static final String ANNOUNCED_NAME = "<b onmouseover=alert(1)>公告</b>考生";

  @AfterContainer
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @BeforeProperty
  void current() {
    app.makeCurrent();
    RunningApp.pinClock();
  }

  static String creditCode() {
    String first17 = Procedures.creditCode("9141").substring(0, 17);
    return first17 + CreditCodes.checkCharacter(first17);
  }

  static String idNumber() {
    String first17 = String.format("41010519900501%03d", IDS.incrementAndGet() % 1000);
    return first17 + ResidentIdNumbers.checkCharacter(first17);
  }

  static Map<String, Object> candidate(String name, String email) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("partyType", "CANDIDATE");
    body.put("source", "EXAM_SITE_REPORT");
    body.put("party", new LinkedHashMap<>(Map.of("name", name, "idNumber", idNumber())));
    body.put("partyEmail", email);
    body.put("facts", "考场报告：由他人冒名顶替参加理论知识考试。");
    body.put("reporters", List.of("考务员 甲", "考务员 乙"));
    body.put("siteHeadConfirmed", true);
    body.put("institutionFilingCode", school.filingCode());
    return body;
  }

  static JsonNode openCase(Map<String, Object> intake) {
    Http.Response created = http.postJson("/api/discipline/cases", Procedures.json(intake), Http.basic("discipline"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json();
  }

  static void determine(String caseNo) {
    procedures.complete(caseNo, "Task_DetermineViolation", "discipline", Map.of("violationArticle", 7,
        "violationItem", 4, "severity", "SERIOUS", "findings", "经核对证件与现场照片，系他人冒名顶替。"));
    procedures.runJobs();
  }

  static void statement(JsonNode opened, String content) {
    Http.Response response = http.postJson("/api/discipline/cases/" + opened.get("caseNo").asText() + "/statements",
        Procedures.json(Map.of("content", content)), Http.bearer(opened.get("accessToken").asText()));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
  }

  static Snapshot snapshot() {
    return Snapshot.of(app.bean(JdbcTemplate.class), app.root());
  }

  static Http.Response refusedWithoutChange(Supplier<Http.Response> request) {
    Snapshot before = snapshot();
    Http.Response response = request.get().isProblem();
    assertThat(snapshot()).isEqualTo(before);
    return response;
  }

  // ------------------------------------------------------------------ POST /api/discipline/cases

  @Provide
  Arbitrary<String> spoiledIntakes() {
    Map<String, Integer> texts = Map.of("party.name", 200, "facts", 4_000, "partyEmail", 320,
        "authorityReference", 200, "institutionFilingCode", 32, "party.idNumber", 18);
    Arbitrary<String> textField = Arbitraries.of(texts.keySet());
    return Arbitraries.oneOf(
        Hostile.malformedJson(),
        Arbitraries.of("partyType", "source", "party", "facts", "party.name", "party.idNumber", "reporters",
            "siteHeadConfirmed", "institutionFilingCode").map(field -> spoil(tree -> PublicEndpointsHostileIT.remove(tree,
            field))),
        Combinators.combine(textField, Hostile.withControl()).as((field, value) -> spoil(tree ->
            PublicEndpointsHostileIT.set(tree, field, Http.JSON.getNodeFactory().textNode(value)))),
        textField.flatMap(field -> Hostile.longerThan(texts.get(field)).map(value -> spoil(tree ->
            PublicEndpointsHostileIT.set(tree, field, Http.JSON.getNodeFactory().textNode(value))))),
        // (blank is a valid staffRole and partyEmail of a candidate: "not given")
        Combinators.combine(Arbitraries.of("partyType", "source", "party.staffRole", "party.idNumber", "partyEmail"),
            Hostile.anything().filter(s -> !s.isBlank())).as((field, value) -> spoil(tree ->
            PublicEndpointsHostileIT.set(tree, field, Http.JSON.getNodeFactory().textNode(value)))),
        Arbitraries.of("\"考务员 甲、考务员 乙\"", "{\"a\":1}", "5", "[[\"甲\"],[\"乙\"]]").map(value -> spoil(tree ->
            PublicEndpointsHostileIT.set(tree, "reporters", readTree(value)))),
        Combinators.combine(Arbitraries.of("partyType", "party.name", "facts", "siteHeadConfirmed"),
            Hostile.notAString()).as((field, value) -> spoil(tree ->
            PublicEndpointsHostileIT.set(tree, field, Http.JSON.valueToTree(value)))),
        Hostile.longerThan(2_000).map(value -> spoil(tree ->
            PublicEndpointsHostileIT.set(tree, "reporters", Http.JSON.valueToTree(List.of(value, value))))),
        Arbitraries.of("\"yes\"", "0", "\"\"", "false").map(value -> spoil(tree ->
            PublicEndpointsHostileIT.set(tree, "siteHeadConfirmed", readTree(value)))),
        Hostile.anything().map(name -> spoil(tree -> tree.put("extra" + name.hashCode(), name))));
  }

  static String spoil(java.util.function.Consumer<ObjectNode> change) {
    ObjectNode tree = Http.JSON.valueToTree(candidate("某考生", "p@example.cn"));
    change.accept(tree);
    return tree.toString();
  }

  static JsonNode readTree(String json) {
    try {
      return Http.JSON.readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Regressions (were 500 or stored): facts longer than the process variable keeps (4000), a NUL in a name (fails the
   * insert on PostgreSQL), a statement longer than its column.
   */
  @Example
  void overLongOrControlledCaseTextIsRefused() {
    Map<String, Object> longFacts = candidate("某考生", "p@example.cn");
    longFacts.put("facts", "事".repeat(4001));
    refusedWithoutChange(() -> http.postJson("/api/discipline/cases", Procedures.json(longFacts), Http.basic("discipline")))
        .isProblem(400);
    Map<String, Object> nul = candidate("某\u0000考生", "p@example.cn");
    assertThat(refusedWithoutChange(() -> http.postJson("/api/discipline/cases", Procedures.json(nul),
        Http.basic("discipline"))).isProblem(400).body()).contains("party.name", "控制字符");
    refusedWithoutChange(() -> http.postJson("/api/discipline/cases/" + windowCase + "/statements",
        Procedures.json(Map.of("content", "陈".repeat(20_001))), Http.bearer(windowToken))).isProblem(400);
  }

  @Property(tries = 150)
  void spoiledIntakesAreRefusedAndStoreNothing(@ForAll("spoiledIntakes") String body) {
    refusedWithoutChange(() -> http.postJson("/api/discipline/cases", body, Http.basic("discipline"))).isProblem(400);
  }

  // ------------------------------------------------------------------ statements, appeals, status

  @Provide
  Arbitrary<String> spoiledSubmissions() {
    return Arbitraries.oneOf(Hostile.malformedJson(),
        Arbitraries.of("{}", "{\"content\":null}", "{\"content\":\"\"}", "{\"content\":\"   \"}"),
        Hostile.withControl().map(c -> Procedures.json(Map.of("content", c))),
        Hostile.longerThan(20_000).map(c -> Procedures.json(Map.of("content", c))),
        Hostile.notAString().map(c -> Procedures.json(Map.of("content", c))),
        Hostile.anything().map(c -> Procedures.json(Map.of("content", "陈述", "extra", c))));
  }

  @Property(tries = 100)
  void spoiledStatementsAndAppealsAreRefusedAndStoreNothing(@ForAll("spoiledSubmissions") String body,
      @ForAll boolean appeal) {
    String path = appeal ? "/api/discipline/cases/" + appealCase + "/appeals"
        : "/api/discipline/cases/" + windowCase + "/statements";
    refusedWithoutChange(() -> http.postJson(path, body, Http.bearer(appeal ? appealToken : windowToken))).isProblem(400);
  }

  /** A case token opens only its case; a filing token opens no case, a case token no filing. */
  @Property(tries = 60)
  void aTokenOpensOnlyItsOwnCase(@ForAll("foreignTokens") String token, @ForAll("partyCalls") String call) {
    Http.Response response = refusedWithoutChange(() -> switch (call) {
      case "status" -> http.get("/api/discipline/cases/" + windowCase, Http.bearer(token));
      case "statement" -> http.postJson("/api/discipline/cases/" + windowCase + "/statements",
          Procedures.json(Map.of("content", "冒用令牌")), Http.bearer(token));
      default -> http.postJson("/api/discipline/cases/" + appealCase + "/appeals",
          Procedures.json(Map.of("content", "冒用令牌")), Http.bearer(token.equals(windowToken) ? otherToken : token));
    });
    assertThat(response.status()).isIn(401, 403);
  }

  @Provide
  Arbitrary<String> partyCalls() {
    return Arbitraries.of("status", "statement", "appeal");
  }

  @Provide
  Arbitrary<String> foreignTokens() {
    return Arbitraries.oneOf(Arbitraries.of(otherToken, appealToken.equals(windowToken) ? otherToken : otherToken,
            filing.token(), windowToken + "A", windowToken.substring(2), " "),
        Arbitraries.strings().alpha().numeric().withChars("-_").ofMinLength(1).ofMaxLength(100));
  }

  @Example
  void aCaseTokenOpensNoFiling() {
    refusedWithoutChange(() -> http.get("/api/filings/" + filing.applicationNo(), Http.bearer(windowToken))).isProblem(403);
    refusedWithoutChange(() -> http.post("/api/filings/" + filing.applicationNo() + "/supplements",
        new Http.Multipart().file("files", "补正.pdf", "application/pdf", Procedures.PDF), Http.bearer(windowToken)))
        .isProblem(403);
  }

  @Property(tries = 40)
  void hostileCaseNumbersAreRefused(@ForAll("caseNumbers") String caseNo, @ForAll("partyCalls") String call) {
    String path = "/api/discipline/cases/" + URLEncoder.encode(caseNo, StandardCharsets.UTF_8).replace("+", "%20");
    refusedWithoutChange(() -> switch (call) {
      case "status" -> http.get(path, Http.basic("discipline"));
      case "statement" -> http.postJson(path + "/statements", Procedures.json(Map.of("content", "x")), Http.bearer(windowToken));
      default -> http.postJson(path + "/appeals", Procedures.json(Map.of("content", "x")), Http.basic("discipline"));
    });
  }

  @Provide
  Arbitrary<String> caseNumbers() {
    return Arbitraries.oneOf(Arbitraries.strings().alpha().numeric().withChars("-").ofMinLength(1).ofMaxLength(40),
        Arbitraries.of("WJ2026-000000", "WJ2026-", "' OR '1'='1", "<script>", "..", "%00"),
        Arbitraries.strings().withCharRange('一', '龥').ofMinLength(1).ofMaxLength(20));
  }

  @Property(tries = 60)
  void banQueriesRefuseWhatIsNoIdNumber(@ForAll("notIdNumbers") String idNumber) {
    refusedWithoutChange(() -> http.get("/api/sanctions/bans?idNumber=" + URLEncoder.encode(idNumber,
        StandardCharsets.UTF_8), Http.basic("discipline"))).isProblem(400);
  }

  @Provide
  Arbitrary<String> notIdNumbers() {
    return Arbitraries.oneOf(Hostile.anything(), Arbitraries.strings().numeric().ofLength(18)
            .filter(s -> !ResidentIdNumbers.isValid(s)), Arbitraries.integers().between(100, 2_000).map("1"::repeat))
        .filter(s -> !ResidentIdNumbers.isValid(s.strip().toUpperCase()));
  }

  /** Officers' discipline endpoints: anonymous 401, bad credentials 401, users outside the groups 403. */
  @Property(tries = 30)
  void officerEndpointsRefuseAnonymousAndWrongGroupCallers(@ForAll("officerCalls") String call,
      @ForAll("outsiders") String outsider) {
    Map<String, String> anonymous = Map.of();
    Map<String, String> wrong = Map.of("Authorization", Http.basicRaw("discipline:" + outsider));
    for (Map<String, String> credentials : List.of(anonymous, wrong)) {
      refusedWithoutChange(() -> officerCall(call, credentials)).isProblem(401);
    }
    refusedWithoutChange(() -> officerCall(call, Http.basic(outsider))).isProblem(403);
  }

  static Http.Response officerCall(String call, Map<String, String> credentials) {
    return switch (call) {
      case "open" -> http.postJson("/api/discipline/cases", Procedures.json(candidate("无权立案", "x@example.cn")), credentials);
      case "bans" -> http.get("/api/sanctions/bans?idNumber=" + idNumber(), credentials);
      case "verify" -> http.get("/api/discipline/archive/verify", credentials);
      default -> http.get("/api/discipline/cases/" + windowCase, credentials);
    };
  }

  @Provide
  Arbitrary<String> officerCalls() {
    return Arbitraries.of("open", "bans", "verify", "status");
  }

  @Provide
  Arbitrary<String> outsiders() {
    return Arbitraries.of("officer", "expert1", "approver");
  }

  @Example
  void markupInThePartysNameIsEscapedInTheNoticeOfIntentAndTheAnnouncement() {
    assertThat(noticeOfIntentHtml).contains(PublicEndpointsHostileIT.htmlEscape("<script>alert('当事人')</script>"));
    PublicEndpointsHostileIT.assertEscaped(noticeOfIntentHtml, List.of("<script>alert('当事人')</script>考生"));
    Http.Response page = http.get("/announcements", Map.of());
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains(appealCase, PublicEndpointsHostileIT.htmlEscape(ANNOUNCED_NAME));
    PublicEndpointsHostileIT.assertEscaped(page.body(), List.of(ANNOUNCED_NAME));
  }

  // ------------------------------------------------------------------ task completions through engine REST

  /** A user task and how to complete it validly, by whom; the fields it requires and their kinds. */
  record TaskShape(String key, String user, Map<String, Object> valid, Map<String, String> kinds) {}

  static final List<TaskShape> TASKS = List.of(
      new TaskShape("Task_ReviewCompleteness", "officer", Map.of("acceptanceDecision", "REJECT", "acceptanceComment", "不全"),
          Map.of("acceptanceDecision", "enum", "acceptanceComment", "text")),
      new TaskShape("Task_ExpertReview", null, Map.of("expertOpinion", "PASS", "expertComment", "符合"),
          Map.of("expertOpinion", "enum", "expertComment", "text")),
      new TaskShape("Task_ReviewObjection", "officer", Map.of("objectionUpheld", false, "objectionResponse", "不成立"),
          Map.of("objectionUpheld", "boolean", "objectionResponse", "text")),
      new TaskShape("Task_DecideFiling", "officer", Map.of("filingDecision", "REJECT", "decisionComment", "理由"),
          Map.of("filingDecision", "enum", "decisionComment", "text")),
      new TaskShape("Task_ReviewBranch", "officer", Map.of("branchDecision", "REJECT", "branchComment", "理由",
          "branchOpinion", "场地未建成", "branchReview_plan", "MEETS", "branchReview_site", "NOT_MEETS",
          "branchReview_staff", "MEETS", "branchReview_quality", "MEETS"),
          Map.of("branchDecision", "enum", "branchComment", "text", "branchOpinion", "text",
              "branchReview_site", "enum")),
      new TaskShape("Task_DetermineViolation", "discipline", Map.of("violationArticle", 7, "violationItem", 4,
          "severity", "SERIOUS", "findings", "事实"),
          Map.of("violationArticle", "integer", "violationItem", "integer", "severity", "enum", "findings", "text")),
      new TaskShape("Task_ConsiderStatement", "discipline", Map.of("statementOutcome", "MAINTAIN", "statementResponse", "维持"),
          Map.of("statementOutcome", "enum", "statementResponse", "text")),
      new TaskShape("Task_IssueDecision", "discipline", Map.of("decisionApproved", true, "decisionNote", "同意"),
          Map.of("decisionApproved", "boolean")),
      new TaskShape("Task_ReviewAppeal", "reviewer", Map.of("reviewOutcome", "UPHOLD", "reviewReasoning", "维持"),
          Map.of("reviewOutcome", "enum", "reviewReasoning", "text")));

  /** A completion body (engine REST JSON) that must be refused, with what it spoils. */
  record Spoiled(String description, String body) {
    @Override
    public String toString() {
      return description + ": " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
    }
  }

  @Provide
  Arbitrary<Map.Entry<TaskShape, Spoiled>> spoiledCompletions() {
    return Arbitraries.of(TASKS).flatMap(task -> spoiledFor(task).map(spoiled -> Map.entry(task, spoiled)));
  }

  static Arbitrary<Spoiled> spoiledFor(TaskShape task) {
    Arbitrary<String> field = Arbitraries.of(task.kinds().keySet());
    return Arbitraries.oneOf(
        field.map(f -> spoiled("without " + f, task, f, null)),
        field.flatMap(f -> wrongValueFor(task.kinds().get(f)).map(v -> spoiled(f + " = " + v, task, f, v))),
        field.flatMap(f -> Hostile.withControl().map(v -> spoiled(f + " with a control character", task, f,
            Map.of("value", v)))),
        field.flatMap(f -> Arbitraries.of(
            Map.of("value", "abc", "type", "Integer"), Map.of("value", "1e400", "type", "Double"),
            Map.of("value", "昨天", "type", "Date"), Map.of("value", "{broken", "type", "Json"),
            Map.of("value", "!!!", "type", "Bytes"), Map.of("value", "x", "type", "NoSuchType"),
            Map.of("value", "{\"a\":1}", "type", "Object", "valueInfo", Map.of("objectTypeName", "java.util.HashMap",
                "serializationDataFormat", "application/json")),
            Map.of("value", "rO0ABXQAAXg=", "type", "Object", "valueInfo", Map.of("objectTypeName", "java.lang.String",
                "serializationDataFormat", "application/x-java-serialized-object")),
            Map.of("value", "<a/>", "type", "Xml"), Map.of("type", "Null"), Map.of("value", List.of(1, 2)),
            Map.of("value", Map.of("nested", true))).map(v -> spoiled(f + " as " + v, task, f, v))),
        Hostile.malformedJson().map(body -> new Spoiled("malformed body", body)),
        Arbitraries.of("{\"variables\":[]}", "{\"variables\":\"x\"}", "{\"variables\":{\"x\":\"not an object\"}}",
            "{\"variables\":{\"\":{\"value\":1}}}", "[]").map(body -> new Spoiled("malformed variables", body)));
  }

  /** The task's valid variables with {@code field} replaced by {@code value} (a REST variable) or removed (null). */
  static Spoiled spoiled(String description, TaskShape task, String field, Object value) {
    Map<String, Object> variables = new LinkedHashMap<>();
    task.valid().forEach((name, v) -> variables.put(name, Map.of("value", v)));
    if (value == null) {
      variables.remove(field);
    } else {
      variables.put(field, value);
    }
    return new Spoiled(description, Procedures.json(Map.of("variables", variables)));
  }

  static Arbitrary<Object> wrongValueFor(String kind) {
    Arbitrary<Object> blank = Arbitraries.of("", "   ", "\n").map(s -> (Object) Map.of("value", s));
    return switch (kind) {
      case "enum" -> Arbitraries.oneOf(blank, Hostile.anything().filter(s -> !s.isBlank() && !List.of("ACCEPT", "PASS",
          "FAIL", "APPROVE", "REJECT", "REQUEST_SUPPLEMENT", "MINOR", "SERIOUS", "MAINTAIN", "REDETERMINE", "DROP", "UPHOLD",
          "AMEND", "REVOKE").contains(s)).map(s -> (Object) Map.of("value", s)),
          Arbitraries.of(1, true, 2.5).map(v -> (Object) Map.of("value", v)));
      case "boolean" -> Arbitraries.oneOf(blank, Arbitraries.of("yes", "TRUE ", "1", "是", "null").map(s -> (Object) Map.of("value", s)),
          Arbitraries.of(0, 1, 2.5).map(v -> (Object) Map.of("value", v)));
      case "integer" -> Arbitraries.oneOf(blank, Arbitraries.of("abc", "7.5", "1e3", "九", "99999999999")
              .map(s -> (Object) Map.of("value", s)),
          Arbitraries.of(7.5, 1e300, -1, 0, 99, Long.MAX_VALUE).map(v -> (Object) Map.of("value", v)));
      default -> Arbitraries.oneOf(blank, Hostile.longerThan(4000).map(s -> (Object) Map.of("value", s)));
    };
  }

  /**
   * Every spoiled completion of every user task, through {@code complete} and {@code submit-form}, by a user who may
   * complete the task: refused with 4xx (never 500), the task still open, nothing changed.
   */
  @Property(tries = 200)
  void spoiledCompletionsAreRefusedAndChangeNothing(@ForAll("spoiledCompletions") Map.Entry<TaskShape, Spoiled> attempt,
      @ForAll boolean submitForm) {
    TaskShape shape = attempt.getKey();
    Task task = waitingTask(shape.key());
    String user = shape.user() == null ? task.getAssignee() : shape.user();
    Snapshot before = snapshot();
    Http.Response response = http.send("POST", "/engine-rest/task/" + task.getId() + (submitForm ? "/submit-form" : "/complete"),
        "application/json", attempt.getValue().body().getBytes(StandardCharsets.UTF_8), Http.basic(user));
    assertThat(response.status()).as("%s: %s", attempt.getValue(), response.abbreviated()).isBetween(400, 499);
    // Camunda's error body: JSON {type, message}, or for JSON it cannot map to its DTOs Jackson's text.
    assertThat(response.body()).as("engine REST error body").isNotBlank();
    assertThat(snapshot()).isEqualTo(before);
    assertThat(app.bean(TaskService.class).createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
  }

  /** Completions by anonymous callers, bad credentials and users without the task's group: 401/403, no change. */
  @Property(tries = 40)
  void completionsByOutsidersAreRefused(@ForAll("taskShapes") TaskShape shape, @ForAll("strangers") String stranger,
      @ForAll boolean submitForm) {
    Task task = waitingTask(shape.key());
    Map<String, Object> variables = new LinkedHashMap<>();
    shape.valid().forEach((name, v) -> variables.put(name, Map.of("value", v)));
    String body = Procedures.json(Map.of("variables", variables));
    String path = "/engine-rest/task/" + task.getId() + (submitForm ? "/submit-form" : "/complete");
    Snapshot before = snapshot();
    assertThat(http.send("POST", path, "application/json", body.getBytes(StandardCharsets.UTF_8), Map.of()).status())
        .isEqualTo(401);
    assertThat(http.send("POST", path, "application/json", body.getBytes(StandardCharsets.UTF_8),
        Map.of("Authorization", Http.basicRaw(shape.user() == null ? "expert1:x" : shape.user() + ":x"))).status())
        .isEqualTo(401);
    // An expert may be the task's assignee (drawn onto the panel): then the manager plays the stranger.
    String outsider = stranger.equals(task.getAssignee()) ? "manager" : stranger;
    Http.Response strange = http.send("POST", path, "application/json", body.getBytes(StandardCharsets.UTF_8),
        Http.basic(outsider));
    assertThat(strange.status()).as(strange.abbreviated()).isIn(400, 403);
    assertThat(snapshot()).isEqualTo(before);
  }

  @Provide
  Arbitrary<TaskShape> taskShapes() {
    return Arbitraries.of(TASKS);
  }

  @Provide
  Arbitrary<String> strangers() {
    // manager reads everything and completes nothing; an expert outside the task's group or not its assignee
    // (our check: only the assigned expert gives the opinion, 400) is refused too.
    return Arbitraries.of("manager", "expert4");
  }

  /** Regression (was 500 on PostgreSQL): Basic credentials with a NUL reached the identity query. */
  @Example
  void credentialsWithControlCharactersAreWrongCredentials() {
    Task task = waitingTask("Task_ConsiderStatement");
    Snapshot before = snapshot();
    for (String credentials : List.of("\u0000:\u0000", "discipline\u0000:discipline", "discipline:\u001b")) {
      Map<String, String> header = Map.of("Authorization", Http.basicRaw(credentials));
      assertThat(http.postJson("/engine-rest/task/" + task.getId() + "/complete", "{\"variables\":{}}", header).status())
          .isEqualTo(401);
      refusedWithoutChange(() -> http.get("/api/discipline/cases/" + windowCase, header)).isProblem(401);
    }
    assertThat(snapshot()).isEqualTo(before);
  }

  /** The administrator may complete any task, but not review the decision they issued (recusal): 400, no change. */
  @Example
  void theDeciderCannotReviewTheirOwnDecision() {
    Task task = waitingTask("Task_ReviewAppeal");
    Snapshot before = snapshot();
    Http.Response response = http.postJson("/engine-rest/task/" + task.getId() + "/complete",
        Procedures.json(Map.of("variables", Map.of("reviewOutcome", Map.of("value", "UPHOLD"),
            "reviewReasoning", Map.of("value", "维持")))), Http.basic(decidedBy));
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("message").asText()).contains("回避");
    assertThat(snapshot()).isEqualTo(before);
  }

  /** Regression (was 500 on H2 and PostgreSQL): text longer than the engine's 4000-character variable column. */
  @Example
  void aCompletionTextLongerThanTheEngineKeepsIsRefused() {
    Task task = waitingTask("Task_ConsiderStatement");
    Snapshot before = snapshot();
    Http.Response response = http.postJson("/engine-rest/task/" + task.getId() + "/complete",
        Procedures.json(Map.of("variables", Map.of("statementOutcome", Map.of("value", "MAINTAIN"),
            "statementResponse", Map.of("value", "长".repeat(4001))))), Http.basic("discipline"));
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("message").asText()).contains("statementResponse", "4000");
    assertThat(snapshot()).isEqualTo(before);
  }

  /** The Tasklist start form of a disciplinary case: the same checks as the API, through engine REST. */
  @Property(tries = 60)
  void spoiledStartFormsStartNothing(@ForAll("spoiledStartForms") Map<String, Object> variables) {
    Snapshot before = snapshot();
    Http.Response response = http.postJson("/engine-rest/process-definition/key/DisciplinaryCaseProcess/submit-form",
        Procedures.json(Map.of("variables", variables)), Http.basic("discipline"));
    assertThat(response.status()).as("%s: %s", variables, response.abbreviated()).isBetween(400, 499);
    assertThat(snapshot()).isEqualTo(before);
  }

  @Provide
  Arbitrary<Map<String, Object>> spoiledStartForms() {
    Map<String, Object> valid = new LinkedHashMap<>(Map.of("partyType", "CANDIDATE", "source", "EXAM_SITE_REPORT",
        "partyName", "表单考生", "partyIdNumber", "410105199005010018", "facts", "考场报告", "reporters", "考务员 甲\n考务员 乙",
        "siteHeadConfirmed", true, "institutionFilingCode", "placeholder"));
    Arbitrary<String> field = Arbitraries.of("partyType", "source", "partyName", "partyIdNumber", "facts", "reporters");
    return Arbitraries.oneOf(
        field.map(f -> startForm(valid, f, null)),
        Combinators.combine(field, Hostile.withControl()).as((f, v) -> startForm(valid, f, v)),
        Arbitraries.of(Map.entry("partyName", 201), Map.entry("facts", 4_001), Map.entry("facts", 20_001))
            .map(e -> startForm(valid, e.getKey(), "长".repeat(e.getValue()))),
        Combinators.combine(Arbitraries.of("partyType", "source", "partyIdNumber"), Hostile.anything())
            .as((f, v) -> startForm(valid, f, v)));
  }

  static Map<String, Object> startForm(Map<String, Object> valid, String field, Object value) {
    Map<String, Object> variables = new LinkedHashMap<>();
    valid.forEach((name, v) -> variables.put(name, Map.of("value", "institutionFilingCode".equals(name)
        ? school.filingCode() : "partyIdNumber".equals(name) ? idNumber() : v)));
    if (value == null) {
      variables.remove(field);
    } else {
      variables.put(field, Map.of("value", value));
    }
    return variables;
  }

  static Task waitingTask(String key) {
    List<Task> tasks = new ArrayList<>(app.bean(TaskService.class).createTaskQuery()
        .processInstanceBusinessKey(WAITING.get(key)).taskDefinitionKey(key).list());
    assertThat(tasks).as("%s waiting in %s", key, WAITING.get(key)).isNotEmpty();
    return tasks.get(0);
  }
}
