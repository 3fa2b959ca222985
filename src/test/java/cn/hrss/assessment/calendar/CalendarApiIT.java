package cn.hrss.assessment.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.support.IntegrationTest;
import cn.hrss.assessment.support.Jobs;
import cn.hrss.assessment.support.OfficialYears;
import cn.hrss.assessment.support.TestMail;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code /api/calendar/{year}} (CONTRACT.md "Working-day calendar"): reading any year, loading an official schedule
 * (administrators only, checked as a whole, nothing stored when refused), the coverage in actuator info and
 * health, and the managers' one e-mail about a provisional next year. The recomputation of open deadlines is shown
 * by FilingDeadlineRecomputationIT and DisciplinaryCaseProcessIT.
 */
@IntegrationTest
class CalendarApiIT {

  /** A year no other test uses, so that loading it disturbs nobody. */
  private static final int YEAR = 2035;

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired WorkingDayCalendar calendar;
  @Autowired ProvisionalYearWarning warning;
  @Autowired DeadlineLedger ledger;
  @Autowired Jobs jobs;

  @BeforeEach
  void setUp() {
    TestMail.reset();
  }

  @AfterEach
  void tearDown() {
    OfficialYears.forget(jdbc, YEAR);
    jdbc.update("DELETE FROM calendar_warning");
    jobs.resetClock();
  }

