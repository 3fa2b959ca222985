package cn.hrss.assessment.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import cn.hrss.assessment.support.IntegrationTest;
import cn.hrss.assessment.support.Jobs;
import cn.hrss.assessment.support.TestMail;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
 * Assessment plans, the supervisor pool and the draws through HTTP (CONTRACT.md "Supervision"), on H2 and PostgreSQL.
 * Everything happens from Monday 2026-03-02 (no holiday in the weeks used); each test uses a period of its own.
 */
@IntegrationTest
class SupervisionApiIT {

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired Jobs jobs;
  @Autowired org.springframework.context.ConfigurableApplicationContext context;
  @Autowired org.springframework.context.event.ApplicationEventMulticaster multicaster;

  SupervisionFixtures fixtures;
  final List<String> cases = new ArrayList<>();

  @BeforeEach
  void setUp() {
    TestMail.reset();
    jobs.moveClockTo(LocalDateTime.of(2026, 3, 2, 9, 0));
    fixtures = new SupervisionFixtures(http, json, tasks, identity, jobs);
  }

  @AfterEach
  void tearDown() {
    jobs.runDue(); // the notices queued
    List<String> running = runtime.createProcessInstanceQuery()
        .processDefinitionKeyIn("InstitutionFilingProcess", "QualitySupervisionProcess").list()
        .stream().map(ProcessInstance::getId).toList();
    if (!running.isEmpty()) {
      runtime.deleteProcessInstancesIfExists(running, "test finished", true, true, false);
    }
    jobs.forget(cases);
    jobs.resetClock();
  }

  // ---------------------------------------------------------------- plans

