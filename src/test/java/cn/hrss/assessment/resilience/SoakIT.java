package cn.hrss.assessment.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.support.ApplicationJvm;
import cn.hrss.assessment.support.TestDatabase;
import cn.hrss.assessment.support.TestMail;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The soak (issue 16 item 6): {@code mvn -Psoak verify} (30 minutes; {@code -Dsoak.minutes}, {@code -Dsoak.rate}).
 * The packaged application runs as a child JVM on the embedded PostgreSQL with production settings (job executor,
 * pool and thread sizes, full JIT, 1 GB heap, G1) and the GreenMail sink; new cases, filings and disciplinary cases
 * alternately, arrive at a steady rate (default 3 per second: half the application's measured maximum on PostgreSQL,
 * 6.09, README "Benchmark") and are driven to their end through HTTP as clients and officers would
 * ({@link DrivenCase}). Once a minute the application's figures are sampled: heap after a full GC
 * ({@code jcmd GC.run}, then {@code jvm.memory.used}), live threads, pool connections, rows in the runtime tables,
 * cases open. Writes target/soak/soak.md and asserts: no error (no failed request, no refused step, no incident,
 * every notice sent; job attempts that failed and were retried are reported), every case ended where it should, heap after GC, threads and
 * connections flat between the first and the last five minutes, and no runtime row left once the cases ended. Not in
 * {@code mvn verify}: it needs {@code -Dsoak.minutes}.
 */
@EnabledIfSystemProperty(named = "soak.minutes", matches = "\\d+(\\.\\d+)?")
@EnabledIfSystemProperty(named = TestDatabase.SYSTEM_PROPERTY, matches = "postgres")
class SoakIT {

  static final int DRIVERS = 6;

