package cn.hrss.assessment.benchmark;

import cn.hrss.assessment.AssessmentWorkflowsApplication;
import cn.hrss.assessment.support.TestDatabase;
import cn.hrss.assessment.support.TestMail;
import cn.hrss.bareengine.BareEngineApplication;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Runs the workload ({@link Workload}) on one database against the application and against the bare engine
 * ({@link BareEngineApplication}) with the same engine configuration, and measures both: throughput, client
 * latencies, CPU per case, SQL statements per case ({@link StatementCounter}), rows left per case, and the first
 * page of the acceptance officers' filter with many open tasks. Each target runs in a JVM of its own
 * ({@link Child}: the packaged jar's classes and libraries, the same heap and flags, job executor on, a fresh
 * database), started anew for every run; this JVM only drives (HTTP clients) and hosts the mail sink
 * (GreenMail), so that the children's CPU is the targets' alone. {@code runs} runs alternate: app, bare, app, bare…
 */
final class Benchmark {

  /** The engine clock during a run: a working Monday (14:00 Beijing) with calendar data and outside history cleanup. */
  static final LocalDateTime CLOCK = LocalDateTime.of(2026, 3, 2, 14, 0);

  /** Production-like flags of the measured JVMs: the full JIT, G1, a fixed heap. */
  static final List<String> MEASURED_JVM = List.of("-Xms1g", "-Xmx1g", "-XX:+UseG1GC");
  /** The smoke test's: quick to start (C1 only), speed is not looked at. */
  static final List<String> SMOKE_JVM = List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

  /**
   * {@code warmup}: cases of each kind run, unmeasured, before the measured ones (caches, connection pool);
   * {@code jitWarmup}: cases of each kind run before those, for the JIT compiler (same JVM, same database);
   * {@code runs}: measurements of each target, alternating.
   */
  record Settings(String database, int cases, int warmup, int jitWarmup, int openTasks, int taskQueries, int threads,
      int runs, List<String> jvmOptions, Path out) {}

  enum Target { APP, BARE }

  private Benchmark() {}

