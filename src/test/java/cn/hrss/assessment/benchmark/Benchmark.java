package cn.hrss.assessment.benchmark;

import cn.hrss.assessment.AssessmentWorkflowsApplication;
import cn.hrss.assessment.registry.InstitutionRegistry;
import cn.hrss.assessment.registry.InstitutionType;
import cn.hrss.assessment.registry.NewInstitution;
import cn.hrss.assessment.registry.OccupationScope;
import cn.hrss.assessment.support.TestDatabase;
import cn.hrss.assessment.support.TestMail;
import cn.hrss.bareengine.BareEngineApplication;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs the workload ({@link Workload}) on one database, first on the application, then on the bare engine
 * ({@link BareEngineApplication}) with the same engine configuration, and measures both: throughput, client
 * latencies, SQL statements per case ({@link StatementCounter}), rows left per case, and the first page of the
 * acceptance officers' filter with many open tasks. Each runs in a Spring context of its own (job executor on,
 * as in production; mail to GreenMail), on a fresh database, one after the other in this JVM.
 */
final class Benchmark {

  /** The engine clock during a run: a working Monday (14:00 Beijing) with calendar data and outside history cleanup. */
  static final LocalDateTime CLOCK = LocalDateTime.of(2026, 3, 2, 14, 0);

  /**
   * {@code warmup}: cases of each kind run, unmeasured, before the measured ones (caches, connection pool);
   * {@code jitWarmup}: cases of each kind of the warm-up round that runs both targets before either is measured.
   */
  record Settings(String database, int cases, int warmup, int jitWarmup, int openTasks, int taskQueries, int threads,
      Path out) {}

  enum Target { APP, BARE }

  private Benchmark() {}

  /** Both targets on {@code settings.database()}: target → figures. */
  static Map<String, Object> run(Settings settings) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("database", settings.database());
    result.put("cases", settings.cases());
    result.put("openTasks", settings.openTasks());
    result.put("clientThreads", settings.threads());
    result.put("cpus", Runtime.getRuntime().availableProcessors());
    result.put("loadAverageAtStart", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    result.put("jitWarmupCases", settings.jitWarmup());
    // Both targets share this JVM and its JIT: whichever ran second used to be measured with code compiled for
    // the first (the FEEL decision table cost the application, measured first, 3.7 times what it cost the
    // baseline). A warm-up round of both, on databases of their own, comes before either is measured.
    if (settings.jitWarmup() > 0) {
      runTarget(Target.APP, settings, false);
      runTarget(Target.BARE, settings, false);
    }
    result.put("app", runTarget(Target.APP, settings, true));
    result.put("bare", runTarget(Target.BARE, settings, true));
    return result;
  }