  @Test
  void aPlanIsDeclaredAtLeastFiveWorkingDaysAheadWithinTheFiledScope() {
    SupervisionFixtures.Filed filed = fixtures.file("郑州计划申报机床有限公司");
    Map<String, Object> plan = plan("2026-03-09");
    String path = "/api/institutions/" + filed.filingCode() + "/assessment-plans";

    assertThat(post(path, plan, null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    SupervisionFixtures.Filed other = fixtures.file("郑州他人机床有限公司");
    assertThat(post(path, plan, bearer(other.token())).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    // 003 indicator 14: Friday 2026-03-06 is the 4th working day after Monday 03-02; Monday 03-09 the 5th.
    ResponseEntity<JsonNode> late = post(path, plan("2026-03-06"), bearer(filed.token()));
    assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(late.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(late.getBody().get("earliestDate").asText()).isEqualTo("2026-03-09");
    assertThat(late.getBody().get("detail").asText()).contains("5 个工作日", "2026年3月9日");

    Map<String, Object> bad = new LinkedHashMap<>(plan);
    bad.put("site", " ");
    bad.put("candidates", 0);
    bad.put("occupations", List.of(Map.of("code", "6-18-01-02", "levels", List.of(2, 3)),
        Map.of("code", "4-07-02-01", "levels", List.of(3))));
    ResponseEntity<JsonNode> invalid = post(path, bad, bearer(filed.token()));
    assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(invalid)).containsExactlyInAnyOrder("site", "candidates", "occupations[0].levels",
        "occupations[1].code");
    Map<String, Object> none = new LinkedHashMap<>(plan);
    none.put("occupations", List.of());
    none.put("candidates", 100_000);
    assertThat(fields(post(path, none, bearer(filed.token())))).containsExactlyInAnyOrder("occupations", "candidates");
    Map<String, Object> hostile = new LinkedHashMap<>(plan);
    hostile.put("date", "2026-13-45");
    assertThat(post(path, hostile, bearer(filed.token())).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    hostile.put("date", "2026-03-10");
    hostile.put("site", "实训楼\u0000");
    assertThat(fields(post(path, hostile, bearer(filed.token())))).containsExactly("site");
    assertThat(post("/api/institutions/S000041999999/assessment-plans", plan, bearer(filed.token())).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(plansOf(filed.filingCode())).isZero();

    HttpHeaders once = bearer(filed.token());
    once.set("Idempotency-Key", "plan-" + filed.filingCode());
    ResponseEntity<JsonNode> created = post(path, plan, once);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String planNo = created.getBody().get("planNo").asText();
    assertThat(planNo).matches("JH20260302-\\d{6}");
    ResponseEntity<JsonNode> replayed = post(path, plan, once);
    assertThat(replayed.getBody().get("planNo").asText()).isEqualTo(planNo);
    assertThat(replayed.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    assertThat(plansOf(filed.filingCode())).isEqualTo(1);

    ResponseEntity<JsonNode> listed = get("/api/assessment-plans?province=41&from=2026-03-09&to=2026-03-09", "officer");
    assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode mine = find(listed.getBody(), "planNo", planNo);
    assertThat(mine.get("filingCode").asText()).isEqualTo(filed.filingCode());
    assertThat(mine.get("site").asText()).isEqualTo("郑州市高新区 9 号 实训楼");
    assertThat(mine.get("occupations").get(0).get("name").asText()).isEqualTo("铣工");
    assertThat(get("/api/assessment-plans?province=33&from=2026-03-09&to=2026-03-09", "officer").getBody().toString())
        .doesNotContain(planNo);
    assertThat(get("/api/assessment-plans", "manager").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("/api/assessment-plans", "expert1").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("/api/assessment-plans", null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void theNoticePeriodCountsWorkingDaysAcrossTheMayHoliday() {
    SupervisionFixtures.Filed filed = fixtures.file("郑州五一计划机床有限公司");
    jobs.moveClockTo(LocalDateTime.of(2026, 4, 29, 9, 0)); // Wednesday before 劳动节 (1-5 May 2026)
    LocalDate expected = cn.hrss.assessment.calendar.WorkingDayCalendar.builtIn()
        .addWorkingDays(LocalDate.of(2026, 4, 29), 5);
    assertThat(expected).isAfter(LocalDate.of(2026, 5, 6)); // 5 calendar-ish days would be wrong
    ResponseEntity<JsonNode> refused = post("/api/institutions/" + filed.filingCode() + "/assessment-plans",
        plan("2026-05-06"), bearer(filed.token()));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(refused.getBody().get("earliestDate").asText()).isEqualTo(expected.toString());
    assertThat(post("/api/institutions/" + filed.filingCode() + "/assessment-plans", plan(expected.toString()),
        bearer(filed.token())).getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void aTerminatedInstitutionDeclaresNoPlan() {
    SupervisionFixtures.Filed filed = fixtures.file("郑州注销计划机床有限公司");
    jdbc.update("UPDATE registry_institution SET status = 'TERMINATED' WHERE filing_code = ?", filed.filingCode());
    ResponseEntity<JsonNode> refused = post("/api/institutions/" + filed.filingCode() + "/assessment-plans",
        plan("2026-03-10"), bearer(filed.token()));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(refused.getBody().get("detail").asText()).contains("已注销");
    assertThat(plansOf(filed.filingCode())).isZero();
  }

  // ---------------------------------------------------------------- pool

  @Test
  void supervisorsAreValidatedAndUnique() {
    String user = fixtures.supervisorUser();
    String card = SupervisionFixtures.freshCardCode();
    Map<String, Object> supervisor = supervisor(card, user, SupervisionFixtures.freshCreditCode());

    assertThat(post("/api/supervisors", supervisor, basic("officer")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    Map<String, Object> bad = new LinkedHashMap<>(supervisor);
    bad.put("cardCode", "R99250001"); // 99 is no province (001 人社职司便函〔2020〕53号 附件1)
    bad.put("employerCreditCode", "91410100MA00000020"); // wrong check character
    bad.put("province", "99");
    bad.put("email", "not-an-address");
    ResponseEntity<JsonNode> invalid = post("/api/supervisors", bad, basic("manager"));
    assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(invalid)).containsExactlyInAnyOrder("cardCode", "employerCreditCode", "province", "email");
    Map<String, Object> notSupervisor = new LinkedHashMap<>(supervisor);
    notSupervisor.put("userId", "officer");
    assertThat(fields(post("/api/supervisors", notSupervisor, basic("manager")))).containsExactly("userId");
    notSupervisor.put("userId", "nobody-" + user);
    assertThat(fields(post("/api/supervisors", notSupervisor, basic("manager")))).containsExactly("userId");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM supervisor WHERE user_id = ?", Integer.class, user)).isZero();

    ResponseEntity<JsonNode> created = post("/api/supervisors", supervisor, basic("manager"));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getBody().get("cardCode").asText()).isEqualTo(card);

    Map<String, Object> sameCard = supervisor(card, fixtures.supervisorUser(), SupervisionFixtures.freshCreditCode());
    assertThat(post("/api/supervisors", sameCard, basic("manager")).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    Map<String, Object> sameUser = supervisor(SupervisionFixtures.freshCardCode(), user,
        SupervisionFixtures.freshCreditCode());
    assertThat(post("/api/supervisors", sameUser, basic("manager")).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

    JsonNode pool = get("/api/supervisors", "manager").getBody();
    assertThat(find(pool, "userId", user).get("cardCode").asText()).isEqualTo(card);
    // the demo pool (demo setup only)
    assertThat(find(pool, "userId", "supervisor1").get("cardCode").asText()).isEqualTo("R41240001");
    assertThat(get("/api/supervisors", "officer").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  // ---------------------------------------------------------------- draws

  @Test
  void oneSupervisionDrawsATeamWithoutTheInstitutionsStaffAndTellsOnlyTheTeam() throws Exception {
    SupervisionFixtures.Filed filed = fixtures.file("郑州单项督导机床有限公司");
    String staff = registerSupervisor(filed.creditCode()); // employed by the institution: 001 督导规程 Art. 16
    String planNo = declare(filed, "2026-03-11");

    Map<String, Object> request = Map.of("planNo", planNo, "kind", "ON_SITE", "special", false, "teamSize", 2);
    assertThat(post("/api/supervisions", request, basic("officer")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    // The hand-off to QualitySupervisionProcess: published synchronously, inside the transaction storing the row.
    List<SupervisionAssigned> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<Boolean> inTransaction = new java.util.concurrent.CopyOnWriteArrayList<>();
    org.springframework.context.ApplicationListener<org.springframework.context.PayloadApplicationEvent<SupervisionAssigned>>
        listener = e -> {
          events.add(e.getPayload());
          inTransaction.add(org.springframework.transaction.support.TransactionSynchronizationManager
              .isActualTransactionActive() && jdbc.queryForObject("SELECT COUNT(*) FROM supervision WHERE plan_no = ?",
              Integer.class, e.getPayload().planNo()) == 1);
        };
    context.addApplicationListener(listener);
    ResponseEntity<JsonNode> created;
    try {
      created = post("/api/supervisions", request, basic("manager"));
    } finally {
      multicaster.removeApplicationListener(listener);
    }
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String no = created.getBody().get("supervisionNo").asText();
    cases.add(no);
    List<String> team = texts(created.getBody().get("team"));
    assertThat(team).hasSize(2).doesNotContain(staff);
    String seed = created.getBody().get("seed").asText();
    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.supervisionNo()).isEqualTo(no);
      assertThat(e.planNo()).isEqualTo(planNo);
      assertThat(e.filingCode()).isEqualTo(filed.filingCode());
      assertThat(e.team()).isEqualTo(team);
      assertThat(e.activityDate()).isEqualTo(LocalDate.of(2026, 3, 11));
      assertThat(e.kind()).isEqualTo("ON_SITE");
    });
    assertThat(inTransaction).containsExactly(true);
    assertThat(created.getHeaders().getLocation()).hasToString("/api/supervisions/" + no);

    Map<String, Object> row = jdbc.queryForMap("SELECT * FROM supervision WHERE supervision_no = ?", no);
    assertThat(row.get("PLAN_NO") != null ? row.get("PLAN_NO") : row.get("plan_no")).isEqualTo(planNo);
    assertThat(jdbc.queryForList("SELECT user_id FROM supervision_member WHERE supervision_no = ? ORDER BY position",
        String.class, no)).isEqualTo(team);
    String drawNo = created.getBody().get("drawNo").asText();
    JsonNode candidates = json.readTree(jdbc.queryForObject(
        "SELECT candidate_plans FROM supervision_draw WHERE draw_no = ?", String.class, drawNo));
    assertThat(candidates.get(0).get("excluded").get(staff).asText()).isEqualTo(SupervisionDraw.EMPLOYER);
    assertThat(recompute(drawNo)).isEqualTo(json.readTree(jdbc.queryForObject(
        "SELECT result FROM supervision_draw WHERE draw_no = ?", String.class, drawNo)));
    assertThat(jdbc.queryForObject("SELECT seed FROM supervision_draw WHERE draw_no = ?", String.class, drawNo))
        .isEqualTo(seed);

    // The same plan twice: 409.
    assertThat(post("/api/supervisions", request, basic("manager")).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

    // The team is told, each member by mail; the institution is not (督导 is not announced in advance).
    jobs.runDue();
    for (String member : team) {
      String email = jdbc.queryForObject("SELECT email FROM supervisor WHERE user_id = ?", String.class, member);
      assertThat(subjectsTo(email)).contains("质量督导委派通知（" + no + "）");
      assertThat(TestMail.textsTo(email)).anySatisfy(t -> assertThat(t).contains(filed.name(), "2026年3月11日",
          "郑州市高新区 9 号 实训楼", "组长"));
    }
    assertThat(subjectsTo("hr@plans.example.cn")).noneMatch(s -> s.contains("质量督导委派"));

    // Managers see the team with e-mails; the institution sees its own from the activity day, without e-mails.
    JsonNode asManager = get("/api/supervisions/" + no, "manager").getBody();
    assertThat(asManager.get("team").get(0).get("email").asText()).contains("@");
    assertThat(asManager.get("team").get(0).get("leader").asBoolean()).isTrue();
    assertThat(asManager.hasNonNull("grade")).isFalse();
    assertThat(exchange("/api/supervisions/" + no, bearer(filed.token())).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    jobs.moveClockTo(LocalDateTime.of(2026, 3, 11, 8, 0));
    ResponseEntity<JsonNode> asInstitution = exchange("/api/supervisions/" + no, bearer(filed.token()));
    assertThat(asInstitution.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(asInstitution.getBody().toString()).doesNotContain("@", "userId");
    assertThat(asInstitution.getBody().get("team")).hasSize(2);
    SupervisionFixtures.Filed other = fixtures.file("郑州旁人机床有限公司");
    assertThat(exchange("/api/supervisions/" + no, bearer(other.token())).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(exchange("/api/supervisions/" + no, new HttpHeaders()).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(get("/api/supervisions/" + no, "officer").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void aSpecialSupervisionNeedsThreeAndTooFewEligibleIsRefusedWithNothingStored() {
    SupervisionFixtures.Filed filed = fixtures.file("郑州专项督导机床有限公司");
    registerSupervisor(filed.creditCode());
    String planNo = declare(filed, "2026-03-12");

    ResponseEntity<JsonNode> two = post("/api/supervisions",
        Map.of("planNo", planNo, "kind", "ON_SITE", "special", true, "teamSize", 2), basic("manager"));
    assertThat(two.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(two)).containsExactly("teamSize");

    int eligible = eligibleFor(filed.creditCode(), LocalDate.of(2026, 3, 12));
    assumeThat(eligible).as("eligible supervisors in the shared pool").isLessThan(9);
    int drawsBefore = count("supervision_draw");
    int supervisionsBefore = count("supervision");
    ResponseEntity<JsonNode> tooFew = post("/api/supervisions",
        Map.of("planNo", planNo, "kind", "QUESTION_SETTING", "special", true, "teamSize", 9), basic("manager"));
    assertThat(tooFew.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(tooFew.getBody().get("missing").asInt()).isEqualTo(9 - eligible);
    assertThat(tooFew.getBody().get("detail").asText()).contains("还差 " + (9 - eligible) + " 名", planNo);
    assertThat(count("supervision_draw")).isEqualTo(drawsBefore);
    assertThat(count("supervision")).isEqualTo(supervisionsBefore);
    assertThat(count("supervision_member")).isEqualTo(jdbc.queryForObject(
        "SELECT COUNT(*) FROM supervision_member m JOIN supervision s ON s.supervision_no = m.supervision_no",
        Integer.class));

    assertThat(fields(post("/api/supervisions", Map.of("planNo", "JH00000000-000000", "kind", "X"), basic("manager"))))
        .containsExactlyInAnyOrder("planNo", "kind");
  }

  @Test
  void aDrawPicksInstitutionsOfThePeriodAndExcludesLastYearsSupervisors() throws Exception {
    SupervisionFixtures.Filed a = fixtures.file("洛阳抽取甲机床有限公司");
    SupervisionFixtures.Filed b = fixtures.file("洛阳抽取乙机床有限公司");
    registerSupervisor(SupervisionFixtures.freshCreditCode());
    registerSupervisor(SupervisionFixtures.freshCreditCode());
    String planA = declare(a, "2026-04-14");
    String planB = declare(b, "2026-04-15");

    int drawsBefore = count("supervision_draw");
    Map<String, Object> tooMany = Map.of("province", "41", "from", "2026-04-13", "to", "2026-04-17", "count", 50,
        "kind", "ON_SITE");
    ResponseEntity<JsonNode> refused = post("/api/supervision-draws", tooMany, basic("manager"));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(refused.getBody().get("available").asInt()).isLessThan(50);
    assertThat(count("supervision_draw")).isEqualTo(drawsBefore);
    assertThat(fields(post("/api/supervision-draws", Map.of("province", "99", "from", "2026-04-17", "to", "2026-04-13",
        "count", 0, "kind", "ON_SITE"), basic("manager")))).containsExactlyInAnyOrder("province", "to", "count");

    Map<String, Object> request = Map.of("province", "41", "from", "2026-04-13", "to", "2026-04-17", "count", 2,
        "kind", "ON_SITE");
    HttpHeaders once = basic("manager");
    once.set("Idempotency-Key", "draw-" + planA);
    ResponseEntity<JsonNode> drawn = post("/api/supervision-draws", request, once);
    assertThat(drawn.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String drawNo = drawn.getBody().get("drawNo").asText();
    int draws = count("supervision_draw");
    HttpHeaders retry = basic("manager");
    retry.set("Idempotency-Key", "draw-" + planA);
    ResponseEntity<JsonNode> replayed = post("/api/supervision-draws", request, retry);
    assertThat(replayed.getBody().get("drawNo").asText()).isEqualTo(drawNo);
    assertThat(replayed.getBody().get("seed").asText()).isEqualTo(drawn.getBody().get("seed").asText());
    assertThat(count("supervision_draw")).isEqualTo(draws);
    List<String> drawnPlans = new ArrayList<>();
    drawn.getBody().get("supervisions").forEach(s -> {
      drawnPlans.add(s.get("planNo").asText());
      cases.add(s.get("supervisionNo").asText());
      assertThat(s.get("team")).hasSize(2);
    });
    assertThat(drawnPlans).doesNotHaveDuplicates().hasSize(2);
    assertThat(recompute(drawNo)).isEqualTo(json.readTree(jdbc.queryForObject(
        "SELECT result FROM supervision_draw WHERE draw_no = ?", String.class, drawNo)));

    // Both institutions of the period are drawn (count 2 of 2).
    assertThat(drawnPlans).containsExactlyInAnyOrder(planA, planB);

    // A's next activity: whoever supervised A on 04-14 is excluded for 12 months (issue 14 item 3).
    List<String> teamA = jdbc.queryForList("SELECT m.user_id FROM supervision_member m JOIN supervision s"
        + " ON s.supervision_no = m.supervision_no WHERE s.plan_no = ?", String.class, planA);
    String next = declare(a, "2026-06-16");
    ResponseEntity<JsonNode> again = post("/api/supervisions",
        Map.of("planNo", next, "kind", "ON_SITE", "special", false), basic("manager"));
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    cases.add(again.getBody().get("supervisionNo").asText());
    assertThat(texts(again.getBody().get("team"))).hasSize(2).doesNotContainAnyElementsOf(teamA);
    JsonNode excluded = json.readTree(jdbc.queryForObject("SELECT candidate_plans FROM supervision_draw"
        + " WHERE draw_no = ?", String.class, again.getBody().get("drawNo").asText())).get(0).get("excluded");
    assertThat(teamA).hasSize(2).allSatisfy(id -> assertThat(excluded.path(id).asText()).isEqualTo(SupervisionDraw.RECENT));
  }

  // ---------------------------------------------------------------- helpers

  /** The draw recomputed from its record alone: seed, candidate plans (with exclusions) and candidate supervisors. */
  JsonNode recompute(String drawNo) throws Exception {
    Map<String, Object> row = jdbc.queryForMap("SELECT seed, candidate_plans, candidate_supervisors, institution_count,"
        + " team_size FROM supervision_draw WHERE draw_no = ?", drawNo);
    Map<String, Object> r = new LinkedHashMap<>();
    row.forEach((k, v) -> r.put(k.toLowerCase(), v));
    List<SupervisionDraw.PlanCandidate> plans = Arrays.asList(json.readValue((String) r.get("candidate_plans"),
        SupervisionDraw.PlanCandidate[].class));
    List<String> pool = new ArrayList<>();
    json.readTree((String) r.get("candidate_supervisors")).forEach(s -> pool.add(s.get("userId").asText()));
    SupervisionDraw.Outcome outcome = SupervisionDraw.draw(Long.parseLong((String) r.get("seed")), plans, pool,
        ((Number) r.get("institution_count")).intValue(), ((Number) r.get("team_size")).intValue());
    return json.valueToTree(((SupervisionDraw.Drawn) outcome).picks());
  }

  int eligibleFor(String employerCreditCode, LocalDate day) {
    Set<String> busy = new HashSet<>(jdbc.queryForList("SELECT user_id FROM supervision_member WHERE activity_date = ?",
        String.class, java.sql.Date.valueOf(day)));
    return (int) jdbc.queryForList("SELECT user_id FROM supervisor WHERE employer_credit_code <> ?", String.class,
        employerCreditCode).stream().filter(id -> !busy.contains(id)).count();
  }

  String registerSupervisor(String employerCreditCode) {
    String user = fixtures.supervisorUser();
    ResponseEntity<JsonNode> created = post("/api/supervisors",
        supervisor(SupervisionFixtures.freshCardCode(), user, employerCreditCode), basic("manager"));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return user;
  }

  String declare(SupervisionFixtures.Filed filed, String date) {
    ResponseEntity<JsonNode> created = post("/api/institutions/" + filed.filingCode() + "/assessment-plans", plan(date),
        bearer(filed.token()));
    assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    return created.getBody().get("planNo").asText();
  }

  static Map<String, Object> plan(String date) {
    Map<String, Object> plan = new LinkedHashMap<>();
    plan.put("date", date);
    plan.put("site", "郑州市高新区 9 号 实训楼");
    plan.put("occupations", List.of(Map.of("code", "6-18-01-02", "levels", List.of(3, 4))));
    plan.put("candidates", 40);
    return plan;
  }

  static Map<String, Object> supervisor(String card, String user, String employer) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("cardCode", card);
    s.put("name", "测试督导员");
    s.put("userId", user);
    s.put("email", user + "@supervisors.example.cn");
    s.put("employerCreditCode", employer);
    s.put("province", "41");
    return s;
  }

  int plansOf(String filingCode) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM assessment_plan WHERE filing_code = ?", Integer.class, filingCode);
  }

  int count(String table) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
  }

  ResponseEntity<JsonNode> post(String path, Object body, HttpHeaders headers) {
    HttpHeaders h = headers == null ? new HttpHeaders() : headers;
    h.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, h), JsonNode.class);
  }

  ResponseEntity<JsonNode> get(String path, String user) {
    return exchange(path, user == null ? new HttpHeaders() : basic(user));
  }

  ResponseEntity<JsonNode> exchange(String path, HttpHeaders headers) {
    return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
  }

  static HttpHeaders basic(String user) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, user);
    return headers;
  }

  static HttpHeaders bearer(String token) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(token);
    return headers;
  }

  static List<String> fields(ResponseEntity<JsonNode> response) {
    assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
    List<String> fields = new ArrayList<>();
    response.getBody().get("errors").forEach(e -> fields.add(e.get("field").asText()));
    return fields;
  }

  static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  static JsonNode find(JsonNode array, String field, String value) {
    for (JsonNode node : array) {
      if (value.equals(node.get(field).asText())) {
        return node;
      }
    }
    throw new AssertionError(value + " not in " + array);
  }

  static List<String> subjectsTo(String address) throws Exception {
    List<String> subjects = new ArrayList<>();
    for (MimeMessage m : TestMail.server().getReceivedMessages()) {
      if (Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address))) {
        subjects.add(m.getSubject());
      }
    }
    return subjects;
  }
}
