package cn.hrss.assessment.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.filing.Applications;
import cn.hrss.assessment.filing.FilingApplication;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Hostile input against the public and applicant side and the officers' read endpoints (issue 5 item 4): filings,
 * supplements, public notices and objections (API and page form), the directory (API and page), the notice states.
 * Every refusal is 4xx {@code application/problem+json} with a Chinese title and changes nothing (row counts of our
 * and the engine's tables and the files on disk); a token opens only its own application; officers' endpoints
 * refuse anonymous and wrong-group callers; markup in names stays text on pages and in mails.
 *
 * <p>The application runs with {@code server.forward-headers-strategy=native} as behind a reverse proxy: each try
 * posts as a client address of its own ({@code X-Forwarded-For} from 127.0.0.1, a trusted proxy), so the objection
 * limit (5 per hour here) is met only where a property means to meet it.
 */
class PublicEndpointsHostileIT {

  static final int OBJECTION_LIMIT = 5;
  static final long MAX_FILE = 256 * 1024;
  static final AtomicInteger CLIENTS = new AtomicInteger();

  static RunningApp app;
  static Http http;
  static Procedures procedures;
  static Procedures.Submitted reviewing;
  static Procedures.Submitted other;
  static Procedures.Submitted supplementRequested;
  static Procedures.Submitted onNotice;
  static String noticeName;

  @BeforeContainer
  static void start() {
    app = RunningApp.start(Map.of(
        "server.forward-headers-strategy", "native",
        "assessment.objection-limit.requests", String.valueOf(OBJECTION_LIMIT),
        "assessment.objection-limit.period", "PT1H",
        "assessment.filing.max-file-size", MAX_FILE + "B",
        "spring.servlet.multipart.max-file-size", "1MB",
        "spring.servlet.multipart.max-request-size", "2MB"));
    http = new Http(app.port());
    procedures = new Procedures(app, http);
    reviewing = procedures.submit(Applications.socialOrg(Procedures.creditCode("5241")));
    other = procedures.submit(Applications.provincialEmployer(Procedures.creditCode("9141")));
    supplementRequested = procedures.submit(Applications.socialOrg(Procedures.creditCode("5241")));
    procedures.requestSupplement(supplementRequested.applicationNo());
    FilingApplication base = Applications.socialOrg(Procedures.creditCode("5241"));
    noticeName = "<script>alert('公示')</script>数控\"协会\"";
    onNotice = procedures.submit(new FilingApplication(base.institutionType(), noticeName, base.creditCode(),
        base.organisationForm(), base.legalRepresentative(), base.province(), base.address(), base.contact(),
        base.occupations(), base.branches(), base.declarations()));
    procedures.acceptAndPassReview(onNotice.applicationNo());
  }

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

  static Snapshot snapshot() {
    return Snapshot.of(app.bean(JdbcTemplate.class), app.root());
  }

  /** Asserts that {@code request} is refused with problem+json and leaves every table and the disk unchanged. */
  static Http.Response refusedWithoutChange(java.util.function.Supplier<Http.Response> request) {
    Snapshot before = snapshot();
    Http.Response response = request.get().isProblem();
    assertThat(snapshot()).isEqualTo(before);
    return response;
  }

  static Map<String, String> asClient() {
    int n = CLIENTS.incrementAndGet();
    return Map.of("X-Forwarded-For", "198.18." + (n / 250 % 250) + "." + (n % 250 + 1));
  }

  // ------------------------------------------------------------------ POST /api/filings

  /** One way of spoiling a valid application (as a JSON tree); each of them must be refused. */
  record Spoiled(String description, Function<ObjectNode, String> spoil) {
    @Override
    public String toString() {
      return description;
    }
  }

  static final Map<String, Integer> TEXT_FIELDS = Map.of("name", 200, "legalRepresentative", 100, "address", 500,
      "contact.name", 100, "contact.phone", 40);

  @Provide
  Arbitrary<Spoiled> spoiledApplications() {
    Arbitrary<String> textField = Arbitraries.of(TEXT_FIELDS.keySet());
    Arbitrary<String> required = Arbitraries.of("institutionType", "name", "creditCode", "organisationForm",
        "legalRepresentative", "province", "address", "contact", "occupations", "declarations", "contact.name",
        "contact.phone", "contact.email", "declarations.noIllegalRecord", "occupations[0].code", "occupations[0].name",
        "occupations[0].levels");
    return Arbitraries.oneOf(
        Hostile.malformedJson().map(text -> new Spoiled("malformed: " + text, tree -> text)),
        required.map(field -> new Spoiled("without " + field, tree -> {
          remove(tree, field);
          return tree.toString();
        })),
        Combinators.combine(textField, Hostile.notAString()).as((field, value) -> new Spoiled(field + " = " + value,
            tree -> set(tree, field, Http.JSON.valueToTree(value)))),
        Combinators.combine(textField, Hostile.withControl()).as((field, value) -> new Spoiled(field + " with a control "
            + "character", tree -> set(tree, field, Http.JSON.getNodeFactory().textNode(value)))),
        textField.flatMap(field -> Hostile.longerThan(TEXT_FIELDS.get(field)).map(value -> new Spoiled(field + " of "
            + value.length() + " characters", tree -> set(tree, field, Http.JSON.getNodeFactory().textNode(value))))),
        Combinators.combine(Arbitraries.of("institutionType", "organisationForm", "province", "creditCode",
            "contact.email", "occupations[0].code"), Hostile.anything()).as((field, value) -> new Spoiled(field + " = "
            + value, tree -> set(tree, field, Http.JSON.getNodeFactory().textNode(value)))),
        Arbitraries.of("0", "6", "-1", "\"三级\"", "null", "2147483648", "1.5", "{}").map(level -> new Spoiled(
            "level " + level, tree -> tree.toString().replace("\"levels\":[4,3]", "\"levels\":[" + level + "]"))),
        Arbitraries.of("\"yes\"", "{}", "[]", "\"\"", "null").map(value -> new Spoiled("declaration " + value,
            tree -> tree.toString().replace("\"noIllegalRecord\":true", "\"noIllegalRecord\":" + value))),
        Combinators.combine(Hostile.anything().filter(s -> !s.isBlank()), Hostile.anything()).as((name, value) ->
            new Spoiled("unknown field " + name, tree -> {
              tree.put(name.replace(".", "_") + "_extra", value);
              return tree.toString();
            })));
  }

  /** Every spoiled application is refused (400 problem+json naming the field), and nothing is stored. */
  @Property(tries = 150)
  void spoiledApplicationsAreRefusedAndStoreNothing(@ForAll("spoiledApplications") Spoiled spoiled) {
    ObjectNode tree = Http.JSON.valueToTree(Applications.socialOrg(Procedures.creditCode("5241")));
    String body = spoiled.spoil().apply(tree);
    Http.Response response = refusedWithoutChange(() -> procedures.submit(body, "申请表.pdf", Procedures.PDF));
    assertThat(response.status()).isEqualTo(400);
  }

  @Provide
  Arbitrary<Map.Entry<String, byte[]>> badFiles() {
    Arbitrary<String> names = Arbitraries.oneOf(Arbitraries.of(Hostile.TRAVERSAL), Hostile.anything(),
        Hostile.anything().map(s -> s + ".pdf"), Arbitraries.of("a.exe", "a.pdf.exe", "a.html", "a.svg", "a.PDF.js"));
    Arbitrary<byte[]> contents = Arbitraries.oneOf(
        Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(64).filter(b -> b[0] != '%' && b[0] != (byte) 0x89
            && b[0] != (byte) 0xFF && b[0] != (byte) 0xD0 && b[0] != 'P'),
        Arbitraries.of("<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8),
            "MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1), "PK\u0003\u0004".getBytes(StandardCharsets.ISO_8859_1)));
    return Combinators.combine(names, contents).as(Map::entry);
  }

  /** Files whose content is no accepted document are refused whatever their name; nothing reaches the disk. */
  @Property(tries = 100)
  void filesThatAreNoDocumentAreRefusedWhateverTheirName(@ForAll("badFiles") Map.Entry<String, byte[]> file) {
    String application = Procedures.json(Applications.socialOrg(Procedures.creditCode("5241")));
    Http.Response refused = refusedWithoutChange(() -> procedures.submit(application, file.getKey(), file.getValue()));
    // 413 when the part's header (the file name) is larger than Tomcat parses (multipart part header limit).
    assertThat(refused.status()).isIn(400, 413);
  }

  /**
   * A path in the uploaded file's name never reaches the file system: the document is stored under a generated name
   * inside the application's folder, and the name kept for display is a bare, printable file name.
   */
  @Property(tries = 30)
  void pathsInFileNamesNeverReachTheFileSystem(@ForAll("traversalNames") String fileName) throws Exception {
    Procedures.Submitted submitted;
    String application = Procedures.json(Applications.socialOrg(Procedures.creditCode("5241")));
    Snapshot before = snapshot();
    Http.Response created = procedures.submit(application, fileName, Procedures.PDF);
    if (created.status() != 201) {
      // A name that is nothing but dots and a path ("..pdf" → "pdf") keeps no extension: refused (400); a name
      // longer than Tomcat parses in a part header: 413. Nothing stored either way.
      created.isProblem();
      assertThat(created.status()).isIn(400, 413);
      assertThat(snapshot()).isEqualTo(before);
      return;
    }
    submitted = new Procedures.Submitted(created.json().get("applicationNo").asText(),
        created.json().get("accessToken").asText());
    try (Stream<Path> top = Files.list(app.root())) {
      assertThat(top).containsExactly(app.root().resolve("materials"));
    }
    Path folder = app.root().resolve("materials").resolve(submitted.applicationNo());
    try (Stream<Path> stored = Files.walk(app.root().resolve("materials"))) {
      assertThat(stored.filter(Files::isRegularFile)).allSatisfy(path -> {
        assertThat(path.getParent().getParent()).isEqualTo(app.root().resolve("materials"));
        assertThat(path.getFileName().toString()).matches("[0-9a-f-]{36}\\.(pdf|png|jpe?g|docx?|xlsx?)");
      });
    }
    try (Stream<Path> mine = Files.list(folder)) {
      assertThat(mine).hasSize(1);
    }
    String shown = app.bean(JdbcTemplate.class).queryForObject(
        "SELECT file_name FROM filing_material WHERE application_no = ?", String.class, submitted.applicationNo());
    assertThat(shown).doesNotContain("/", "\\").doesNotStartWith(".").doesNotMatch("(?s).*\\p{Cntrl}.*").isNotBlank();
    JsonNode status = http.get("/api/filings/" + submitted.applicationNo(), Http.basic("officer")).json();
    long materialId = status.get("materials").get(0).get("id").asLong();
    Http.Response download = http.get("/api/filings/" + submitted.applicationNo() + "/materials/" + materialId,
        Http.basic("officer"));
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.headers().get("content-disposition")).doesNotContain("/", "\\").doesNotContain("\"..");
  }

  @Provide
  Arbitrary<String> traversalNames() {
    return Arbitraries.oneOf(Arbitraries.of(Hostile.TRAVERSAL), Hostile.withControl(), Hostile.markup(),
            Arbitraries.strings().withChars("./\\:*?|<>~%").ofMinLength(1).ofMaxLength(30),
            Arbitraries.strings().withCharRange('一', '龥').ofMinLength(250).ofMaxLength(400))
        .map(name -> name + ".pdf");
  }

  @Example
  void aFileOverTheMaterialLimitIs413AndStoresNothing() {
    byte[] big = new byte[(int) MAX_FILE + 1];
    System.arraycopy(Procedures.PDF, 0, big, 0, Procedures.PDF.length);
    String application = Procedures.json(Applications.socialOrg(Procedures.creditCode("5241")));
    refusedWithoutChange(() -> procedures.submit(application, "大文件.pdf", big)).isProblem(413);
  }

  @Example
  void aFileOverTheUploadLimitIs413AndStoresNothing() {
    byte[] big = new byte[1024 * 1024 + 1];
    System.arraycopy(Procedures.PDF, 0, big, 0, Procedures.PDF.length);
    String application = Procedures.json(Applications.socialOrg(Procedures.creditCode("5241")));
    refusedWithoutChange(() -> procedures.submit(application, "大文件.pdf", big)).isProblem(413);
  }

  @Example
  void aRequestOverTheRequestLimitIs413AndStoresNothing() {
    byte[] part = new byte[900 * 1024];
    System.arraycopy(Procedures.PDF, 0, part, 0, Procedures.PDF.length);
    Http.Multipart multipart = new Http.Multipart().text("application", "application/json",
        Procedures.json(Applications.socialOrg(Procedures.creditCode("5241"))));
    for (int i = 0; i < 3; i++) {
      multipart.file("files", "分卷" + i + ".pdf", "application/pdf", part);
    }
    refusedWithoutChange(() -> http.post("/api/filings", multipart, Map.of())).isProblem(413);
  }

  /** Regression (was 500): a multipart body Tomcat cannot parse — no boundary, or a NUL in a file name. */
  @Example
  void unparseableMultipartIs400() {
    refusedWithoutChange(() -> http.send("POST", "/api/filings", "multipart/form-data", new byte[0], Map.of()))
        .isProblem(400);
    String application = Procedures.json(Applications.socialOrg(Procedures.creditCode("5241")));
    refusedWithoutChange(() -> procedures.submit(application, "申请表\u0000.pdf", Procedures.PDF)).isProblem(400);
  }

  /** Regression (was 200): the objection form answers a refusal with the page under the refusal's status. */
  @Example
  void aRefusedFormObjectionIsAnsweredWithItsStatus() {
    Http.Response page = http.postForm("/notices/" + onNotice.applicationNo() + "/objections",
        Map.of("name", "", "contact", "x", "content", "y"), asClient());
    assertThat(page.status()).isEqualTo(400);
    assertThat(page.body()).contains("必填");
    assertThat(http.postForm("/notices/" + reviewing.applicationNo() + "/objections",
        Map.of("name", "张三", "contact", "x", "content", "y"), asClient()).status()).isEqualTo(404);
  }

  @Property(tries = 30)
  void filingsRefuseBodiesThatAreNotMultipart(@ForAll("contentTypes") String contentType,
      @ForAll("bodies") String body) {
    refusedWithoutChange(() -> http.send("POST", "/api/filings", contentType, body.getBytes(StandardCharsets.UTF_8),
        Map.of()));
  }

  @Provide
  Arbitrary<String> contentTypes() {
    return Arbitraries.of("application/json", "text/plain", "application/x-www-form-urlencoded", "application/xml",
        "multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=x");
  }

  @Provide
  Arbitrary<String> bodies() {
    return Arbitraries.oneOf(Hostile.malformedJson(), Hostile.anything());
  }

  // ------------------------------------------------------------------ supplements and status

  @Property(tries = 50)
  void supplementsRefuseWhatIsNoDocumentAndStoreNothing(@ForAll("badFiles") Map.Entry<String, byte[]> file,
      @ForAll("notes") String note) {
    Http.Multipart multipart = new Http.Multipart().file("files", file.getKey(), "application/pdf", file.getValue())
        .text("note", "text/plain", note);
    assertThat(refusedWithoutChange(() -> http.post("/api/filings/" + supplementRequested.applicationNo()
        + "/supplements", multipart, Http.bearer(supplementRequested.token()))).status()).isIn(400, 413);
  }

  @Provide
  Arbitrary<String> notes() {
    return Arbitraries.oneOf(Hostile.anything(), Hostile.longerThan(4000), Arbitraries.just(""));
  }

  @Property(tries = 40)
  void aNoteAloneThatIsTooLongOrControlledIsRefused(@ForAll("badNotes") String note) {
    Http.Multipart multipart = new Http.Multipart().text("note", "text/plain", note);
    refusedWithoutChange(() -> http.post("/api/filings/" + supplementRequested.applicationNo() + "/supplements",
        multipart, Http.bearer(supplementRequested.token()))).isProblem(400);
  }

  @Provide
  Arbitrary<String> badNotes() {
    return Arbitraries.oneOf(Hostile.longerThan(4000), Hostile.withControl());
  }

  /** Applicant endpoints: another application's token, a made-up token, a discipline token: 403, never data. */
  @Property(tries = 60)
  void aTokenOpensOnlyItsOwnApplication(@ForAll("foreignTokens") String token, @ForAll("applicantCalls") String call) {
    String target = reviewing.applicationNo();
    Http.Response response = refusedWithoutChange(() -> switch (call) {
      case "status" -> http.get("/api/filings/" + target, Http.bearer(token));
      case "receipt" -> http.get("/api/filings/" + target + "/receipt", Http.bearer(token));
      default -> http.post("/api/filings/" + target + "/supplements",
          new Http.Multipart().file("files", "补正.pdf", "application/pdf", Procedures.PDF), Http.bearer(token));
    });
    // 403; a blank token is no bearer token at all: 401.
    assertThat(response.status()).isIn(401, 403);
  }

  @Provide
  Arbitrary<String> applicantCalls() {
    return Arbitraries.of("status", "receipt", "supplements");
  }

  @Provide
  Arbitrary<String> foreignTokens() {
    return Arbitraries.oneOf(
        Arbitraries.of(other.token(), onNotice.token(), supplementRequested.token(), reviewing.token() + "x",
            reviewing.token().substring(1), reviewing.token().toUpperCase(), " ", "null", "undefined"),
        Arbitraries.strings().ofMinLength(1).ofMaxLength(200).alpha().numeric().withChars("-_=."));
  }

  @Property(tries = 40)
  void unknownOrHostileApplicationNumbersAreRefused(@ForAll("pathSegments") String number,
      @ForAll("applicantCalls") String call) {
    String path = "/api/filings/" + URLEncoder.encode(number, StandardCharsets.UTF_8).replace("+", "%20");
    refusedWithoutChange(() -> switch (call) {
      case "status" -> http.get(path, Http.basic("officer"));
      case "receipt" -> http.get(path + "/receipt", Http.bearer(reviewing.token()));
      default -> http.post(path + "/supplements",
          new Http.Multipart().file("files", "补正.pdf", "application/pdf", Procedures.PDF), Http.bearer(reviewing.token()));
    });
  }

  @Provide
  Arbitrary<String> pathSegments() {
    // No slash or backslash: those never reach the application (Tomcat refuses encoded ones), tested separately.
    return Arbitraries.oneOf(Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(30),
        Arbitraries.strings().withCharRange('一', '龥').ofMinLength(1).ofMaxLength(10),
        Arbitraries.of("BA2026999999", "BA", "..", "...", "%00", "<script>", "' OR '1'='1", "BA2026000001;DROP",
            "\u202e", " ", "null"),
        Arbitraries.strings().alpha().ofLength(3000));
  }

  @Example
  void encodedTraversalInPathsIsRefusedWithoutAServerError() {
    for (String path : List.of("/api/filings/..%2F..%2Fetc%2Fpasswd", "/api/filings/%2e%2e/%2e%2e/actuator",
        "/api/filings/x%5C..%5Cy", "/api/filings/%00", "/api/filings/x%00y/receipt",
        "/api/public-notices/%00/objections", "/api/public-notices/..%2F..%2Fx/objections")) {
      Snapshot before = snapshot();
      Http.Response response = path.endsWith("/objections") ? http.postJson(path, objection(Map.of()), asClient())
          : http.get(path, Http.basic("officer"));
      assertThat(response.status()).as(path + ": " + response.abbreviated()).isBetween(400, 499);
      assertThat(snapshot()).isEqualTo(before);
    }
  }

  // ------------------------------------------------------------------ public notices and objections

  @Provide
  Arbitrary<String> spoiledObjections() {
    Arbitrary<String> field = Arbitraries.of("name", "contact", "content");
    Map<String, Integer> max = Map.of("name", 100, "contact", 200, "content", 4000);
    return Arbitraries.oneOf(
        Hostile.malformedJson(),
        field.map(f -> objection(Map.of(f, ""))),
        field.map(f -> objection(Map.of(f, "   "))),
        field.map(f -> objection(Map.of(f, "\u0000remove"))),
        Combinators.combine(field, Hostile.withControl()).as((f, v) -> objection(Map.of(f, v))),
        field.flatMap(f -> Hostile.longerThan(max.get(f)).map(v -> objection(Map.of(f, v)))),
        Combinators.combine(field, Hostile.notAString()).as((f, v) -> objection(Map.of(f, v))),
        Combinators.combine(Hostile.anything().filter(s -> !Map.of("name", 1, "contact", 1, "content", 1).containsKey(s)),
            Hostile.anything()).as((f, v) -> objection(Map.of(f, v))));
  }

  /** A valid objection with {@code changes} applied; the value {@code "\u0000remove"} removes the field. */
  static String objection(Map<String, Object> changes) {
    Map<String, Object> body = new LinkedHashMap<>(Map.of("name", "张三", "contact", "13800000000", "content", "场地不符"));
    changes.forEach((field, value) -> {
      if ("\u0000remove".equals(value)) {
        body.remove(field);
      } else {
        body.put(field, value);
      }
    });
    return Procedures.json(body);
  }

  @Property(tries = 150)
  void spoiledObjectionsAreRefusedAndStoreNothing(@ForAll("spoiledObjections") String body) {
    refusedWithoutChange(() -> http.postJson("/api/public-notices/" + onNotice.applicationNo() + "/objections", body,
        asClient()));
  }

  /** Bodies of megabytes on the JSON endpoints: read, refused for their length, nothing stored. */
  @Example
  void hugeJsonBodiesAreRefused() {
    String huge = "异".repeat(3 * 1024 * 1024);
    refusedWithoutChange(() -> http.postJson("/api/public-notices/" + onNotice.applicationNo() + "/objections",
        objection(Map.of("content", huge)), asClient())).isProblem(400);
    refusedWithoutChange(() -> http.postJson("/api/public-notices/" + onNotice.applicationNo() + "/objections",
        "[" + "{},".repeat(500_000) + "{}]", asClient())).isProblem(400);
  }

  @Property(tries = 40)
  void objectionsToUnknownOrClosedApplicationsAreRefused(@ForAll("pathSegments") String number) {
    String path = "/api/public-notices/" + URLEncoder.encode(number, StandardCharsets.UTF_8).replace("+", "%20")
        + "/objections";
    refusedWithoutChange(() -> http.postJson(path, objection(Map.of()), asClient()));
    // An application that is not (or no longer) on notice: 404 or 409, never an objection.
    refusedWithoutChange(() -> http.postJson("/api/public-notices/" + reviewing.applicationNo() + "/objections",
        objection(Map.of()), asClient()));
  }

  @Property(tries = 60)
  void theObjectionFormRefusesHostileFieldsWithoutChange(@ForAll("formFields") Map<String, String> fields) {
    Snapshot before = snapshot();
    Http.Response page = http.postForm("/notices/" + onNotice.applicationNo() + "/objections", fields, asClient());
    assertThat(page.status()).as(page.abbreviated()).isBetween(400, 499);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(snapshot()).isEqualTo(before);
    assertEscaped(page.body(), fields.values());
  }

  @Provide
  Arbitrary<Map<String, String>> formFields() {
    Arbitrary<String> field = Arbitraries.of("name", "contact", "content");
    return Arbitraries.oneOf(
        Combinators.combine(field, Hostile.withControl()).as((f, v) -> form(f, v)),
        Combinators.combine(field, Hostile.markup()).as((f, v) -> form(f, v)).map(m -> {
          m.remove("content");
          return m;
        }),
        field.map(f -> form(f, "")),
        Combinators.combine(field, Hostile.longerThan(4000)).as((f, v) -> form(f, v)));
  }

  static Map<String, String> form(String field, String value) {
    Map<String, String> form = new LinkedHashMap<>(Map.of("name", "张三", "contact", "13800000000", "content", "场地不符"));
    form.put(field, value);
    return form;
  }

  /** The per-client limit: the next post after the allowance is 429 with Retry-After; other clients carry on. */
  @Property(tries = 5)
  void objectionsArePerClientLimitedWithRetryAfter(@ForAll("clientPaths") String path) {
    Map<String, String> client = asClient();
    Map<String, String> neighbour = asClient();
    String url = path.replace("{no}", reviewing.applicationNo());
    for (int i = 0; i < OBJECTION_LIMIT; i++) {
      assertThat(post(url, client).status()).isNotEqualTo(429);
    }
    Snapshot before = snapshot();
    Http.Response limited = post(url, client).isProblem(429);
    assertThat(snapshot()).isEqualTo(before);
    assertThat(Long.parseLong(limited.headers().get("retry-after"))).isBetween(1L, 3600L);
    assertThat(limited.json().get("title").asText()).isEqualTo("请求过于频繁");
    // The other client, and reads of the same client, are not affected.
    assertThat(post(url, neighbour).status()).isNotEqualTo(429);
    assertThat(http.get("/api/public-notices", client).status()).isEqualTo(200);
    assertThat(http.get("/notices", client).status()).isEqualTo(200);
  }

  @Provide
  Arbitrary<String> clientPaths() {
    return Arbitraries.of("/api/public-notices/{no}/objections", "/notices/{no}/objections");
  }

  private static Http.Response post(String url, Map<String, String> client) {
    return url.startsWith("/api") ? http.postJson(url, objection(Map.of()), client)
        : http.postForm(url, Map.of("name", "张三", "contact", "x", "content", "y"), client);
  }

  // ------------------------------------------------------------------ reads: directory, pages, officer lists

  @Property(tries = 80)
  void directorySearchAnswersOrRefusesButNeverFails(@ForAll("queryValues") String province,
      @ForAll("queryValues") String occupation, @ForAll("queryValues") String q) {
    String query = "?province=" + enc(province) + "&occupation=" + enc(occupation) + "&q=" + enc(q);
    Snapshot before = snapshot();
    Http.Response api = http.get("/api/directory" + query, Map.of());
    if (api.status() != 200) {
      api.isProblem(400);
    }
    Http.Response page = http.get("/directory" + query, Map.of());
    assertThat(page.status()).as(page.abbreviated()).isIn(200, 400);
    assertThat(page.contentType()).startsWith("text/html");
    assertEscaped(page.body(), List.of(province, occupation, q));
    assertThat(snapshot()).isEqualTo(before);
  }

  @Provide
  Arbitrary<String> queryValues() {
    // Over-long but within Tomcat's 8 KB request line (a longer line never reaches the application: see below).
    return Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.of("41", "6-18", "车工", "S0000"), Hostile.anything(),
        Arbitraries.integers().between(101, 200).map("长"::repeat));
  }

  @Example
  void aRequestLineOverTomcatsLimitIsRefusedBeforeTheApplication() {
    Snapshot before = snapshot();
    Http.Response response = http.get("/api/directory?q=" + "A".repeat(10_000), Map.of());
    // Tomcat answers itself (400, its own page): the request never reaches Spring, so no problem+json here.
    assertThat(response.status()).isBetween(400, 499);
    assertThat(snapshot()).isEqualTo(before);
  }

  /** The officers' notice list answers a list or refuses (never 500: a NUL used to fail the query on PostgreSQL). */
  @Property(tries = 40)
  void noticeStatesAnswerOrRefuseButNeverFail(@ForAll("queryValues") String caseRef) {
    Snapshot before = snapshot();
    Http.Response response = http.get("/api/notices?caseRef=" + enc(caseRef), Http.basic("officer"));
    if (response.status() != 200) {
      response.isProblem(400);
    }
    assertThat(snapshot()).isEqualTo(before);
  }

  /**
   * The status pages (申请进度, 案件查询) look a number up with its token from a public form: hostile numbers and
   * tokens are answered with the page (its message), never a server error, change nothing, and are echoed escaped.
   */
  @Property(tries = 60)
  void statusPagesAnswerHostileLookupsWithoutFailing(@ForAll("statusLookups") Map<String, String> lookup,
      @ForAll boolean casePage) {
    Map<String, String> fields = casePage ? Map.of("caseNo", lookup.get("number"), "accessToken", lookup.get("token"))
        : Map.of("applicationNo", lookup.get("number"), "accessToken", lookup.get("token"));
    Snapshot before = snapshot();
    Http.Response page = http.postForm(casePage ? "/case-status" : "/status", fields, asClient());
    assertThat(page.status()).as(page.abbreviated()).isIn(200, 400, 403, 404, 429);
    assertThat(page.body()).doesNotContain("系统内部错误").doesNotContain(reviewing.applicationNo() + "</");
    assertEscaped(page.body(), lookup.values());
    assertThat(snapshot()).isEqualTo(before);
  }

  @Provide
  Arbitrary<Map<String, String>> statusLookups() {
    Arbitrary<String> numbers = Arbitraries.oneOf(Hostile.anything(), Hostile.longerThan(100),
        Arbitraries.of(reviewing.applicationNo(), reviewing.applicationNo() + "\u0000", "WJ2026-000001"));
    Arbitrary<String> tokens = Arbitraries.oneOf(Hostile.anything(), Arbitraries.of(other.token(), "\u0000"));
    return Combinators.combine(numbers, tokens).as((number, token) -> Map.of("number", number, "token", token));
  }

  /** Control characters in path segments: refused (by Tomcat or by us), never a server error. */
  @Property(tries = 20)
  void controlCharactersInPathsAreRefused(@ForAll("controlSegments") String segment) {
    Snapshot before = snapshot();
    for (String path : List.of("/api/filings/", "/api/discipline/cases/", "/api/public-notices/")) {
      String url = path + enc(segment) + (path.contains("public") ? "/objections" : "");
      Http.Response response = path.contains("public") ? http.postJson(url, objection(Map.of()), asClient())
          : http.get(url, Http.basic("admin"));
      assertThat(response.status()).as(url + ": " + response.abbreviated()).isBetween(400, 499);
    }
    assertThat(snapshot()).isEqualTo(before);
  }

  @Provide
  Arbitrary<String> controlSegments() {
    return Hostile.withControl();
  }

  /** Institutions named with markup appear in the directory page and API as text. */
  @Property(tries = 10)
  void markupInInstitutionNamesIsEscapedOnTheDirectoryPage(@ForAll("markupNames") String name) {
    String first17 = Procedures.creditCode("5241").substring(0, 17);
    var institution = app.bean(InstitutionRegistry.class).register(new NewInstitution(InstitutionType.SOCIAL_ORG, name,
        first17 + cn.hrss.assessment.codes.CreditCodes.checkCharacter(first17), "41", name + " 路 1 号",
        "org@example.cn", "HOSTILE-" + first17, List.of(new OccupationScope("6-31-99-01", "测试工种", null, List.of(4))), null));
    Http.Response page = http.get("/directory?q=" + institution.filingCode(), Map.of());
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains(institution.filingCode());
    assertEscaped(page.body(), List.of(name));
    assertThat(page.body()).contains(htmlEscape(name));
    JsonNode api = http.get("/api/directory?q=" + institution.filingCode(), Map.of()).json();
    assertThat(api.findValuesAsText("name")).contains(name);
  }

  @Provide
  Arbitrary<String> markupNames() {
    return Hostile.markup().filter(s -> s.length() <= 200);
  }

  @Example
  void theNoticePageAndTheMailShowMarkupInNamesAsText() throws Exception {
    Http.Response page = http.get("/notices", Map.of());
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains(onNotice.applicationNo());
    assertEscaped(page.body(), List.of(noticeName));
    JsonNode notices = http.get("/api/public-notices", Map.of()).json();
    assertThat(notices.findValuesAsText("name")).contains(noticeName);

    // A rejected application whose name and the officer's reason carry markup: the mail's HTML shows both as text.
    TestMail.reset();
    FilingApplication base = Applications.socialOrg(Procedures.creditCode("5241"));
    String name = "<img src=x onerror=alert(1)>培训\"中心\"";
    String reason = "<script>alert('理由')</script>材料不全";
    Procedures.Submitted rejected = procedures.submit(new FilingApplication(base.institutionType(), name,
        base.creditCode(), base.organisationForm(), base.legalRepresentative(), base.province(), base.address(),
        base.contact(), base.occupations(), base.branches(), base.declarations()));
    procedures.complete(rejected.applicationNo(), "Task_ReviewCompleteness", "officer",
        Map.of("acceptanceDecision", "REJECT", "acceptanceComment", reason));
    procedures.runJobs();
    MimeMessage[] mails = TestMail.server().getReceivedMessages();
    assertThat(mails).isNotEmpty();
    String html = htmlPartOf(mails[mails.length - 1]);
    assertThat(html).contains(htmlEscape(reason));
    assertEscaped(html, List.of(name, reason));
  }

  /** Officers' endpoints: anonymous → 401, a user outside the groups → 403, wrong password → 401. */
  /** Officers' endpoints: anonymous → 401, wrong or garbled credentials → 401, a user outside the groups → 403. */
  @Property(tries = 40)
  void officerEndpointsRefuseAnonymousAndWrongGroupCallers(@ForAll("officerEndpoints") Map.Entry<String, String> endpoint,
      @ForAll("badCredentials") String credentials) {
    String path = endpoint.getKey().replace("{no}", reviewing.applicationNo());
    refusedWithoutChange(() -> http.get(path, Map.of())).isProblem(401);
    refusedWithoutChange(() -> http.get(path, Map.of("Authorization", credentials))).isProblem(401);
    refusedWithoutChange(() -> http.get(path, Http.basic(endpoint.getValue()))).isProblem(403);
  }

  /** Officer endpoint → a demo user outside the groups that may call it. */
  @Provide
  Arbitrary<Map.Entry<String, String>> officerEndpoints() {
    return Arbitraries.of(
        Map.entry("/api/filings/{no}/materials/1", "discipline"),
        Map.entry("/api/filings/{no}/materials/1", "reviewer"),
        Map.entry("/api/notices?caseRef={no}", "expert1"),
        Map.entry("/api/filings/{no}", "expert2"),
        Map.entry("/api/filings/{no}/receipt", "expert3"));
  }

  @Provide
  Arbitrary<String> badCredentials() {
    return Arbitraries.oneOf(
        Arbitraries.of("officer:wrong", "officer:", ":officer", "officer", "nobody:nobody", "admin:Admin",
            "officer:officer\u0000", "\u0000:\u0000").map(Http::basicRaw),
        Hostile.anything().map(Http::basicRaw),
        Arbitraries.of("Basic !!!not-base64", "Basic ", "Basic", "Basic =", "Digest username=\"officer\"",
            "Basic " + "A".repeat(4000)));
  }

  // ------------------------------------------------------------------ helpers

  /** Sets {@code path} ({@code contact.name}, {@code occupations[0].code}) in {@code tree}; returns the JSON text. */
  static String set(ObjectNode tree, String path, JsonNode value) {
    String[] steps = path.split("\\.");
    ((ObjectNode) parentOf(tree, steps)).set(steps[steps.length - 1], value);
    return tree.toString();
  }

  static void remove(ObjectNode tree, String path) {
    String[] steps = path.split("\\.");
    ((ObjectNode) parentOf(tree, steps)).remove(steps[steps.length - 1]);
  }

  private static JsonNode parentOf(ObjectNode tree, String[] steps) {
    JsonNode node = tree;
    for (int i = 0; i < steps.length - 1; i++) {
      node = step(node, steps[i]);
    }
    return node;
  }

  private static JsonNode step(JsonNode node, String step) {
    int bracket = step.indexOf('[');
    return bracket < 0 ? node.get(step)
        : node.get(step.substring(0, bracket)).get(Integer.parseInt(step.substring(bracket + 1, step.length() - 1)));
  }

  static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static String htmlEscape(String text) {
    return org.springframework.web.util.HtmlUtils.htmlEscape(text, "UTF-8");
  }

  /** No markup of {@code inputs} appears unescaped: no raw tag start of any of them. */
  static void assertEscaped(String html, java.util.Collection<String> inputs) {
    for (String input : inputs) {
      for (String payload : Hostile.MARKUP) {
        if (input.contains(payload) && payload.contains("<")) {
          assertThat(html).as("page or mail shows markup of the input raw").doesNotContain(payload);
        }
      }
      if (input.contains("<") && input.length() > 3) {
        assertThat(html).doesNotContain(input);
      }
    }
  }

  /** The {@code text/html} part of a mail (the notification service sends text and HTML alternatives). */
  static String htmlPartOf(MimeMessage message) throws Exception {
    String html = findHtml(message.getContent());
    assertThat(html).as("HTML part of the mail").isNotNull();
    return html;
  }

  private static String findHtml(Object content) throws Exception {
    if (content instanceof jakarta.mail.Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        var part = multipart.getBodyPart(i);
        String html = part.isMimeType("text/html") ? (String) part.getContent() : findHtml(part.getContent());
        if (html != null) {
          return html;
        }
      }
    }
    return null;
  }

}