  /** Runs {@code target} on a fresh database: measured (figures), or the JIT warm-up round (null). */
  private static Map<String, Object> runTarget(Target target, Settings settings, boolean measured) {
    StatementCounter counter = new StatementCounter();
    long offset = CLOCK.atZone(ZoneId.of("Asia/Shanghai")).toInstant().toEpochMilli() - System.currentTimeMillis();
    ClockUtil.offset(offset);
    ConfigurableApplicationContext context = start(target, settings, counter);
    ExecutorService clients = Executors.newFixedThreadPool(settings.threads());
    try {
      ProcessEngine engine = context.getBean(ProcessEngine.class);
      DataSource raw = counter.raw();
      String institution = null;
      if (target == Target.BARE) {
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("bare models");
        BareModels.all().forEach((name, bytes) -> deployment.addInputStream(name, new ByteArrayInputStream(bytes)));
        deployment.deploy();
        BareIdentity.setUp(engine);
        if (settings.database().equals("postgres")) {
          authorizationStatistics(raw);
        }
      } else {
        String first17 = String.format("91410100MB%07d", Math.abs(UUID.randomUUID().hashCode()) % 10_000_000);
        institution = context.getBean(InstitutionRegistry.class).register(new NewInstitution(InstitutionType.SOCIAL_ORG,
            "基准测试评价中心", first17 + cn.hrss.assessment.codes.CreditCodes.checkCharacter(first17), "41",
            "郑州市测试路 1 号", "bench-school@example.cn", "BENCH-" + first17,
            List.of(new OccupationScope("6-31-99-01", "测试工种", null, List.of(4, 3))), null)).filingCode();
      }
      Map<String, String> filters = new LinkedHashMap<>();
      engine.getFilterService().createFilterQuery().list().forEach(f -> filters.put(f.getName(), f.getId()));
      int port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
      Http http = new Http(port);
      Latencies latencies = new Latencies();
      Runnable idle = () -> awaitIdle(raw);
      Workload workload = new Workload(http, target == Target.BARE, filters, latencies, clients, idle, institution);

      if (!measured) {
        workload.filings(settings.jitWarmup());
        workload.disciplinaryCases(settings.jitWarmup());
        awaitIdle(raw);
        return null;
      }
      workload.filings(settings.warmup());
      workload.disciplinaryCases(settings.warmup());
      Map<String, Long> rowsBefore = rows(raw);
      long ended = endedInstances(raw);
      int mailsBefore = TestMail.server().getReceivedMessages().length;
      latencies.clear();
      counter.reset();

      var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      jdk.jfr.Recording recording = startRecording();
      ThreadCpu threadCpu = ThreadCpu.start();
      long cpuStart = os.getProcessCpuTime();
      long start = System.nanoTime();
      workload.filings(settings.cases());
      long filingsDone = System.nanoTime();
      workload.disciplinaryCases(settings.cases());
      long done = System.nanoTime();
      long cpu = os.getProcessCpuTime() - cpuStart;
      stopRecording(recording, settings.out().resolve(settings.database() + "-" + target.name().toLowerCase(Locale.ROOT) + ".jfr"));
      long statements = counter.total();
      Map<String, Long> topStatements = counter.top(30);
      int cases = 2 * settings.cases();

      Map<String, Object> figures = new LinkedHashMap<>();
      long finished = endedInstances(raw) - ended;
      if (finished != cases) {
        throw new IllegalStateException(target + ": " + finished + " of " + cases + " cases finished");
      }
      figures.put("seconds", seconds(done - start));
      figures.put("casesPerSecond", round(cases / seconds(done - start)));
      figures.put("filingsPerSecond", round(settings.cases() / seconds(filingsDone - start)));
      figures.put("disciplinaryCasesPerSecond", round(settings.cases() / seconds(done - filingsDone)));
      // CPU time of this JVM (application, clients, mail server) per case: less disturbed by other load on the
      // machine than wall-clock throughput.
      figures.put("cpuMillisPerCase", round(cpu / 1e6 / cases));
      figures.put("cpuMillisPerCaseByThread", threadCpu.millisPerCase(cpu, cases));
      figures.put("latencyMillis", latencies.summary());
      figures.put("statements", statements);
      figures.put("statementsPerCase", round((double) statements / cases));
      Map<String, Long> rowsAfter = rows(raw);
      figures.put("rowsPerCase", rowsPerCase(rowsBefore, rowsAfter, cases));
      figures.put("mailsPerCase", round((double) (TestMail.server().getReceivedMessages().length - mailsBefore) / cases));
      figures.put("topStatements", topStatements);

      // Printed at once: the task-list scale below can take long, and these figures should not be lost with it.
      System.out.println(target + " on " + settings.database() + ": " + Http.JSON.valueToTree(figures));
      figures.put("openTaskQuery", openTaskQuery(engine, workload, http, filters, clients, settings, raw));
      return figures;
    } finally {
      clients.shutdownNow();
      context.close();
      ClockUtil.reset();
    }
  }

  /**
   * {@code -Dbenchmark.jfr}: a Java Flight Recording (JDK's "profile" settings) of the measured workload, written to
   * target/benchmark/&lt;database&gt;-&lt;target&gt;.jfr ({@code jfr print --events jdk.ExecutionSample}, or JDK Mission
   * Control). Off by default: it costs a few per cent.
   */
  private static jdk.jfr.Recording startRecording() {
    if (System.getProperty("benchmark.jfr") == null) {
      return null;
    }
    try {
      jdk.jfr.Recording recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
      recording.start();
      return recording;
    } catch (java.io.IOException | java.text.ParseException e) {
      throw new IllegalStateException("could not start the flight recording", e);
    }
  }

