package cn.hrss.assessment.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The benchmark's probe inside a measured child JVM (the application or the bare engine, {@link Benchmark}):
 * a context initializer that {@link Child} puts on the child's class path from target/test-classes with a
 * {@code META-INF/spring.factories} naming it (never in the packaged jar). It
 * <ul>
 *   <li>sets the engine clock {@code -Dbenchmark.clock-offset} milliseconds off the real time, as the harness's;</li>
 *   <li>wraps the context's {@link DataSource} in the {@link StatementCounter};</li>
 *   <li>answers the harness on {@code -Dbenchmark.probe.port} (the JDK's small HTTP server, its own threads named
 *       {@code bench-control}, whose CPU the harness leaves out of the figures): set-up, whether any job is due,
 *       row counts, statement counts, flight recordings, the task-list scale's open tasks, the clock.</li>
 * </ul>
 * Bookkeeping queries use the unwrapped data source and do not count as statements.
 */
public final class BenchmarkProbe implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  static final String THREAD_NAME = "bench-control";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final StatementCounter counter = new StatementCounter();
  private ConfigurableApplicationContext context;
  private jdk.jfr.Recording recording;

  @Override
  public void initialize(ConfigurableApplicationContext applicationContext) {
    this.context = applicationContext;
    String offset = System.getProperty("benchmark.clock-offset");
    if (offset != null) {
      ClockUtil.offset(Long.parseLong(offset)); // the harness's own offset: both clocks agree
    }
    applicationContext.getBeanFactory().addBeanPostProcessor(counter);
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1",
          Integer.getInteger("benchmark.probe.port")), 16);
      AtomicInteger threads = new AtomicInteger();
      server.setExecutor(Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, THREAD_NAME);
        t.setDaemon(true);
        threads.incrementAndGet();
        return t;
      }));
      handle(server, "/setup", q -> setUp(q.get("target"), q.get("database")));
      handle(server, "/idle", q -> idle());
      handle(server, "/rows", q -> Tables.rows(counter.raw()));
      handle(server, "/count", q -> count(q.get("sql")));
      handle(server, "/statements", q -> Map.of("total", counter.total(), "top", counter.top(30)));
      handle(server, "/statements/reset", q -> {
        counter.reset();
        return Map.of();
      });
      handle(server, "/jfr/start", q -> startRecording());
      handle(server, "/jfr/stop", q -> stopRecording(Path.of(q.get("file"))));
      handle(server, "/open-tasks", q -> openTasks(q.get("businessKey"), Integer.parseInt(q.getOrDefault("first", "0")),
          Integer.parseInt(q.get("n")),
          Integer.parseInt(q.get("threads"))));
      handle(server, "/clone-open-tasks", q -> cloneOpenTasks(q.get("businessKey"), Integer.parseInt(q.get("first")),
          Integer.parseInt(q.get("n")), q.get("database")));
      handle(server, "/analyze", q -> {
        execute("ANALYZE");
        return Map.of();
      });
      handle(server, "/clock", q -> {
        ClockUtil.setCurrentTime(new java.util.Date(Long.parseLong(q.get("at"))));
        return Map.of("now", ClockUtil.getCurrentTime().getTime());
      });
      handle(server, "/history", q -> History.handle(q, engine(), counter.raw()));
      handle(server, "/registry/grow", q -> growRegistry(Integer.parseInt(q.get("n")), Integer.parseInt(q.get("first"))));
      server.start();
    } catch (IOException e) {
      throw new IllegalStateException("could not start the benchmark probe", e);
    }
  }

  private ProcessEngine engine() {
    return context.getBean(ProcessEngine.class);
  }

  private static void handle(HttpServer server, String path, Function<Map<String, String>, Object> handler) {
    server.createContext(path, exchange -> {
      byte[] body;
      int status = 200;
      try {
        Object result = handler.apply(query(exchange));
        body = JSON.writeValueAsBytes(result);
      } catch (RuntimeException e) {
        status = 500;
        var text = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(text));
        body = text.toString().getBytes(StandardCharsets.UTF_8);
      }
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
  }

  private static Map<String, String> query(HttpExchange exchange) {
    Map<String, String> q = new LinkedHashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          q.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return q;
  }

  // ------------------------------------------------------------------ set-up

  /**
   * The bare engine: the rewritten models ({@link BareModels}), users and filters ({@link BareIdentity}), on
   * PostgreSQL the application's statistics (V23). The application: one filed institution the disciplinary cases
   * concern. Both: the filters' ids by name.
   */
  private Map<String, Object> setUp(String target, String database) {
    ProcessEngine engine = engine();
    Map<String, Object> result = new LinkedHashMap<>();
    if (target.equals("bare")) {
      DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("bare models");
      BareModels.all().forEach((name, bytes) -> deployment.addInputStream(name, new ByteArrayInputStream(bytes)));
      deployment.deploy();
      BareIdentity.setUp(engine);
      if (database.equals("postgres")) {
        authorizationStatistics();
      }
    } else {
      String first17 = String.format("91410100MB%07d", Math.abs(java.util.UUID.randomUUID().hashCode()) % 10_000_000);
      var registry = context.getBean(cn.hrss.assessment.registry.InstitutionRegistry.class);
      result.put("institution", registry.register(new cn.hrss.assessment.registry.NewInstitution(
          cn.hrss.assessment.registry.InstitutionType.SOCIAL_ORG, "基准测试评价中心",
          first17 + cn.hrss.assessment.codes.CreditCodes.checkCharacter(first17), "41", "郑州市测试路 1 号",
          "bench-school@example.cn", "BENCH-" + first17,
          List.of(new cn.hrss.assessment.registry.OccupationScope("6-31-99-01", "测试工种", null, List.of(4, 3))),
          null)).filingCode());
    }
    Map<String, String> filters = new LinkedHashMap<>();
    engine.getFilterService().createFilterQuery().list().forEach(f -> filters.put(f.getName(), f.getId()));
    result.put("filters", filters);
    return result;
  }

  /** The application's PostgreSQL migration V23 (statistics for Camunda's authorization checks), on the bare engine. */
  private void authorizationStatistics() {
    try (var in = BenchmarkProbe.class.getResourceAsStream("/db/vendor/postgresql/V23__authorization_statistics.sql")) {
      for (String sql : new String(in.readAllBytes(), StandardCharsets.UTF_8).split(";")) {
        String code = sql.lines().filter(line -> !line.strip().startsWith("--"))
            .collect(java.util.stream.Collectors.joining("\n")).strip();
        if (!code.isEmpty()) {
          execute(code);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("could not apply the authorization statistics", e);
    }
  }

  // ------------------------------------------------------------------ bookkeeping

  /** A failed job's message (the harness stops), and how many jobs are due now (not the history cleanup). */
  private Map<String, Object> idle() {
    Map<String, Object> result = new LinkedHashMap<>();
    try (Connection c = counter.raw().getConnection()) {
      try (PreparedStatement failed = c.prepareStatement(
          "SELECT ID_, EXCEPTION_MSG_ FROM ACT_RU_JOB WHERE EXCEPTION_MSG_ IS NOT NULL")) {
        try (ResultSet rs = failed.executeQuery()) {
          if (rs.next()) {
            result.put("failed", "job " + rs.getString(1) + " failed: " + rs.getString(2));
          }
        }
      }
      try (PreparedStatement due = c.prepareStatement("SELECT COUNT(*) FROM ACT_RU_JOB WHERE RETRIES_ > 0 "
          + "AND SUSPENSION_STATE_ = 1 AND (DUEDATE_ IS NULL OR DUEDATE_ <= ?) AND HANDLER_TYPE_ <> 'history-cleanup'")) {
        due.setTimestamp(1, new Timestamp(ClockUtil.getCurrentTime().getTime()));
        try (ResultSet rs = due.executeQuery()) {
          rs.next();
          result.put("due", rs.getLong(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return result;
  }

  private long count(String sql) {
    try (Connection c = counter.raw().getConnection(); PreparedStatement s = c.prepareStatement(sql);
         ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private void execute(String sql) {
    try (Connection c = counter.raw().getConnection(); var statement = c.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  // ------------------------------------------------------------------ diagnostics

  /** {@code -Dbenchmark.jfr}: a flight recording (JDK's "profile" settings) of the measured workload. */
  private synchronized Map<String, Object> startRecording() {
    try {
      recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
      recording.start();
      return Map.of();
    } catch (IOException | java.text.ParseException e) {
      throw new IllegalStateException("could not start the flight recording", e);
    }
  }

  private synchronized Map<String, Object> stopRecording(Path file) {
    try (jdk.jfr.Recording r = recording) {
      r.stop();
      r.dump(file);
      recording = null;
      return Map.of("file", file.toString());
    } catch (IOException e) {
      throw new IllegalStateException("could not write the flight recording", e);
    }
  }

  // ------------------------------------------------------------------ cost curves

  /**
   * {@code n} more filed institutions in the registry (the directory's rows), through the registry's own
   * {@code register} as a decided filing does: social organisations in Henan, credit codes from {@code first} on.
   */
  private Map<String, Object> growRegistry(int n, int first) {
    var registry = context.getBean(cn.hrss.assessment.registry.InstitutionRegistry.class);
    long start = System.nanoTime();
    for (int i = first; i < first + n; i++) {
      String first17 = String.format("52410000MC%07d", i);
      registry.register(new cn.hrss.assessment.registry.NewInstitution(
          cn.hrss.assessment.registry.InstitutionType.SOCIAL_ORG, "河南省规模测试技能评价中心" + i,
          first17 + cn.hrss.assessment.codes.CreditCodes.checkCharacter(first17), "41", "郑州市规模路 " + i + " 号",
          "scale" + i + "@example.cn", "BA-registry-" + i,
          List.of(new cn.hrss.assessment.registry.OccupationScope("6-18-01-01", "车工", "数控车床", List.of(4, 3))),
          null));
    }
    return Map.of("seconds", Math.round((System.nanoTime() - start) / 1e7) / 100.0);
  }

  /**
   * Cost curves: {@code n} more open acceptance reviews numbered from {@code first}, SQL copies of the runtime rows
   * of the submitted filing {@code businessKey} waiting at its review ({@link TaskListScale.Cloner}, as the task-list
   * scale makes its tasks; without its jobs). One start through the engine per task made the set-up at 100,000 far longer than its measurement.
   */
  private Map<String, Object> cloneOpenTasks(String businessKey, int first, int n, String database) {
    String template = engine().getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
        .singleResult().getId();
    long start = System.nanoTime();
    new TaskListScale.Cloner(counter.raw(), database).copy(template, first - 1, first + n - 1, false);
    return Map.of("seconds", Math.round((System.nanoTime() - start) / 1e7) / 100.0);
  }

  // ------------------------------------------------------------------ task-list scale

  /**
   * {@code n} open acceptance reviews: instances of the real filing model with the variables of the submitted
   * filing {@code businessKey}, started through the Java API on {@code threads} threads (set-up, not measured).
   */
  private Map<String, Object> openTasks(String businessKey, int first, int n, int threads) {
    var runtime = engine().getRuntimeService();
    String template = runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult().getId();
    VariableMap variables = runtime.getVariablesTyped(template);
    AtomicInteger next = new AtomicInteger(first);
    var pool = Executors.newFixedThreadPool(threads, r -> new Thread(r, THREAD_NAME));
    long start = System.nanoTime();
    try {
      List<Future<?>> starts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        starts.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < first + n; i = next.getAndIncrement()) {
            VariableMap copy = org.camunda.bpm.engine.variable.Variables.fromMap(variables);
            copy.putValue("applicationNo", "BA-scale-" + i);
            runtime.startProcessInstanceByKey("InstitutionFilingProcess", "BA-scale-" + i, copy);
          }
        }));
      }
      for (Future<?> f : starts) {
        f.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException("could not create the open tasks", e);
    } finally {
      pool.shutdown();
    }
    return Map.of("seconds", Math.round((System.nanoTime() - start) / 1e7) / 100.0);
  }
}
