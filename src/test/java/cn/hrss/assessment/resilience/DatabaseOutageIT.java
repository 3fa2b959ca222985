package cn.hrss.assessment.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.filing.Applications;
import cn.hrss.assessment.support.ApplicationJvm;
import cn.hrss.assessment.support.TestDatabase;
import cn.hrss.assessment.support.TestMail;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.http.HttpEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.MultiValueMap;

/**
 * PostgreSQL goes away for 30 s in the middle of a run (issue 16 item 3). The packaged application runs as a child JVM
 * on a PostgreSQL server of the test's own (the shared one of the test JVM cannot be stopped), with its job executor
 * on and the GreenMail sink; clients drive filings and disciplinary cases through HTTP as in {@link CrashIT}. After a
 * few client actions the server is stopped ({@code pg_ctl stop -m fast}) and, 30 s later, started again on the same
 * data directory and port.
 *
 * <p>While it is away: the application answers 503 problem+json with {@code Retry-After} and no stack trace (the
 * domain API, the public pages, engine REST in Camunda's error shape), {@code /actuator/health} answers 503 DOWN. When
 * it is back: health is UP again without a restart (the pool drops the dead connections), the clients' requests
 * that were refused are sent again (submissions with their Idempotency-Key) and every case ends where it should, each
 * job ran once, each notice was sent under one Message-ID and no incident was raised ({@link Invariants}).
 */
@EnabledIfSystemProperty(named = TestDatabase.SYSTEM_PROPERTY, matches = "postgres")
class DatabaseOutageIT {

  static final Duration OUTAGE = Duration.ofSeconds(30);
  static final int STOP_AFTER_ACTIONS = 8;