  private static void stopRecording(jdk.jfr.Recording recording, Path file) {
    if (recording == null) {
      return;
    }
    try (recording) {
      recording.stop();
      recording.dump(file);
      System.out.println("flight recording: " + file.toAbsolutePath());
    } catch (java.io.IOException e) {
      throw new IllegalStateException("could not write the flight recording", e);
    }
  }

  private static ConfigurableApplicationContext start(Target target, Settings settings, StatementCounter counter) {
    List<String> args = new ArrayList<>(List.of(
        "--server.port=0",
        "--spring.main.banner-mode=off",
        "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + TestMail.port(),
        "--spring.mail.username=",
        "--spring.mail.password=",
        "--camunda.bpm.job-execution.enabled=true",
        "--logging.level.root=WARN",
        "--logging.level.cn.hrss.assessment=WARN",
        // a wrong password never happens here, but keep Camunda's lock-out from slowing anything down
        "--camunda.bpm.generic-properties.properties.loginDelayBase=0"));
    String name = target.name().toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID();
    if (settings.database().equals("postgres")) {
      args.add("--spring.datasource.url=" + TestDatabase.createDatabase());
      args.add("--spring.datasource.username=" + TestDatabase.USER);
      args.add("--spring.datasource.password=");
      args.add("--spring.datasource.driver-class-name=org.postgresql.Driver");
    } else {
      // H2 in files, as the default (demo) setup of application.yml runs it.
      args.add("--spring.datasource.url=jdbc:h2:file:" + settings.out().resolve("h2").resolve(name).toAbsolutePath()
          + ";DB_CLOSE_ON_EXIT=FALSE;MODE=LEGACY");
      args.add("--spring.datasource.username=sa");
      args.add("--spring.datasource.password=");
    }
    if (target == Target.APP) {
      args.add("--assessment.filing.storage-dir=" + settings.out().resolve("materials").resolve(name).toAbsolutePath());
      args.add("--assessment.demo-data=true");
      // Thousands of social organisations of one occupation in Henan: the quota (README "Quota") only warns here.
      args.add("--assessment.filing.quota-enforced=false");
    } else {
      // The bare engine deploys the rewritten models itself and has no tables of its own.
      args.add("--camunda.bpm.auto-deployment-enabled=false");
      args.add("--spring.flyway.enabled=false");
      if (settings.database().equals("postgres")) {
        // The same database tuning as the application (workflow.PostgresQueryPlans; statistics below).
        args.add("--spring.datasource.hikari.connection-init-sql=SET plan_cache_mode = force_custom_plan");
      }
    }
    Class<?> application = target == Target.APP ? AssessmentWorkflowsApplication.class : BareEngineApplication.class;
    return new SpringApplicationBuilder(application)
        .initializers(c -> c.getBeanFactory().addBeanPostProcessor(counter))
        .run(args.toArray(String[]::new));
  }