  @Test
  void halfTheMaximumThroughputForHalfAnHour_withoutErrorsOrGrowth() throws Exception {
    Duration length = Duration.ofSeconds((long) (Double.parseDouble(System.getProperty("soak.minutes")) * 60));
    double rate = Double.parseDouble(System.getProperty("soak.rate", "3.0"));
    TestMail.reset();
    String url = Resilience.freshDatabase();
    JdbcTemplate db = Resilience.jdbc(url);
    Http http = new Http();
    Map<String, String> properties = new LinkedHashMap<>(Resilience.applicationProperties(url, Resilience.materialsDirectory("soak")));
    // Production's sizes and timings, not the crash tests' shortened ones.
    for (String shortened : List.of("spring.datasource.hikari.maximum-pool-size", "camunda.bpm.job-execution.max-pool-size",
        "camunda.bpm.job-execution.lock-time-in-millis", "camunda.bpm.job-execution.max-wait",
        "assessment.notification.sending-expires-after", "assessment.notification.retry-cycle")) {
      properties.remove(shortened);
    }
    properties.put("management.endpoints.web.exposure.include", "health,info,metrics");
    properties.put("logging.level.org.camunda.bpm.engine.jobexecutor", "WARN");

    try (ApplicationJvm app = ApplicationJvm.of("soak-app", properties)
        .withJvmOptions(List.of("-Xms256m", "-Xmx1g", "-XX:+UseG1GC"))) {
      app.start(Duration.ofMinutes(3));
      DrivenCase.Apps apps = DrivenCase.Apps.of(app);
      FilingCase institution = new FilingCase(1, http, db, apps);
      new CaseDriver(List.of(institution), 1).run(Duration.ofMinutes(2));
      String filingCode = institution.filingCode();

      Load load = new Load();
      List<Sample> samples = new CopyOnWriteArrayList<>();
      ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
      ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
      AtomicInteger number = new AtomicInteger(1);
      Instant start = Instant.now();
      long periodMicros = (long) (1_000_000 / rate);
      clock.scheduleAtFixedRate(() -> {
        int n = number.incrementAndGet();
        load.add(n % 2 == 0 ? new FilingCase(n, http, db, apps)
            : new DisciplineCase(n, n % 4 == 1, filingCode, http, db, apps));
        load.started.incrementAndGet();
      }, 0, periodMicros, TimeUnit.MICROSECONDS);
      sampler.scheduleAtFixedRate(() -> samples.add(Sample.take(app, db, load, start)), 0, 1, TimeUnit.MINUTES);
      List<Thread> drivers = new ArrayList<>();
      for (int i = 0; i < DRIVERS; i++) {
        Thread driver = new Thread(load::drive, "soak-driver-" + i);
        drivers.add(driver);
        driver.start();
      }
      Thread.sleep(length.toMillis());
      clock.shutdownNow();
      sampler.shutdown(); // a sample under way completes
      clock.awaitTermination(1, TimeUnit.MINUTES);
      sampler.awaitTermination(2, TimeUnit.MINUTES);
      CaseDriver.log("SoakIT: arrivals stopped after " + length + "; finishing " + load.open.size() + " open cases");
      Instant drainUntil = Instant.now().plus(Duration.ofMinutes(5));
      while (load.finished.get() < load.started.get() && Instant.now().isBefore(drainUntil)) {
        Thread.sleep(500);
      }
      load.stop.set(true);
      for (Thread driver : drivers) {
        driver.join();
      }
      samples.add(Sample.take(app, db, load, start));

      String report = report(length, rate, load, samples, db);
      Path out = Files.createDirectories(Path.of("target", "soak"));
      Files.writeString(out.resolve("soak.md"), report);
      System.out.println(report);

      assertThat(load.errors).as("errors (log %s)", app.log()).isEmpty();
      assertThat(load.open).as("cases still open after the drain").isEmpty();
      assertThat(load.finished.get()).isEqualTo(load.started.get());
      assertThat(db.queryForObject("SELECT COUNT(*) FROM ACT_HI_INCIDENT", Integer.class)).as("incidents").isZero();
      assertThat(db.queryForObject("SELECT COUNT(*) FROM notice WHERE status NOT IN ('SENT', 'SKIPPED')", Integer.class))
          .as("notices not sent").isZero();
      assertThat(db.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE END_TIME_ IS NOT NULL AND END_ACT_ID_ NOT IN"
          + " ('EndEvent_InstitutionFiled', 'EndEvent_CaseClosed', 'EndEvent_NoticeSent')", Integer.class))
          .as("cases that ended elsewhere than expected").isZero();
      List<Sample> taken = samples.stream().filter(java.util.Objects::nonNull).toList();
      Sample last = taken.get(taken.size() - 1);
      assertThat(last.runtimeExecutions() + last.runtimeTasks() + last.runtimeVariables())
          .as("runtime rows left once every case ended").isZero();
      List<Sample> steady = taken.subList(0, taken.size() - 1);
      if (steady.size() >= 10) {
        Window first = Window.of(steady.subList(1, 6));
        Window end = Window.of(steady.subList(steady.size() - 5, steady.size()));
        assertThat(end.heapAfterGcMb()).as("heap after GC, last 5 minutes against the first").isLessThanOrEqualTo(first.heapAfterGcMb() * 1.25 + 16);
        assertThat(end.threads()).as("live threads").isLessThanOrEqualTo(first.threads() + 8);
        assertThat(end.connections()).as("pool connections").isLessThanOrEqualTo(30);
      }
    }
  }

  /**
   * The cases in flight and what happened to them. A case whose step did nothing (it waits for the job executor) is
   * looked at again after {@link #IDLE_RECHECK}, as a client polling its status would, not at once: the load is the
   * application's work, not the test's polling.
   */
  static final class Load {
    static final Duration IDLE_RECHECK = Duration.ofMillis(500);
    final DelayQueue<Pending> open = new DelayQueue<>();
    final AtomicInteger started = new AtomicInteger();
    final AtomicInteger finished = new AtomicInteger();
    final AtomicLong steps = new AtomicLong();
    final List<String> errors = new CopyOnWriteArrayList<>();
    final AtomicBoolean stop = new AtomicBoolean();

    void add(DrivenCase c) {
      open.add(new Pending(c, System.nanoTime()));
    }

    void drive() {
      while (!stop.get()) {
        Pending pending;
        try {
          pending = open.poll(100, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          return;
        }
        if (pending == null) {
          continue;
        }
        DrivenCase c = pending.c();
        long next = System.nanoTime();
        try {
          Optional<String> done = c.step();
          if (done.isPresent()) {
            steps.incrementAndGet();
          } else {
            next += IDLE_RECHECK.toNanos();
          }
        } catch (Throwable e) {
          errors.add(c + ": " + e.getMessage());
          next += IDLE_RECHECK.toNanos();
        }
        if (c.finished()) {
          finished.incrementAndGet();
        } else {
          open.add(new Pending(c, next));
        }
      }
    }

    /** A case due for its next step at {@code dueNanos} ({@link System#nanoTime()}). */
    record Pending(DrivenCase c, long dueNanos) implements Delayed {
      @Override
      public long getDelay(TimeUnit unit) {
        return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
      }

      @Override
      public int compareTo(Delayed other) {
        return Long.compare(dueNanos, ((Pending) other).dueNanos);
      }
    }

    private static void pause(long millis) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** One minute's figures of the application. */
  record Sample(double minute, double heapAfterGcMb, int threads, int connections, int activeConnections,
      int runtimeExecutions, int runtimeTasks, int runtimeJobs, int runtimeVariables, int open, int started, int finished,
      int mails) {

    static Sample take(ApplicationJvm app, JdbcTemplate db, Load load, Instant start) {
      try {
        new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
            Long.toString(app.pid()), "GC.run").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start().waitFor(60, TimeUnit.SECONDS);
        Http http = new Http();
        int mails = TestMail.server().getReceivedMessages().length;
        TestMail.reset(); // the sink would hold tens of thousands of mails
        return new Sample(Duration.between(start, Instant.now()).toSeconds() / 60.0,
            metric(http, app, "jvm.memory.used?tag=area:heap") / 1024 / 1024,
            (int) metric(http, app, "jvm.threads.live"),
            (int) metric(http, app, "hikaricp.connections"),
            (int) metric(http, app, "hikaricp.connections.active"),
            count(db, "ACT_RU_EXECUTION"), count(db, "ACT_RU_TASK"), count(db, "ACT_RU_JOB"), count(db, "ACT_RU_VARIABLE"),
            load.open.size(), load.started.get(), load.finished.get(), mails);
      } catch (Exception e) {
        load.errors.add("sample: " + e);
        return null;
      }
    }

    private static double metric(Http http, ApplicationJvm app, String name) {
      JsonNode body = http.get(app.baseUrl() + "/actuator/metrics/" + name, null).body();
      return body.get("measurements").get(0).get("value").asDouble();
    }

    private static int count(JdbcTemplate db, String table) {
      return db.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }
  }

  record Window(double heapAfterGcMb, double threads, double connections) {
    static Window of(List<Sample> samples) {
      return new Window(samples.stream().mapToDouble(Sample::heapAfterGcMb).average().orElse(0),
          samples.stream().mapToDouble(Sample::threads).average().orElse(0),
          samples.stream().mapToDouble(Sample::connections).max().orElse(0));
    }
  }

  private static String report(Duration length, double rate, Load load, List<Sample> samples, JdbcTemplate db) {
    StringBuilder out = new StringBuilder("# Soak on PostgreSQL\n\n");
    out.append(String.format("%s at %.1f new cases per second; %d cases started, %d finished, %d client steps, %d errors%n%n",
        length, rate, load.started.get(), load.finished.get(), load.steps.get(), load.errors.size()));
    out.append("| minute | heap after GC (MB) | threads | connections (active) | open cases | runtime executions / tasks / jobs / variables | mails |\n");
    out.append("|---:|---:|---:|---:|---:|---|---:|\n");
    for (Sample s : samples) {
      if (s == null) {
        continue;
      }
      out.append(String.format("| %.1f | %.1f | %d | %d (%d) | %d | %d / %d / %d / %d | %d |%n", s.minute(), s.heapAfterGcMb(),
          s.threads(), s.connections(), s.activeConnections(), s.open(), s.runtimeExecutions(), s.runtimeTasks(),
          s.runtimeJobs(), s.runtimeVariables(), s.mails()));
    }
    List<Sample> steady = samples.stream().filter(s -> s != null).toList();
    if (steady.size() >= 11) {
      Window first = Window.of(steady.subList(1, 6));
      Window end = Window.of(steady.subList(steady.size() - 6, steady.size() - 1));
      out.append(String.format("%nMinutes 1-5: heap after GC %.1f MB, %.0f threads, ≤ %.0f connections; last 5 minutes: %.1f MB,"
          + " %.0f threads, ≤ %.0f connections.%n", first.heapAfterGcMb(), first.threads(), first.connections(),
          end.heapAfterGcMb(), end.threads(), end.connections()));
    }
    out.append("\nFailed job attempts (retried by the engine): ")
        .append(db.queryForObject("SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 1", Integer.class));
    out.append("\nNotices: ").append(db.queryForList("SELECT status, COUNT(*) AS n FROM notice GROUP BY status")).append('\n');
    load.errors.stream().limit(20).forEach(e -> out.append("- error: ").append(e).append('\n'));
    return out.toString();
  }
}