  @Test
  void anyoneReadsAProvisionalYearWithItsBasis() {
    ResponseEntity<JsonNode> year = http.getForEntity("/api/calendar/2027", JsonNode.class);

    assertThat(year.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(year.getBody().get("source").asText()).isEqualTo("PROVISIONAL");
    assertThat(texts(year.getBody().get("holidays"))).startsWith("2027-01-01")
        .contains("2027-02-05", "2027-02-10", "2027-05-04", "2027-10-05").hasSize(19);
    assertThat(year.getBody().get("workdays")).isEmpty();
    assertThat(year.getBody().get("basis").asText()).contains("暂定").contains("第二条").contains("补假");
  }

  @Test
  void anOfficialYearShowsItsAdjustedWorkingDays() {
    JsonNode year = http.getForObject("/api/calendar/2026", JsonNode.class);

    assertThat(year.get("source").asText()).isEqualTo("OFFICIAL");
    assertThat(texts(year.get("workdays"))).contains("2026-01-04", "2026-02-14", "2026-02-28");
    assertThat(texts(year.get("holidays"))).contains("2026-02-23").doesNotContain("2026-02-14");
    assertThat(year.get("basis").asText()).contains("2026年部分节假日安排");
  }

  @Test
  void aYearOutsideTheCalendarOrNotANumberIsRefused() {
    assertThat(http.getForEntity("/api/calendar/2001", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(http.getForEntity("/api/calendar/2101", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(http.getForEntity("/api/calendar/abc", String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void onlyAnAdministratorLoadsASchedule() {
    Map<String, Object> body = schedule(statutory(), List.of());
    assertThat(http.exchange("/api/calendar/" + YEAR, HttpMethod.PUT, new HttpEntity<>(body), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    for (String user : List.of("officer", "manager", "discipline")) {
      assertThat(http.withBasicAuth(user, user).exchange("/api/calendar/" + YEAR, HttpMethod.PUT, new HttpEntity<>(body),
          String.class).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(http.withBasicAuth("admin", "wrong").exchange("/api/calendar/" + YEAR, HttpMethod.PUT,
        new HttpEntity<>(body), String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertNothingStored();
  }

  @Test
  void anInvalidScheduleIsRefusedWithEveryProblemAndNothingIsStored() {
    List<String> holidays = new ArrayList<>(statutory());
    holidays.add(YEAR + 1 + "-01-01");           // outside the year
    holidays.add(YEAR + "-02-30");               // no such date
    holidays.add(YEAR + "-03-10");               // Saturday 2035-03-10, also listed as a working day below
    List<String> workdays = List.of(YEAR + "-03-14", YEAR + "-03-10"); // Wednesday (not a weekend day); both
    ResponseEntity<JsonNode> refused = put(schedule(holidays, workdays));

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    List<String> fields = refused.getBody().get("errors").findValuesAsText("field");
    String messages = String.join("\n", refused.getBody().get("errors").findValuesAsText("message"));
    assertThat(fields).contains("holidays[13]", "holidays[14]", "workdays[0]", "workdays[1]");
    assertThat(messages).contains("不在 2035 年内").contains("不是有效日期").contains("不是星期六或星期日")
        .contains("同时被列为放假日和调休上班日");
    assertNothingStored();
  }

  @Test
  void tooManyDatesAreRefusedBeforeAnythingIsStored() {
    List<String> holidays = new ArrayList<>(statutory());
    holidays.addAll(OfficialYears.range(YEAR + "-01-02", YEAR + "-08-31"));
    ResponseEntity<JsonNode> refused = put(schedule(holidays, List.of()));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("errors").findValuesAsText("message")).anySatisfy(m -> assertThat(m).contains("200"));
    assertNothingStored();
  }

  @Test
  void aDeadlineRegisteredAnewMeanwhileIsNotClaimedWithItsOldCount() {
    // DeadlineRecomputation reads the stale deadlines, then claims each: a second supplement request registered
    // on another node in between (same revision, another start day) must not be overwritten with the old count.
    String reference = "CLAIM-IT-" + System.nanoTime();
    java.time.Instant due = java.time.Instant.parse("2027-03-04T15:59:59Z");
    ledger.register("supplementDue", reference, reference, java.time.LocalDate.of(2027, 1, 29), 20, due, true, 0);
    DeadlineEntry read = ledger.entries(reference).get(0);
    ledger.register("supplementDue", reference, reference, java.time.LocalDate.of(2027, 2, 1), 20,
        java.time.Instant.parse("2027-03-05T15:59:59Z"), true, 0);
    try {
      assertThat(ledger.claim(read, 1)).isFalse();
      assertThat(ledger.claim(ledger.entries(reference).get(0), 1)).isTrue();
    } finally {
      jdbc.update("DELETE FROM calendar_deadline WHERE reference = ?", reference);
    }
  }

  @Test
  void anEmptyScheduleOrBodyIsRefused() {
    ResponseEntity<JsonNode> empty = put(schedule(List.of(), List.of()));
    assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(empty.getBody().get("errors").findValuesAsText("field")).contains("holidays");
    assertThat(http.withBasicAuth("admin", "admin").exchange("/api/calendar/" + YEAR, HttpMethod.PUT,
        new HttpEntity<>("{\"holidays\": \"2035-01-01\"}", jsonHeaders()), String.class).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertNothingStored();
  }

  @Test
  void aStatutoryHolidayLeftOutIsRefusedUnlessForced() {
    List<String> holidays = new ArrayList<>(statutory());
    holidays.remove(YEAR + "-09-16"); // 中秋节 2035 (农历八月十五)
    ResponseEntity<JsonNode> refused = put(schedule(holidays, List.of()));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().toString()).contains("2035-09-16（中秋节）").contains("force");
    assertNothingStored();

    Map<String, Object> forced = schedule(holidays, List.of());
    forced.put("force", true);
    ResponseEntity<JsonNode> loaded = put(forced);
    assertThat(loaded.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(loaded.getBody().get("source").asText()).isEqualTo("OFFICIAL");
    assertThat(loaded.getBody().get("warnings").toString()).contains("2035-09-16");
    assertThat(calendar.isOfficial(YEAR)).isTrue();
    assertThat(calendar.isWorkingDay(java.time.LocalDate.of(YEAR, 9, 17))).as("Monday after, no 补假 any more").isTrue();
    JsonNode shown = http.getForObject("/api/calendar/" + YEAR, JsonNode.class);
    assertThat(shown.get("source").asText()).isEqualTo("OFFICIAL");
    assertThat(shown.get("basis").asText()).contains("admin").contains("测试载入");
  }

  @Test
  void coverageIsShownInActuatorInfoAndHealth() {
    JsonNode info = http.getForObject("/actuator/info", JsonNode.class);
    assertThat(info.at("/calendar/officialYears").asText()).isEqualTo("2002-2026");
    // The clock is pinned to 2026-03-02 (PinnedClockTestExecutionListener): this year and the next five.
    assertThat(info.at("/calendar/provisionalYears").asText()).isEqualTo("2027-2031 and later");
    assertThat(info.at("/calendar/nextYearProvisional").asBoolean()).isTrue();
    JsonNode health = http.withBasicAuth("admin", "admin").getForObject("/actuator/health", JsonNode.class);
    assertThat(health.get("status").asText()).isEqualTo("UP");
  }

  @Test
  void fromOctoberTheManagersAreToldOnceThatNextYearIsProvisional() throws Exception {
    jobs.moveClockTo(LocalDateTime.of(2026, 9, 30, 9, 0));
    assertThat(warning.check()).as("before 1 October").isFalse();

    jobs.moveClockTo(LocalDateTime.of(2026, 10, 1, 9, 0));
    assertThat(warning.check()).isTrue();
    assertThat(warning.check()).as("warned again in the log, daily").isTrue();
    jobs.runDue();

    // Only the warning counts: the clock moved seven months, and timers other tests' cases left behind may have mailed.
    assertThat(TestMail.server().getReceivedMessages()).filteredOn(mail -> subject(mail).contains("暂定"))
        .singleElement().satisfies(mail -> {
      assertThat(Arrays.stream(mail.getAllRecipients()).map(Object::toString)).contains("manager@demo.assessment.local");
      assertThat(mail.getSubject()).contains("2027").contains("暂定");
    });
  }

  // --- helpers

  private static String subject(jakarta.mail.Message mail) {
    try {
      return mail.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private ResponseEntity<JsonNode> put(Map<String, Object> body) {
    return http.withBasicAuth("admin", "admin").exchange("/api/calendar/" + YEAR, HttpMethod.PUT, new HttpEntity<>(body),
        JsonNode.class);
  }

  private void assertNothingStored() {
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM calendar_year WHERE cal_year = ?", Integer.class, YEAR)).isZero();
    assertThat(http.getForObject("/api/calendar/" + YEAR, JsonNode.class).get("source").asText()).isEqualTo("PROVISIONAL");
  }

  /** The Art. 2 days of {@link #YEAR}, as the rules give them. */
  private static List<String> statutory() {
    return StatutoryHolidays.of(YEAR).stream().map(d -> d.date().toString()).distinct().toList();
  }

  private static Map<String, Object> schedule(List<String> holidays, List<String> workdays) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("holidays", holidays);
    body.put("workdays", workdays);
    body.put("reason", "测试载入");
    return body;
  }

  private static org.springframework.http.HttpHeaders jsonHeaders() {
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    return headers;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }
}