  @Test
  void postgresAwayForThirtySeconds_isAnswered503WithHealthDown_andNothingIsLostOrDoubledAfterwards() throws Exception {
    TestMail.reset();
    int port = ApplicationJvmPorts.free();
    Path dataDirectory = Files.createDirectories(TestDatabase.workingDirectory()).resolve("outage-" + UUID.randomUUID());
    AtomicReference<EmbeddedPostgres> server = new AtomicReference<>(TestDatabase.startOwnServer(dataDirectory, port));
    try {
      try (Connection connection = server.get().getPostgresDatabase().getConnection();
           Statement statement = connection.createStatement()) {
        statement.execute("CREATE DATABASE assessment ENCODING 'UTF8' TEMPLATE template0");
      }
      String url = server.get().getJdbcUrl(TestDatabase.USER, "assessment");
      JdbcTemplate db = Resilience.jdbc(url);
      Http http = new Http();
      Http probe = new Http();

      Map<String, String> properties = new java.util.LinkedHashMap<>(
          Resilience.applicationProperties(url, Resilience.materialsDirectory("outage")));
      // A request waits this long for a connection before its 503 (10 s by default): shorter, so that the probe
      // sees every kind of request refused several times within the 30 s.
      properties.put("spring.datasource.hikari.connection-timeout", "3000");
      try (ApplicationJvm app = ApplicationJvm.of("outage-app", properties)) {
        app.start(Duration.ofMinutes(3));
        DrivenCase.Apps apps = DrivenCase.Apps.of(app);
        FilingCase institution = new FilingCase(1, http, db, apps);
        new CaseDriver(List.of(institution), 1).run(Duration.ofMinutes(2));

        List<DrivenCase> cases = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          cases.add(new FilingCase(2 + i, http, db, apps));
          cases.add(new DisciplineCase(1 + i, i % 2 == 0, institution.filingCode(), http, db, apps));
        }
        CaseDriver driver = new CaseDriver(cases, 3);
        CountDownLatch moment = new CountDownLatch(1);
        driver.afterAction(n -> {
          if (n >= STOP_AFTER_ACTIONS) {
            moment.countDown();
          }
        });

        Outage outage = new Outage();
        AtomicReference<Throwable> outageFailure = new AtomicReference<>();
        Thread operator = new Thread(() -> {
          try {
            if (!moment.await(5, TimeUnit.MINUTES)) {
              return;
            }
            outage.stoppedAt = Instant.now();
            server.get().close(); // pg_ctl stop -m fast: every connection is cut
            CaseDriver.log("DatabaseOutageIT: PostgreSQL STOPPED after " + driver.actions() + " client actions");
            Instant restartAt = outage.stoppedAt.plus(OUTAGE);
            while (Instant.now().isBefore(restartAt)) {
              outage.observe(probe, app.baseUrl());
            }
            server.set(TestDatabase.startOwnServer(dataDirectory, port));
            outage.restartedAt = Instant.now();
            CaseDriver.log("DatabaseOutageIT: PostgreSQL STARTED again after " + Duration.between(outage.stoppedAt, outage.restartedAt));
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (!app.healthy() && Instant.now().isBefore(deadline)) {
              ApplicationJvmPorts.pause(Duration.ofMillis(250));
            }
            outage.upAgainAt = app.healthy() ? Instant.now() : null;
          } catch (Throwable e) {
            outageFailure.set(e);
          }
        }, "operator");
        operator.start();
        try {
          driver.run(Duration.ofMinutes(6));
        } finally {
          moment.countDown();
          operator.join();
        }
        assertThat(outageFailure.get()).as("stopping and starting PostgreSQL").isNull();
        assertThat(outage.stoppedAt).as("the database was stopped during the run").isNotNull();
        assertThat(outage.upAgainAt).as("health UP again after the restart, without restarting the application").isNotNull();
        CaseDriver.log("DatabaseOutageIT: health UP " + Duration.between(outage.restartedAt, outage.upAgainAt)
            + " after the restart; while away: " + outage);

        assertThat(outage.healthDown).as("/actuator/health while the database was away").isPositive();
        assertThat(outage.healthUp).as("/actuator/health never UP while the database was away").isZero();
        assertThat(outage.submissionsRefused).as("POST /api/filings while the database was away").isPositive();
        assertThat(outage.engineRestRefused).as("engine REST while the database was away").isPositive();
        List<Http.ServiceUnavailable> refusals = new ArrayList<>(probe.unavailable);
        refusals.addAll(http.unavailable);
        assertThat(refusals).allSatisfy(refusal -> {
          assertThat(refusal.retryAfter()).as("Retry-After of %s", refusal.request()).isNotBlank();
          assertThat(refusal.body()).as("no stack trace in the answer to %s", refusal.request())
              .doesNotContain("Exception", "\tat ", "org.postgresql", "Hikari", "SQL");
          if (refusal.request().contains("/engine-rest/")) {
            // Camunda's error shape, which Tasklist and clients read: type and message.
            assertThat(refusal.contentType()).startsWith("application/json");
            assertThat(refusal.body()).contains("\"type\":\"ServiceUnavailable\"", "\"message\":\"数据库暂时无法访问");
          } else if (!refusal.request().contains("/actuator/health")) {
            assertThat(refusal.contentType()).startsWith("application/problem+json");
            assertThat(refusal.body()).contains("\"status\":503", "数据库暂时无法访问");
          }
        });
        // Nothing half-stored: the refused filing of the probe left no application behind.
        assertThat(db.queryForObject("SELECT COUNT(*) FROM filing_application WHERE credit_code = ?", Integer.class,
            Outage.PROBE_CREDIT_CODE)).isZero();

        cases.add(institution);
        Invariants invariants = new Invariants(db, TestMail.server(), cases);
        List<String> violations = invariants.check();
        CaseDriver.log("DatabaseOutageIT:\n" + invariants.report() + "\nrequests refused with 503 or unanswered: "
            + driver.unanswered().size());
        assertThat(violations).as("invariants after the outage (log %s)", app.log()).isEmpty();
      }
    } finally {
      server.get().close();
      org.springframework.util.FileSystemUtils.deleteRecursively(dataDirectory);
    }
  }

  /** What the probe saw while the database was away. */
  static final class Outage {
    static final String PROBE_CREDIT_CODE = FilingCase.creditCode(99);
    volatile Instant stoppedAt;
    volatile Instant restartedAt;
    volatile Instant upAgainAt;
    int healthDown;
    int healthUp;
    int submissionsRefused;
    int engineRestRefused;
    int pagesRefused;
    private final String key = UUID.randomUUID().toString();

    void observe(Http probe, String baseUrl) {
      try {
        probe.get(baseUrl + "/actuator/health", null);
        healthUp++;
      } catch (Http.Unavailable e) {
        healthDown++;
      } catch (Http.Unreachable e) {
        // the application itself must stay up; counted as a failure below
        throw new AssertionError("the application stopped answering while the database was away", e);
      }
      try {
        HttpEntity<MultiValueMap<String, Object>> body = Applications.multipart(Http.JSON,
            Applications.socialOrg(PROBE_CREDIT_CODE), Map.of("备案申请表.pdf", "%PDF-1.7\n%probe\n".getBytes()));
        var headers = new org.springframework.http.HttpHeaders();
        headers.putAll(body.getHeaders());
        headers.set("Idempotency-Key", key);
        Http.Answer answer = probe.post(baseUrl + "/api/filings", headers, body.getBody());
        throw new AssertionError("a filing was accepted while the database was away: " + answer);
      } catch (Http.Unavailable e) {
        submissionsRefused++;
      }
      try {
        Http.Answer answer = probe.get(baseUrl + "/engine-rest/task?candidateGroup=acceptance-officers", Http.basic("officer"));
        throw new AssertionError("engine REST answered while the database was away: " + answer);
      } catch (Http.Unavailable e) {
        engineRestRefused++;
      }
      try {
        probe.get(baseUrl + "/directory", null);
      } catch (Http.Unavailable e) {
        pagesRefused++;
      }
    }

    @Override
    public String toString() {
      return "health DOWN " + healthDown + "×, UP " + healthUp + "×; POST /api/filings 503 " + submissionsRefused
          + "×; engine REST 503 " + engineRestRefused + "×; /directory 503 " + pagesRefused + "×";
    }
  }

  /** Ports and pauses for the test's own server. */
  static final class ApplicationJvmPorts {
    static int free() throws java.io.IOException {
      try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
        return socket.getLocalPort();
      }
    }

    static void pause(Duration duration) throws InterruptedException {
      Thread.sleep(duration.toMillis());
    }
  }
}