  /** Both targets on {@code settings.database()}, {@code runs} times each: every run's figures. */
  static Map<String, Object> run(Settings settings) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("database", settings.database());
    result.put("cases", settings.cases());
    result.put("openTasks", settings.openTasks());
    result.put("clientThreads", settings.threads());
    result.put("cpus", Runtime.getRuntime().availableProcessors());
    result.put("loadAverageAtStart", loadAverage());
    result.put("jitWarmupCases", settings.jitWarmup());
    result.put("jvmOptions", settings.jvmOptions());
    result.put("runCount", settings.runs());
    List<Map<String, Object>> runs = new ArrayList<>();
    for (int r = 1; r <= settings.runs(); r++) {
      Map<String, Object> run = new LinkedHashMap<>();
      run.put("run", r);
      // The task-list scale (thousands of open tasks) only in the first run: it is set-up heavy and not the
      // subject of the repetitions.
      run.put("app", runTarget(Target.APP, settings, r, r == 1));
      run.put("bare", runTarget(Target.BARE, settings, r, r == 1));
      run.put("loadAverageAtEnd", loadAverage());
      runs.add(run);
    }
    result.put("runs", runs);
    return result;
  }

  /** /proc/loadavg's first three figures (1, 5, 15 minutes). */
  static String loadAverage() {
    try {
      String[] fields = java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (java.io.IOException e) {
      return Double.toString(java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  /** Runs {@code target} in a JVM of its own on a fresh database: JIT warm-up, warm-up, then measured; figures. */
  private static Map<String, Object> runTarget(Target target, Settings settings, int run, boolean taskScale) {
    long offset = CLOCK.atZone(ZoneId.of("Asia/Shanghai")).toInstant().toEpochMilli() - System.currentTimeMillis();
    ClockUtil.offset(offset);
    String name = "bench-" + settings.database() + "-" + target.name().toLowerCase(Locale.ROOT) + "-" + run;
    ExecutorService clients = Executors.newFixedThreadPool(settings.threads());
    Map<String, String> properties = properties(target, settings, name);
    String pgDatabase = PgStatements.enabled(settings.database())
        ? PgStatements.databaseOf(properties.get("spring.datasource.url")) : null;
    try (Child child = Child.start(name, mainClass(target), properties, settings.jvmOptions(), offset, settings.out())) {
      JsonNode setUp = child.probe("/setup?target=" + (target == Target.APP ? "app" : "bare") + "&database="
          + settings.database());
      String institution = setUp.path("institution").isTextual() ? setUp.get("institution").asText() : null;
      Map<String, String> filters = new LinkedHashMap<>();
      setUp.get("filters").fields().forEachRemaining(f -> filters.put(f.getKey(), f.getValue().asText()));
      Http http = new Http(child.port());
      Latencies latencies = new Latencies();
      Workload workload = new Workload(http, target == Target.BARE, filters, latencies, clients, child::awaitIdle,
          institution);

      // JIT warm-up, then the warm-up proper (caches, pool), in the same JVM that is then measured.
      workload.filings(settings.jitWarmup() + settings.warmup());
      workload.disciplinaryCases(settings.jitWarmup() + settings.warmup());
      Map<String, Long> rowsBefore = rows(child);
      long ended = endedInstances(child);
      int mailsBefore = TestMail.server().getReceivedMessages().length;
      latencies.clear();
      child.probe("/statements/reset");
      if (pgDatabase != null) {
        PgStatements.reset(pgDatabase);
      }

      boolean jfr = System.getProperty("benchmark.jfr") != null;
      if (jfr) {
        child.probe("/jfr/start");
      }
      var harness = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      long harnessCpuStart = harness.getProcessCpuTime();
      ProcCpu cpuStart = ProcCpu.of(child.pid());
      boolean postgres = settings.database().equals("postgres");
      long pgTicksStart = postgres ? PgStatements.serverTicks() : 0;
      long start = System.nanoTime();
      workload.filings(settings.cases());
      long filingsDone = System.nanoTime();
      workload.disciplinaryCases(settings.cases());
      long done = System.nanoTime();
      ProcCpu cpuEnd = ProcCpu.of(child.pid());
      long pgTicks = postgres ? PgStatements.serverTicks() - pgTicksStart : 0;
      Map<String, Object> pgStatements = pgDatabase == null ? null : PgStatements.perCase(pgDatabase, 2 * settings.cases());
      long harnessCpu = harness.getProcessCpuTime() - harnessCpuStart;
      if (jfr) {
        Path file = settings.out().resolve(name + ".jfr").toAbsolutePath();
        child.probe("/jfr/stop?file=" + Http.encode(file.toString()));
        System.out.println("flight recording: " + file);
      }
      JsonNode statements = child.probe("/statements");
      int cases = 2 * settings.cases();

      Map<String, Object> figures = new LinkedHashMap<>();
      long finished = endedInstances(child) - ended;
      if (finished != cases) {
        throw new IllegalStateException(target + ": " + finished + " of " + cases + " cases finished");
      }
      figures.put("pid", child.pid());
      figures.put("seconds", seconds(done - start));
      figures.put("casesPerSecond", round(cases / seconds(done - start)));
      figures.put("filingsPerSecond", round(settings.cases() / seconds(filingsDone - start)));
      figures.put("disciplinaryCasesPerSecond", round(settings.cases() / seconds(done - filingsDone)));
      // CPU time of the measured JVM alone (its probe's threads left out) per case: less disturbed by other load
      // on the machine than wall-clock throughput.
      figures.put("cpuMillisPerCase", round((double) cpuEnd.measuredMillisSince(cpuStart) / cases));
      figures.put("cpuMillisPerCaseByThread", cpuEnd.millisPerCaseSince(cpuStart, cases));
      if (postgres) {
        // The database server's CPU for the same cases (on this machine it shares the two cores with the target).
        figures.put("pgServerCpuMillisPerCase", round(pgTicks * ProcCpu.TICK_MILLIS / cases));
      }
      figures.put("probeCpuMillisPerCase", round((double) cpuEnd.probeMillisSince(cpuStart) / cases));
      // This JVM: the clients and the mail sink (not part of the target's figures).
      figures.put("harnessCpuMillisPerCase", round(harnessCpu / 1e6 / cases));
      figures.put("latencyMillis", latencies.summary());
      long total = statements.get("total").asLong();
      figures.put("statements", total);
      figures.put("statementsPerCase", round((double) total / cases));
      Map<String, Long> rowsAfter = rows(child);
      figures.put("rowsPerCase", rowsPerCase(rowsBefore, rowsAfter, cases));
      figures.put("mailsPerCase", round((double) (TestMail.server().getReceivedMessages().length - mailsBefore) / cases));
      figures.put("topStatements", statements.get("top"));
      if (pgStatements != null) {
        figures.put("pgStatements", pgStatements);
      }

      // Printed at once: the task-list scale below can take long, and these figures should not be lost with it.
      System.out.println(target + " on " + settings.database() + ", run " + run + ": " + Http.JSON.valueToTree(figures));
      if (taskScale) {
        figures.put("openTaskQuery", openTaskQuery(child, workload, http, filters, settings));
      }
      return figures;
    } finally {
      clients.shutdownNow();
      ClockUtil.reset();
    }
  }

  static String mainClass(Target target) {
    return (target == Target.APP ? AssessmentWorkflowsApplication.class : BareEngineApplication.class).getName();
  }

  /** The Spring properties of a target's JVM (command-line arguments: they win over application.yml). */
  static Map<String, String> properties(Target target, Settings settings, String name) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("server.port", "0"); // replaced by ApplicationJvm's free port
    p.put("spring.main.banner-mode", "off");
    p.put("spring.mail.host", "127.0.0.1");
    p.put("spring.mail.port", Integer.toString(TestMail.port()));
    p.put("spring.mail.username", "");
    p.put("spring.mail.password", "");
    p.put("camunda.bpm.job-execution.enabled", "true");
    p.put("logging.level.root", "WARN");
    p.put("logging.level.cn.hrss.assessment", "WARN");
    // a wrong password never happens here, but keep Camunda's lock-out from slowing anything down
    p.put("camunda.bpm.generic-properties.properties.loginDelayBase", "0");
    if (settings.database().equals("postgres")) {
      p.put("spring.datasource.url", TestDatabase.createDatabase());
      p.put("spring.datasource.username", TestDatabase.USER);
      p.put("spring.datasource.password", "");
      p.put("spring.datasource.driver-class-name", "org.postgresql.Driver");
    } else {
      // H2 in files, as the default (demo) setup of application.yml runs it.
      p.put("spring.datasource.url", "jdbc:h2:file:" + settings.out().resolve("h2").resolve(name + "-" + UUID.randomUUID())
          .toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE;MODE=LEGACY");
      p.put("spring.datasource.username", "sa");
      p.put("spring.datasource.password", "");
    }
    if (target == Target.APP) {
      p.put("assessment.filing.storage-dir", settings.out().resolve("materials").resolve(name + "-" + UUID.randomUUID())
          .toAbsolutePath().toString());
      p.put("assessment.demo-data", "true");
      // Thousands of social organisations of one occupation in Henan: the quota (README "Quota") only warns here.
      p.put("assessment.filing.quota-enforced", "false");
    } else {
      // The bare engine deploys the rewritten models itself (probe set-up) and has no tables of its own.
      p.put("camunda.bpm.auto-deployment-enabled", "false");
      p.put("spring.flyway.enabled", "false");
      if (settings.database().equals("postgres")) {
        // The same database tuning as the application (workflow.PostgresQueryPlans; statistics at set-up).
        p.put("spring.datasource.hikari.connection-init-sql", "SET plan_cache_mode = force_custom_plan");
      }
    }
    return p;
  }

  /**
   * Task-list scale: {@code openTasks} open acceptance reviews (instances of the real filing model with the variables
   * of a real submission, started through the Java API in the child: set-up, not measured), then the acceptance
   * officers' filter's first page as Tasklist asks for it, {@code taskQueries} times from one client.
   */
  private static Map<String, Object> openTaskQuery(Child child, Workload workload, Http http,
      Map<String, String> filters, Settings settings) {
    String key = workload.submitFiling();
    child.awaitIdle();
    JsonNode setUp = child.probe("/open-tasks?businessKey=" + Http.encode(key) + "&n=" + (settings.openTasks() - 1)
        + "&threads=" + settings.threads());
    child.awaitIdle();
    child.probe("/analyze");
    long open = child.count("SELECT COUNT(DISTINCT t.ID_) FROM ACT_RU_TASK t JOIN ACT_RU_IDENTITYLINK l ON l.TASK_ID_ = t.ID_"
        + " WHERE l.GROUP_ID_ = 'acceptance-officers-41' AND l.TYPE_ = 'candidate'");
    Latencies latencies = new Latencies();
    Map<String, Object> query = Map.of("sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc")));
    String path = "/engine-rest/filter/" + filters.get(Workload.ACCEPTANCE_FILTER) + "/list?firstResult=0&maxResults=15";
    for (int i = 0; i < settings.taskQueries() + 5; i++) {
      Latencies sink = i < 5 ? new Latencies() : latencies; // the first five warm up
      JsonNode page = sink.time("first page", () -> http.postJson("officer", path, query, 200, "application/hal+json"));
      if (page.path("_embedded").path("task").size() != 15 && open >= 15) {
        throw new IllegalStateException("the filter's first page has " + page.path("_embedded").path("task").size() + " tasks");
      }
    }
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("openTasksInGroup", open);
    figures.put("setUpSeconds", setUp.get("seconds").asDouble());
    figures.put("firstPageMillis", latencies.summary().get("first page"));
    return figures;
  }

  // ------------------------------------------------------------------ database bookkeeping (not counted)

  private static long endedInstances(Child child) {
    return child.count("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE END_TIME_ IS NOT NULL");
  }

  static Map<String, Long> rows(Child child) {
    Map<String, Long> rows = new TreeMap<>();
    child.probe("/rows").fields().forEachRemaining(e -> rows.put(e.getKey(), e.getValue().asLong()));
    return rows;
  }

  /**
   * Rows added per finished case: runtime (ACT_RU_*, without the engine's metrics logs), history (ACT_HI_*), byte
   * arrays (ACT_GE_BYTEARRAY: serialized variables, history details), the application's own tables; and each table.
   */
  static Map<String, Object> rowsPerCase(Map<String, Long> before, Map<String, Long> after, int cases) {
    Map<String, Double> byTable = new TreeMap<>();
    double runtime = 0;
    double history = 0;
    double bytes = 0;
    double own = 0;
    double metrics = 0;
    for (var entry : after.entrySet()) {
      String table = entry.getKey();
      double delta = (double) (entry.getValue() - before.getOrDefault(table, 0L)) / cases;
      if (delta != 0) {
        byTable.put(table, round(delta));
      }
      if (table.endsWith("METER_LOG")) {
        metrics += delta;
      } else if (table.startsWith("ACT_RU_")) {
        runtime += delta;
      } else if (table.startsWith("ACT_HI_")) {
        history += delta;
      } else if (table.equals("ACT_GE_BYTEARRAY")) {
        bytes += delta;
      } else if (!table.startsWith("ACT_") && !table.equals("ASSESSMENT_SCHEMA_HISTORY")) {
        own += delta;
      }
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("runtime", round(runtime));
    result.put("history", round(history));
    result.put("byteArrays", round(bytes));
    result.put("own", round(own));
    result.put("metrics", round(metrics));
    result.put("byTable", byTable);
    return result;
  }

  static double seconds(long nanos) {
    return nanos / 1e9;
  }

  static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
