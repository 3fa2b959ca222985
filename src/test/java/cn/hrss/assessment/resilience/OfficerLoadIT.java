package cn.hrss.assessment.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.benchmark.Latencies;
import cn.hrss.assessment.resilience.Http.Answer;
import cn.hrss.assessment.support.ApplicationJvm;
import cn.hrss.assessment.support.TestClock;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How many officers one node serves (issue 15 item 5): {@code mvn -Pofficers verify} (README "Sizing"). The packaged
 * application runs as a child JVM with production settings (as in {@link SoakIT}: pool of 30, 10 job threads, full
 * JIT, 1 GB heap, G1) on the embedded PostgreSQL, with the GreenMail sink. A feeder keeps a stock of open tasks by
 * submitting filings and disciplinary cases through the API ({@link FilingCase}, {@link DisciplineCase}) and
 * skipping their waiting periods as an operator could; N simulated officers (the demo users and users added through
 * engine REST's identity API in the right groups) each run a closed loop: think (30 s ± 50 %), then the next step of
 * their work in Tasklist:
 * <ul>
 *   <li><b>list</b>: their filter's first page and its count, as Tasklist asks for them
 *       ({@code POST /engine-rest/filter/{id}/list?firstResult=0&maxResults=15} as HAL with the filter's variables,
 *       {@code POST /engine-rest/filter/{id}/count});</li>
 *   <li><b>open</b> one task of that page: {@code GET /engine-rest/task/{id}}, its form variables and its deployed
 *       form;</li>
 *   <li><b>complete</b> it: claim (unless assigned to them already) and {@code POST /engine-rest/task/{id}/complete}
 *       with valid variables, as {@link DrivenCase} does; then list again.</li>
 * </ul>
 * The number of officers is ramped in steps ({@code -Dofficers.steps}); each step is timed as a whole per kind
 * (p50/p95/p99 over its measured part), with the CPU of the application JVMs and of PostgreSQL from /proc and the
 * pool's connections. The ramp stops at the first step where a p95 reaches 1 s ({@link OfficerLoad#largestUnder}).
 * With {@code -Dofficers.nodes=1,2} the ramp runs again with two nodes on one fresh database (as {@link ClusterIT}),
 * the officers spread over both. Writes target/benchmark/officers.json and officers.md. Asserts no speed: only that
 * the officers' work went through without a refused request and that no incident arose.
 */
@EnabledIfSystemProperty(named = "officers.steps", matches = "\\d+(\\s*,\\s*\\d+)*")
@EnabledIfSystemProperty(named = TestDatabase.SYSTEM_PROPERTY, matches = "postgres")
class OfficerLoadIT {

  static {
    // HttpURLConnection keeps 5 idle connections per server by default: officers working at once would reconnect.
    System.setProperty("http.maxConnections", "256");
  }

  /**
   * Roles in a cycle of ten officers: 3 acceptance officers, 4 experts (each filing needs three opinions; the four
   * demo experts are the first), 3 discipline officers.
   */
  static final String ROLES = "AAAEEEEDDD";
  static final String PASSWORD = "Officer-load-2026";
  static final List<String> TIMERS = List.of("Event_PublicNoticePeriodEnded", "Event_StatementWindowClosed",
      "Event_AppealWindowClosed");

  private final OfficerLoad.Settings settings = OfficerLoad.Settings.fromSystemProperties();
  private final Http http = new Http();
  private final AtomicInteger caseNumbers = new AtomicInteger(1);

  @Test
  void largestNumberOfOfficersWithEveryStepUnderOneSecond_oneNodeAndTwo() throws Exception {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("startedAt", Instant.now().toString());
    result.put("cores", Runtime.getRuntime().availableProcessors());
    result.put("loadAverageAtStart", OfficerLoad.loadAverage());
    result.put("settings", Map.of("steps", settings.steps(), "stepSeconds", settings.stepLength().toSeconds(),
        "thinkMillis", settings.think().toMillis(), "warmUpSeconds", settings.warmUp().toSeconds(),
        "nodes", settings.nodes(), "p95LimitMillis", settings.p95LimitMillis()));
    List<Map<String, Object>> ramps = new ArrayList<>();
    result.put("ramps", ramps);
    List<String> errors = new ArrayList<>();
    for (int nodes : settings.nodes()) {
      Ramp ramp = ramp(nodes, result, ramps);
      errors.addAll(ramp.errors);
    }
    write(result, ramps);
    assertThat(ramps).allSatisfy(r -> assertThat((List<?>) r.get("steps")).as("measured steps").isNotEmpty());
    assertThat(errors).as("refused or failed requests of the officers and the feeder").isEmpty();
  }

  /** One ramp on {@code nodes} application JVMs sharing one fresh database. */
  private Ramp ramp(int nodes, Map<String, Object> result, List<Map<String, Object>> ramps) throws Exception {
    TestMail.reset();
    String url = Resilience.freshDatabase();
    JdbcTemplate db = Resilience.jdbc(url);
    Map<String, String> properties = new LinkedHashMap<>(Resilience.applicationProperties(url,
        Resilience.materialsDirectory("officers")));
    // Production's sizes and timings (as SoakIT), not the crash tests' shortened ones.
    for (String shortened : List.of("spring.datasource.hikari.maximum-pool-size", "camunda.bpm.job-execution.max-pool-size",
        "camunda.bpm.job-execution.lock-time-in-millis", "camunda.bpm.job-execution.max-wait",
        "assessment.notification.sending-expires-after", "assessment.notification.retry-cycle")) {
      properties.remove(shortened);
    }
    properties.put("management.endpoints.web.exposure.include", "health,info,metrics");
    properties.put("logging.level.org.camunda.bpm.engine.jobexecutor", "WARN");
    List<ApplicationJvm> apps = new ArrayList<>();
    for (int i = 0; i < nodes; i++) {
      apps.add(ApplicationJvm.of("officers-" + nodes + "-node-" + (char) ('a' + i), properties)
          .withJvmOptions(List.of("-Xms256m", "-Xmx1g", "-XX:+UseG1GC")));
    }
    Ramp ramp = new Ramp(nodes, apps, db);
    ScheduledExecutorService starting = Executors.newScheduledThreadPool(nodes);
    try {
      List<Future<?>> started = new ArrayList<>();
      for (ApplicationJvm app : apps) {
        started.add(starting.submit(() -> app.start(Duration.ofMinutes(4))));
      }
      for (Future<?> f : started) {
        f.get();
      }
      starting.shutdown();
      Map<String, Object> figures = ramp.run();
      ramps.add(figures);
      write(result, ramps); // what has been measured so far stays, whatever comes next
      assertThat(db.queryForObject("SELECT COUNT(*) FROM ACT_RU_INCIDENT", Integer.class)).as("incidents").isZero();
      return ramp;
    } finally {
      starting.shutdownNow();
      apps.forEach(ApplicationJvm::close);
    }
  }

  /** One ramp: the nodes, the officers, the feeder and what they measured. */
  final class Ramp {
    final int nodes;
    final List<ApplicationJvm> apps;
    final JdbcTemplate db;
    final List<Officer> officers = new ArrayList<>();
    final List<String> errors = new CopyOnWriteArrayList<>();
    final AtomicBoolean running = new AtomicBoolean(true);
    final AtomicLong steps = new AtomicLong();
    final AtomicLong conflicts = new AtomicLong();
    final AtomicLong submissions = new AtomicLong();
    final ConcurrentLinkedQueue<Long> lag = new ConcurrentLinkedQueue<>();
    final Map<String, String> filters = new LinkedHashMap<>();
    volatile Latencies latencies = new Latencies();
    volatile int poolSize;
    volatile int poolMaxActive;
    volatile int poolMaxPending;
    volatile int openTasksMax;
    ScheduledThreadPoolExecutor executor;
    String filingCode;
    long postmaster;
    FilingCase filingForms;
    DisciplineCase disciplineForms;

    Ramp(int nodes, List<ApplicationJvm> apps, JdbcTemplate db) {
      this.nodes = nodes;
      this.apps = apps;
      this.db = db;
    }

    DrivenCase.Apps node(int i) {
      return DrivenCase.Apps.of(apps.get(i % apps.size()));
    }

    Map<String, Object> run() throws Exception {
      // One institution filed first: disciplinary cases name it.
      FilingCase institution = new FilingCase(caseNumbers.getAndIncrement(), http, db, node(0));
      new CaseDriver(List.of(institution), 1).run(Duration.ofMinutes(3));
      filingCode = institution.filingCode();
      filingForms = new FilingCase(0, http, db, node(0));
      disciplineForms = new DisciplineCase(0, false, filingCode, http, db, node(0));
      http.get(apps.get(0).baseUrl() + "/engine-rest/filter", Http.basic(DrivenCase.ADMIN)).body()
          .forEach(f -> filters.put(f.get("name").asText(), f.get("id").asText()));
      postmaster = OfficerLoad.parent(OfficerLoad.stat(db.queryForObject("SELECT pg_backend_pid()", Long.class)).orElseThrow());

      int maxOfficers = settings.steps().stream().mapToInt(Integer::intValue).max().orElse(1);
      executor = new ScheduledThreadPoolExecutor(Math.min(256, Math.max(8, maxOfficers)));
      ScheduledExecutorService feeder = Executors.newScheduledThreadPool(2);
      feeder.scheduleWithFixedDelay(this::feed, 0, 1, TimeUnit.SECONDS);
      feeder.scheduleWithFixedDelay(this::sample, 0, 5, TimeUnit.SECONDS);
      List<OfficerLoad.Step> measured = new ArrayList<>();
      try {
        for (int n : settings.steps()) {
          join(n);
          CaseDriver.log(String.format("OfficerLoadIT: %d node(s), %d officers (≈ %.0f at 30 s think), warm-up %s",
              nodes, n, settings.equivalentOfficers(n), settings.warmUp()));
          latencies = new Latencies(); // the warm-up's figures are dropped
          Thread.sleep(settings.warmUp().toMillis());
          OfficerLoad.Step step = measure(n);
          measured.add(step);
          CaseDriver.log("OfficerLoadIT: " + line(step) + "; " + OfficerLoad.bottleneck(step));
          if (!OfficerLoad.goOn(step, settings.p95LimitMillis()) || !errors.isEmpty()) {
            break;
          }
        }
      } finally {
        running.set(false);
        feeder.shutdownNow();
        executor.shutdownNow();
        feeder.awaitTermination(1, TimeUnit.MINUTES);
        executor.awaitTermination(1, TimeUnit.MINUTES);
      }
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("nodes", nodes);
      figures.put("steps", measured);
      Optional<OfficerLoad.Step> largest = OfficerLoad.largestUnder(measured, settings.p95LimitMillis());
      figures.put("largestOfficersUnderLimit", largest.map(OfficerLoad.Step::officers).orElse(null));
      figures.put("largestEquivalentOfficersAt30s", largest.map(OfficerLoad.Step::equivalentOfficers).orElse(null));
      boolean stopped = !measured.isEmpty() && !measured.get(measured.size() - 1).under(settings.p95LimitMillis());
      figures.put("stoppedAtLimit", stopped);
      OfficerLoad.Step judged = measured.isEmpty() ? null : measured.get(measured.size() - 1);
      figures.put("bottleneck", judged == null ? null : OfficerLoad.bottleneck(judged));
      figures.put("errors", errors.stream().limit(30).toList());
      figures.put("errorCount", errors.size());
      figures.put("incidents", db.queryForObject("SELECT COUNT(*) FROM ACT_HI_INCIDENT", Integer.class));
      figures.put("noticesNotSent", db.queryForObject(
          "SELECT COUNT(*) FROM notice WHERE status NOT IN ('SENT', 'SKIPPED')", Integer.class));
      figures.put("casesEnded", db.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE END_TIME_ IS NOT NULL"
          + " AND SUPER_PROCESS_INSTANCE_ID_ IS NULL", Integer.class));
      return figures;
    }

    /** Officers join until there are {@code n}, each starting at a random moment within one think time. */
    void join(int n) {
      while (officers.size() < n) {
        int index = officers.size();
        Officer officer = new Officer(this, index, ROLES.charAt(index % ROLES.length()), node(index));
        officer.ensureUser();
        officers.add(officer);
        officer.schedule(ThreadLocalRandom.current().nextLong(settings.think().toMillis() + 1));
      }
    }

    OfficerLoad.Step measure(int n) throws InterruptedException {
      Latencies window = new Latencies();
      long steps0 = steps.get();
      long conflicts0 = conflicts.get();
      long submissions0 = submissions.get();
      int errors0 = errors.size();
      lag.clear();
      poolMaxActive = 0;
      poolMaxPending = 0;
      openTasksMax = 0;
      long app0 = appTicks();
      long db0 = OfficerLoad.serverTicks(postmaster);
      long[] machine0 = OfficerLoad.machine();
      long start = System.nanoTime();
      latencies = window;
      Thread.sleep(settings.stepLength().minus(settings.warmUp()).toMillis());
      latencies = new Latencies();
      double seconds = (System.nanoTime() - start) / 1e9;
      long app1 = appTicks();
      long db1 = OfficerLoad.serverTicks(postmaster);
      long[] machine1 = OfficerLoad.machine();
      double machineBusy = 100.0 * (machine1[0] - machine0[0]) / Math.max(1, machine1[1] - machine0[1]);
      long[] lags = lag.stream().mapToLong(Long::longValue).sorted().toArray();
      double lagP95 = lags.length == 0 ? 0 : lags[Math.max(0, (int) Math.ceil(0.95 * lags.length) - 1)] / 1e6;
      return new OfficerLoad.Step(nodes, n, settings.equivalentOfficers(n), Math.round(seconds * 10) / 10.0,
          window.summary(), steps.get() - steps0, conflicts.get() - conflicts0, errors.size() - errors0,
          submissions.get() - submissions0,
          round(100.0 * (app1 - app0) / OfficerLoad.TICKS_PER_SECOND / seconds),
          round(100.0 * (db1 - db0) / OfficerLoad.TICKS_PER_SECOND / seconds),
          round(machineBusy), Runtime.getRuntime().availableProcessors(), OfficerLoad.loadAverage(),
          poolSize, poolMaxActive, poolMaxPending, openTasksMax, round(lagP95));
    }

    long appTicks() {
      return apps.stream().mapToLong(a -> OfficerLoad.processTicks(a.pid())).sum();
    }

    /** Every 5 s: the pools of the nodes (highest active and waiting) and the open tasks. */
    void sample() {
      try {
        int size = 0;
        for (ApplicationJvm app : apps) {
          size += (int) metric(app, "hikaricp.connections.max");
          poolMaxActive = Math.max(poolMaxActive, (int) metric(app, "hikaricp.connections.active"));
          poolMaxPending = Math.max(poolMaxPending, (int) metric(app, "hikaricp.connections.pending"));
        }
        poolSize = size;
        TestMail.reset(); // the sink would hold every notice of the run
        openTasksMax = Math.max(openTasksMax, db.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK", Integer.class));
      } catch (RuntimeException e) {
        CaseDriver.log("OfficerLoadIT: sample failed: " + e);
      }
    }

    double metric(ApplicationJvm app, String name) {
      JsonNode body = http.get(app.baseUrl() + "/actuator/metrics/" + name, null).body();
      return body.get("measurements").get(0).get("value").asDouble();
    }

    /**
     * The feeder: keeps at least two unclaimed first tasks per officer of each kind (at least a full first page) by
     * submitting filings and disciplinary cases through the API, at most 4 of each a second, and skips waiting
     * periods that have begun (their timer's due date set to now through engine REST, as {@link DrivenCase} does).
     */
    void feed() {
      if (!running.get()) {
        return;
      }
      try {
        long acceptanceOfficers = officers.stream().filter(o -> o.role == 'A').count();
        long disciplineOfficers = officers.stream().filter(o -> o.role == 'D').count();
        int filingStock = db.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK WHERE TASK_DEF_KEY_ = 'Task_ReviewCompleteness'"
            + " AND ASSIGNEE_ IS NULL", Integer.class);
        int disciplineStock = db.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK WHERE TASK_DEF_KEY_ = 'Task_DetermineViolation'"
            + " AND ASSIGNEE_ IS NULL", Integer.class);
        for (long i = filingStock; i < Math.max(16, 2 * acceptanceOfficers) && i < filingStock + 4 && running.get(); i++) {
          int number = caseNumbers.getAndIncrement();
          submit(new FilingCase(number, http, db, node(number)));
        }
        for (long i = disciplineStock; i < Math.max(16, 2 * disciplineOfficers) && i < disciplineStock + 4 && running.get(); i++) {
          int number = caseNumbers.getAndIncrement();
          submit(new DisciplineCase(number, false, filingCode, http, db, node(number)));
        }
        for (String timer : TIMERS) {
          Answer jobs = http.get(apps.get(0).baseUrl() + "/engine-rest/job?timers=true&activityId=" + timer
              + "&maxResults=200", Http.basic(DrivenCase.ADMIN));
          for (JsonNode job : jobs.body()) {
            if (job.path("dueDate").isTextual() && DrivenCase.parse(job.get("dueDate").asText()).after(TestClock.childJvmNow())) {
              Answer moved = http.put(apps.get(0).baseUrl() + "/engine-rest/job/" + job.get("id").asText() + "/duedate",
                  Http.basic(DrivenCase.ADMIN), Map.of("duedate", DrivenCase.format(TestClock.childJvmNow())));
              if (!moved.is(204) && !moved.is(404)) {
                errors.add("timer " + timer + " not moved: " + moved);
              }
            }
          }
        }
      } catch (RuntimeException e) {
        errors.add("feeder: " + e);
      }
    }

    void submit(DrivenCase c) {
      long start = System.nanoTime();
      Answer answer = c.submit();
      latencies.record("submission (feeder)", System.nanoTime() - start);
      if (!answer.is(201)) {
        errors.add(c + ": submission refused: " + answer);
      }
      submissions.incrementAndGet();
    }
  }

  /** One simulated officer: a user of the right groups, its node, and where it stands in its loop. */
  final class Officer {
    final Ramp ramp;
    final String user;
    final String password;
    final char role;
    final DrivenCase.Apps node;
    final String filter;
    String next = "list";
    JsonNode task;
    long due;

    Officer(Ramp ramp, int index, char role, DrivenCase.Apps node) {
      this.ramp = ramp;
      this.role = role;
      this.node = node;
      int ofRole = (int) ramp.officers.stream().filter(o -> o.role == role).count();
      // The demo users first (CONTRACT.md), then users added for the test.
      String demo = switch (role) {
        case 'A' -> ofRole == 0 ? "officer" : null;
        case 'E' -> ofRole < 4 ? "expert" + (ofRole + 1) : null;
        default -> ofRole == 0 ? "discipline" : null;
      };
      this.user = demo != null ? demo : "load" + Character.toLowerCase(role) + index; // ids: [a-zA-Z0-9]+ (engine default)
      this.password = demo != null ? demo : PASSWORD;
      this.filter = ramp.filters.get(switch (role) {
        case 'A' -> "受理审查";
        case 'E' -> "技术评审";
        default -> "违纪认定";
      });
    }

    /** Creates the user through engine REST's identity API, in the groups of its role, unless it is a demo user. */
    void ensureUser() {
      if (user.equals(password)) {
        return;
      }
      String base = node.office() + "/engine-rest";
      HttpHeaders admin = Http.basic(DrivenCase.ADMIN);
      Answer created = http.post(base + "/user/create", admin, Map.of(
          "profile", Map.of("id", user, "firstName", "压测", "lastName", user, "email", user + "@hrss.example.cn"),
          "credentials", Map.of("password", password)));
      if (!created.is(204)) {
        throw new AssertionError("user " + user + " not created: " + created);
      }
      List<String> groups = switch (role) {
        case 'A' -> List.of("acceptance-officers", "acceptance-officers-41");
        case 'E' -> List.of("experts");
        default -> List.of("discipline-officers");
      };
      for (String group : groups) {
        Answer member = http.put(base + "/group/" + group + "/members/" + user, admin, null);
        if (!member.is(204)) {
          throw new AssertionError(user + " not added to " + group + ": " + member);
        }
      }
    }

    void schedule(long delayMillis) {
      if (!ramp.running.get()) {
        return;
      }
      due = System.nanoTime() + delayMillis * 1_000_000;
      try {
        ramp.executor.schedule(this::step, delayMillis, TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        // the ramp ended
      }
    }

    void step() {
      if (!ramp.running.get()) {
        return;
      }
      ramp.lag.add(System.nanoTime() - due);
      String kind = next;
      Latencies latencies = ramp.latencies;
      long start = System.nanoTime();
      try {
        switch (kind) {
          case "list" -> list();
          case "open" -> open();
          default -> complete();
        }
        latencies.record(kind, System.nanoTime() - start);
        ramp.steps.incrementAndGet();
      } catch (Throwable e) {
        ramp.errors.add(user + " " + kind + ": " + e.getMessage());
        next = "list";
      }
      long think = settingsThink();
      schedule(ThreadLocalRandom.current().nextLong(think / 2, think * 3 / 2 + 1));
    }

    long settingsThink() {
      return settings.think().toMillis();
    }

    HttpHeaders auth() {
      HttpHeaders headers = new HttpHeaders();
      headers.setBasicAuth(user, password);
      return headers;
    }

    /** The filter's first page as HAL (with the filter's variables) and its count; picks the task to open. */
    void list() {
      Map<String, Object> query = Map.of("sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc")));
      HttpHeaders hal = auth();
      hal.setAccept(List.of(MediaType.valueOf("application/hal+json")));
      Answer page = http.post(node.office() + "/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=15", hal, query);
      Answer count = http.post(node.office() + "/engine-rest/filter/" + filter + "/count", auth(), query);
      if (!page.is(200) || !count.is(200)) {
        throw new AssertionError("filter refused: " + page + " / " + count);
      }
      List<JsonNode> mine = new ArrayList<>();
      List<JsonNode> free = new ArrayList<>();
      page.body().path("_embedded").path("task").forEach(t -> {
        if (user.equals(t.path("assignee").asText(null))) {
          mine.add(t);
        } else if (t.path("assignee").isNull() || t.path("assignee").isMissingNode()) {
          free.add(t);
        }
      });
      List<JsonNode> choice = mine.isEmpty() ? free : mine; // their own claimed tasks first, as an officer would
      if (choice.isEmpty()) {
        task = null;
        next = "list";
        return;
      }
      task = choice.get(ThreadLocalRandom.current().nextInt(choice.size()));
      next = "open";
    }

    /** The task, its form variables and its form, as Tasklist loads them when a task is opened. */
    void open() {
      String base = node.office() + "/engine-rest/task/" + task.get("id").asText();
      Answer got = http.get(base, auth());
      if (got.is(404)) {
        conflict(); // completed meanwhile by another officer
        return;
      }
      Answer variables = http.get(base + "/form-variables", auth());
      HttpHeaders any = auth();
      any.setAccept(List.of(MediaType.ALL));
      Answer form = http.get(base + "/deployed-form", any);
      if (!variables.is(200) || !form.is(200)) {
        if (http.get(base, auth()).is(404)) {
          conflict(); // completed by another officer between the requests
          return;
        }
        throw new AssertionError("opening " + task.get("taskDefinitionKey").asText() + " refused: task " + got.status()
            + ", form variables " + variables.status() + ", form " + form);
      }
      if (!got.is(200)) {
        throw new AssertionError("opening " + task.get("taskDefinitionKey").asText() + " refused: " + got);
      }
      task = got.body();
      next = "complete";
    }

    /** Claims the task (unless it is assigned to this officer) and completes it with valid variables. */
    void complete() {
      next = "list";
      String base = node.office() + "/engine-rest/task/" + task.get("id").asText();
      if (!user.equals(task.path("assignee").asText(null))) {
        Answer claimed = http.post(base + "/claim", auth(), Map.of("userId", user));
        if (!claimed.is(204)) {
          String type = claimed.body() == null ? "" : claimed.body().path("type").asText();
          String message = claimed.body() == null ? "" : claimed.body().path("message").asText();
          // Another officer was quicker: claimed or completed it since this one opened it, or claimed it at the same
          // moment (the engine's optimistic locking lets one claim win; Tasklist shows the others an error).
          if (claimed.is(404) || type.equals("TaskAlreadyClaimedException") || type.equals("OptimisticLockingException")
              || type.equals("NullValueException") && message.startsWith("Cannot find task")) {
            conflict();
            return;
          }
          // A claim that read the task just before another officer's completion committed finds its grants gone
          // (403): the task is gone or someone else's by now, a conflict too; anything else is an error.
          Answer now = http.get(base, auth());
          if (now.is(404) || now.is(200) && !now.body().path("assignee").isNull() && !user.equals(now.body().path("assignee").asText())) {
            conflict();
            return;
          }
          throw new AssertionError("claim refused: " + claimed);
        }
      }
      String key = task.get("taskDefinitionKey").asText();
      DrivenCase forms = key.startsWith("Task_ExpertReview") || key.equals("Task_ReviewCompleteness")
          || key.equals("Task_DecideFiling") ? ramp.filingForms : ramp.disciplineForms;
      Map<String, Object> values = forms.completionOf(task).variables();
      Answer done = http.post(base + "/complete", auth(), Map.of("variables", DrivenCase.typed(values)));
      String type = done.body() == null ? "" : done.body().path("type").asText();
      if (done.is(404) || done.is(500) && (type.contains("OptimisticLocking")
          || type.equals("NullValueException") && done.body().path("message").asText().startsWith("Cannot find task"))) {
        conflict(); // completed by a request of another officer, or a job changed the instance at that moment
        return;
      }
      if (!done.is(204)) {
        throw new AssertionError(user + " completing " + key + " refused: " + done);
      }
    }

    void conflict() {
      ramp.conflicts.incrementAndGet();
      next = "list";
    }
  }

  // ------------------------------------------------------------------ report

  private void write(Map<String, Object> result, List<Map<String, Object>> ramps) throws java.io.IOException {
    Path out = Files.createDirectories(Path.of("target", "benchmark"));
    Files.writeString(out.resolve("officers.json"), Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
    String md = markdown(result, ramps);
    Files.writeString(out.resolve("officers.md"), md);
    System.out.println(md);
  }

  @SuppressWarnings("unchecked")
  private String markdown(Map<String, Object> result, List<Map<String, Object>> ramps) {
    StringBuilder t = new StringBuilder("# Officers per node (OfficerLoadIT)\n\n");
    t.append(String.format(Locale.ROOT, "%s; %s cores, load %.2f at start; think %.1f s ± 50 %%, steps of %.1f min"
            + " (first %d s not measured); limit p95 < %.0f ms.%n%n", result.get("startedAt"), result.get("cores"),
        (Double) result.get("loadAverageAtStart"), settings.think().toMillis() / 1000.0,
        settings.stepLength().toSeconds() / 60.0, settings.warmUp().toSeconds(), settings.p95LimitMillis()));
    if (!settings.think().equals(OfficerLoad.REAL_THINK)) {
      t.append("Think time scaled down: \"≈ at 30 s\" is the number of officers at the real 30 s think time that send the"
          + " same rate of steps (N × 30 s / think).\n\n");
    }
    t.append("| nodes | officers | ≈ at 30 s | steps/s | list p50/p95/p99 ms | open p50/p95/p99 ms | complete p50/p95/p99 ms"
        + " | conflicts | errors | app CPU % | PostgreSQL CPU % | machine busy % | load | pool max active/waiting (size) |"
        + " open tasks | schedule lag p95 ms |\n");
    t.append("|---:|---:|---:|---:|---|---|---|---:|---:|---:|---:|---:|---:|---|---:|---:|\n");
    for (Map<String, Object> ramp : ramps) {
      for (OfficerLoad.Step s : (List<OfficerLoad.Step>) ramp.get("steps")) {
        t.append(String.format(Locale.ROOT, "| %d | %d | %.0f | %.2f | %s | %s | %s | %d | %d | %.0f | %.0f | %.0f | %.2f |"
                + " %d/%d (%d) | %d | %.0f |%n", s.nodes(), s.officers(), s.equivalentOfficers(),
            s.steps() / s.measuredSeconds(), p(s, "list"), p(s, "open"), p(s, "complete"), s.conflicts(), s.errors(),
            s.appCpuPercent(), s.dbCpuPercent(), s.machineBusyPercent(), s.loadAverage(), s.poolMaxActive(),
            s.poolMaxPending(), s.poolSize(), s.openTasksMax(), s.scheduleLagP95Millis()));
      }
    }
    t.append('\n');
    for (Map<String, Object> ramp : ramps) {
      t.append(String.format(Locale.ROOT, "- %s node(s): largest number of officers with every step's p95 under %.0f ms:"
              + " **%s** (≈ %s at 30 s think)%s; %s. Errors: %s, incidents: %s, notices not sent: %s.%n",
          ramp.get("nodes"), settings.p95LimitMillis(), ramp.get("largestOfficersUnderLimit") == null
              ? "none, the first step already reached it" : ramp.get("largestOfficersUnderLimit"),
          ramp.get("largestEquivalentOfficersAt30s") == null ? "—"
              : String.format(Locale.ROOT, "%.0f", (Double) ramp.get("largestEquivalentOfficersAt30s")),
          ramp.get("largestOfficersUnderLimit") == null ? ""
              : Boolean.TRUE.equals(ramp.get("stoppedAtLimit")) ? ", the next step reached the limit"
              : ", the last step tried was still under it (a larger step would say more)",
          Boolean.TRUE.equals(ramp.get("stoppedAtLimit")) ? "at the step that reached it: " + ramp.get("bottleneck")
              : "at the last step: " + ramp.get("bottleneck"),
          ramp.get("errorCount"), ramp.get("incidents"), ramp.get("noticesNotSent")));
      ((List<String>) ramp.get("errors")).stream().limit(10).forEach(e -> t.append("  - error: ").append(e).append('\n'));
    }
    return t.toString();
  }

  /** One step in one line, for the log. */
  private static String line(OfficerLoad.Step s) {
    return String.format(Locale.ROOT, "%d node(s), %d officers (≈ %.0f at 30 s): %d steps in %.0f s, list %s, open %s,"
            + " complete %s ms (p50/p95/p99), %d conflicts, %d errors, app CPU %.0f %%, PostgreSQL %.0f %%, machine %.0f %%"
            + " busy, pool %d/%d waiting %d, schedule lag p95 %.0f ms", s.nodes(), s.officers(), s.equivalentOfficers(),
        s.steps(), s.measuredSeconds(), p(s, "list"), p(s, "open"), p(s, "complete"), s.conflicts(), s.errors(),
        s.appCpuPercent(), s.dbCpuPercent(), s.machineBusyPercent(), s.poolMaxActive(), s.poolSize(), s.poolMaxPending(),
        s.scheduleLagP95Millis());
  }

  private static String p(OfficerLoad.Step s, String kind) {
    Map<String, Number> p = s.latencies().get(kind);
    return p == null ? "—" : p.get("p50") + " / " + p.get("p95") + " / " + p.get("p99");
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