  /**
   * Task-list scale: {@code openTasks} open acceptance reviews (instances of the real filing model with the variables
   * of a real submission, started through the Java API: set-up, not measured), then the acceptance officers' filter's
   * first page as Tasklist asks for it, {@code taskQueries} times from one client.
   */
  private static Map<String, Object> openTaskQuery(ProcessEngine engine, Workload workload, Http http,
      Map<String, String> filters, ExecutorService clients, Settings settings, DataSource raw) {
    String key = workload.submitFiling();
    awaitIdle(raw);
    var runtime = engine.getRuntimeService();
    String template = runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).singleResult().getId();
    VariableMap variables = runtime.getVariablesTyped(template);
    AtomicInteger next = new AtomicInteger();
    List<Future<?>> starts = new ArrayList<>();
    long setUp = System.nanoTime();
    for (int t = 0; t < settings.threads(); t++) {
      starts.add(clients.submit(() -> {
        for (int i = next.getAndIncrement(); i < settings.openTasks() - 1; i = next.getAndIncrement()) {
          VariableMap copy = org.camunda.bpm.engine.variable.Variables.fromMap(variables);
          copy.putValue("applicationNo", "BA-scale-" + i);
          runtime.startProcessInstanceByKey("InstitutionFilingProcess", "BA-scale-" + i, copy);
        }
      }));
    }
    for (Future<?> start : starts) {
      try {
        start.get();
      } catch (Exception e) {
        throw new IllegalStateException("could not create the open tasks", e);
      }
    }
    awaitIdle(raw);
    analyze(raw);
    long open = engine.getTaskService().createTaskQuery().taskCandidateGroup("acceptance-officers-41").count();
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
    figures.put("setUpSeconds", round(seconds(System.nanoTime() - setUp)));
    figures.put("firstPageMillis", latencies.summary().get("first page"));
    return figures;
  }

  // ------------------------------------------------------------------ database bookkeeping (not counted)

  /** Waits until the job executor has nothing due; fails on a job that failed (it would wait for its retry). */
  static void awaitIdle(DataSource raw) {
    long deadline = System.nanoTime() + 30L * 60 * 1_000_000_000L;
    while (true) {
      Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
      try (Connection c = raw.getConnection()) {
        try (PreparedStatement failed = c.prepareStatement(
            "SELECT ID_, EXCEPTION_MSG_ FROM ACT_RU_JOB WHERE EXCEPTION_MSG_ IS NOT NULL")) {
          try (ResultSet rs = failed.executeQuery()) {
            if (rs.next()) {
              throw new IllegalStateException("job " + rs.getString(1) + " failed: " + rs.getString(2));
            }
          }
        }
        try (PreparedStatement due = c.prepareStatement("SELECT COUNT(*) FROM ACT_RU_JOB WHERE RETRIES_ > 0 "
            + "AND SUSPENSION_STATE_ = 1 AND (DUEDATE_ IS NULL OR DUEDATE_ <= ?) AND HANDLER_TYPE_ <> 'history-cleanup'")) {
          due.setTimestamp(1, now);
          try (ResultSet rs = due.executeQuery()) {
            rs.next();
            if (rs.getLong(1) == 0) {
              return;
            }
          }
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("jobs still due after 30 minutes");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * Refreshes the planner's statistics after the bulk start, as PostgreSQL's autovacuum does by itself within a
   * minute (autovacuum_naptime) of such a change. Without it the first queries plan for the empty tables of the
   * fresh database (one row estimated) and join 2,000 tasks with 2,000 identity links in a nested loop: 0.8 s at
   * 2,000 open tasks, on the application or the bare engine, whichever autovacuum had not reached yet.
   */
  private static void analyze(DataSource raw) {
    try (Connection c = raw.getConnection(); var statement = c.createStatement()) {
      statement.execute("ANALYZE");
    } catch (SQLException e) {
      throw new IllegalStateException("could not refresh the statistics", e);
    }
  }

  /** The application's PostgreSQL migration V23 (statistics for Camunda's authorization checks), on the bare engine. */
  private static void authorizationStatistics(DataSource raw) {
    try (var in = Benchmark.class.getResourceAsStream("/db/vendor/postgresql/V23__authorization_statistics.sql");
         Connection c = raw.getConnection(); var statement = c.createStatement()) {
      for (String sql : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split(";")) {
        String code = sql.lines().filter(line -> !line.strip().startsWith("--")).collect(java.util.stream.Collectors.joining("\n")).strip();
        if (!code.isEmpty()) {
          statement.execute(code);
        }
      }
    } catch (java.io.IOException | SQLException e) {
      throw new IllegalStateException("could not apply the authorization statistics", e);
    }
  }

  private static long endedInstances(DataSource raw) {
    return single(raw, "SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE END_TIME_ IS NOT NULL");
  }

  private static long single(DataSource raw, String sql) {
    try (Connection c = raw.getConnection(); PreparedStatement s = c.prepareStatement(sql);
         ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** Rows of every table (upper-case name → count). */
  static Map<String, Long> rows(DataSource raw) {
    Map<String, Long> rows = new TreeMap<>();
    try (Connection c = raw.getConnection()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          String schema = rs.getString("TABLE_SCHEM");
          if (schema != null && (schema.equalsIgnoreCase("INFORMATION_SCHEMA") || schema.equalsIgnoreCase("pg_catalog"))) {
            continue;
          }
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
      String quote = c.getMetaData().getIdentifierQuoteString();
      for (String table : tables) {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM " + quote + table + quote); ResultSet rs = s.executeQuery()) {
          rs.next();
          rows.put(table.toUpperCase(Locale.ROOT), rs.getLong(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
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
