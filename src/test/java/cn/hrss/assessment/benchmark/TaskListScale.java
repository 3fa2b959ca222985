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
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Tasklist at scale (issue 15 item 3; README "Benchmark → Tasklist at scale", docs/performance.md): N open tasks
 * spread as in a province's daily work, then each user's Tasklist filter's first page as Tasklist asks for it (the
 * list, {@code POST /engine-rest/filter/{id}/list?firstResult=0&maxResults=15} as HAL with the filter's variables,
 * and the count, {@code POST /engine-rest/filter/{id}/count}), on the application, on a <b>stock</b> bare engine
 * (no statistics, no {@code plan_cache_mode}, no indexes of ours) and, on PostgreSQL, on the bare engine with the
 * application's database tuning.
 *
 * <p>The open tasks: 60 % acceptance reviews ({@code Task_ReviewCompleteness}, candidate group
 * {@code acceptance-officers-<province>}, spread evenly over 41, 33, 44, 32 and 11, so that officer (41) sees one
 * fifth of them), 25 % expert reviews ({@code Task_ExpertReview}, assigned to the three drawn experts; expert1 has
 * a third of them), 15 % disciplinary determinations ({@code Task_DetermineViolation}, {@code discipline-officers}).
 * Set-up, not measured: one real case of each kind goes through HTTP (the application's API or, on the bare engine,
 * engine REST) to the open task; its runtime rows (executions, task, candidate-group links, the engine's task
 * grants, variables and their byte arrays; not its jobs) are then copied in SQL, with ids of their own, the
 * province changed and creation times one second apart, then {@code ANALYZE}. Sizes grow in one database
 * (20,000, then 80,000 more for 100,000).
 */
final class TaskListScale {

  enum Target { APP, STOCK, TUNED }

  record Settings(String database, List<Integer> sizes, int queries, int warmup, int budgetSeconds, Path out) {}

  /** The users measured: user → filter name. */
  static final Map<String, String> USERS = Map.of(
      "officer", Workload.ACCEPTANCE_FILTER, "expert1", Workload.EXPERT_FILTER, "discipline", Workload.DISCIPLINE_FILTER);
  static final List<String> USER_ORDER = List.of("officer", "expert1", "discipline");
  static final List<String> PROVINCES = List.of("41", "33", "44", "32", "11");

  private TaskListScale() {}

  static Map<String, Object> run(Settings settings) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("database", settings.database());
    result.put("sizes", settings.sizes());
    result.put("queriesPerUser", settings.queries());
    result.put("cpus", Runtime.getRuntime().availableProcessors());
    List<Target> targets = settings.database().equals("postgres")
        ? List.of(Target.APP, Target.STOCK, Target.TUNED) : List.of(Target.APP, Target.STOCK);
    String only = System.getProperty("benchmark.tasklist-targets", "");
    for (Target target : targets) {
      if (!only.isBlank() && !List.of(only.toLowerCase(Locale.ROOT).split(",")).contains(target.name().toLowerCase(Locale.ROOT))) {
        continue;
      }
      result.put(target.name().toLowerCase(Locale.ROOT), runTarget(target, settings));
    }
    return result;
  }

  private static Map<String, Object> runTarget(Target target, Settings settings) {
    long offset = Benchmark.CLOCK.atZone(ZoneId.of("Asia/Shanghai")).toInstant().toEpochMilli() - System.currentTimeMillis();
    ClockUtil.offset(offset);
    ConfigurableApplicationContext context = start(target, settings);
    ExecutorService clients = Executors.newFixedThreadPool(2);
    try {
      ProcessEngine engine = context.getBean(ProcessEngine.class);
      DataSource raw = context.getBean(DataSource.class);
      String institution = null;
      if (target != Target.APP) {
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("bare models");
        BareModels.all().forEach((name, bytes) -> deployment.addInputStream(name, new ByteArrayInputStream(bytes)));
        deployment.deploy();
        BareIdentity.setUp(engine);
        if (target == Target.TUNED) {
          sqlScript(raw, "/db/vendor/postgresql/V23__authorization_statistics.sql");
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
      Http http = new Http(Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port")));
      Runnable idle = () -> awaitIdle(raw);
      Workload workload = new Workload(http, target != Target.APP, filters, new Latencies(), clients, idle, institution);
      Templates templates = templates(engine, workload, http, filters, target, institution, raw);

      Map<String, Object> bySize = new LinkedHashMap<>();
      int done = 0;
      for (int size : settings.sizes()) {
        long setUp = System.nanoTime();
        Cloner cloner = new Cloner(raw, settings.database());
        // per size: 60 % acceptance, 25 % expert tasks (3 per instance), 15 % disciplinary; the templates count.
        int acceptance = (int) Math.round(size * 0.60) - 1;
        int expert = (int) Math.round(size * 0.25 / 3) - 1;
        int discipline = (int) Math.round(size * 0.15) - 1;
        int[] before = cloned(done);
        cloner.copy(templates.acceptance(), before[0], acceptance, true);
        cloner.copy(templates.expert(), before[1], expert, false);
        cloner.copy(templates.discipline(), before[2], discipline, false);
        done = size;
        awaitIdle(raw);
        analyze(raw);
        explore(raw, size);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("openTasks", engine.getTaskService().createTaskQuery().count());
        figures.put("setUpSeconds", Benchmark.round(Benchmark.seconds(System.nanoTime() - setUp)));
        figures.put("loadAverage", loadAverage());
        figures.put("users", measure(http, filters, settings));
        figures.put("loadAverageAfter", loadAverage());
        System.out.println("tasklist scale, " + target + " on " + settings.database() + ", " + size + " open tasks: "
            + Http.JSON.valueToTree(figures));
        bySize.put(Integer.toString(size), figures);
      }
      return bySize;
    } finally {
      clients.shutdownNow();
      context.close();
      ClockUtil.reset();
    }
  }

  /** Clones made before {@code size} open tasks exist: acceptance, expert and disciplinary instances. */
  private static int[] cloned(int size) {
    if (size == 0) {
      return new int[] {0, 0, 0};
    }
    return new int[] {(int) Math.round(size * 0.60) - 1, (int) Math.round(size * 0.25 / 3) - 1,
        (int) Math.round(size * 0.15) - 1};
  }

  /** Each user's first page: list and count, {@code warmup} unmeasured, then {@code queries} or the time budget. */
  private static Map<String, Object> measure(Http http, Map<String, String> filters, Settings settings) {
    Map<String, Object> byUser = new LinkedHashMap<>();
    Map<String, Object> list = Map.of("sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc")));
    for (String user : USER_ORDER) {
      String filter = filters.get(USERS.get(user));
      java.util.Queue<Long> pages = new java.util.ArrayDeque<>();
      java.util.Queue<Long> lists = new java.util.ArrayDeque<>();
      java.util.Queue<Long> counts = new java.util.ArrayDeque<>();
      long budget = System.nanoTime() + settings.budgetSeconds() * 1_000_000_000L;
      long total = -1;
      for (int i = 0; i < settings.warmup() + settings.queries(); i++) {
        long start = System.nanoTime();
        JsonNode page = http.postJson(user, "/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=15",
            list, 200, "application/hal+json");
        long listed = System.nanoTime();
        JsonNode count = http.postJson(user, "/engine-rest/filter/" + filter + "/count", Map.of(), 200);
        long end = System.nanoTime();
        total = count.get("count").asLong();
        int shown = page.path("_embedded").path("task").size();
        if (shown != Math.min(15, total)) {
          throw new IllegalStateException(user + ": first page has " + shown + " tasks of " + total);
        }
        if (i >= settings.warmup()) {
          pages.add(end - start);
          lists.add(listed - start);
          counts.add(end - listed);
          if (end > budget) {
            break;
          }
        }
      }
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("tasksInFilter", total);
      figures.put("queries", pages.size());
      figures.put("firstPage", Latencies.percentiles(pages));
      figures.put("list", Latencies.percentiles(lists));
      figures.put("count", Latencies.percentiles(counts));
      byUser.put(user, figures);
    }
    return byUser;
  }

  // ------------------------------------------------------------------ set-up

  /** The process instance ids of one real case of each kind, each waiting at its open task(s). */
  record Templates(String acceptance, String expert, String discipline) {}

  private static Templates templates(ProcessEngine engine, Workload workload, Http http, Map<String, String> filters,
      Target target, String institution, DataSource raw) {
    String acceptanceKey = workload.submitFiling();
    // The panel is a random draw of three of the experts: a template whose panel lacks expert1 would leave his
    // filter empty, so filings are accepted until one draws him (a few extra open tasks at most).
    String expertInstance = null;
    for (int attempt = 1; expertInstance == null; attempt++) {
      if (attempt > 20) {
        throw new IllegalStateException("no expert panel with expert1 in 20 draws");
      }
      String expertKey = workload.submitFiling();
      awaitIdle(raw);
      String instance = instance(engine, expertKey);
      String reviewTask = engine.getTaskService().createTaskQuery().processInstanceId(instance)
          .taskDefinitionKey("Task_ReviewCompleteness").singleResult().getId();
      http.postJson("officer", "/engine-rest/task/" + reviewTask + "/complete",
          Map.of("variables", Http.variables(cn.hrss.assessment.filing.Applications.acceptance())), 204);
      awaitIdle(raw);
      if (engine.getTaskService().createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_ExpertReview")
          .taskAssignee("expert1").count() == 1) {
        expertInstance = instance;
      }
    }
    String caseNo = openCase(http, target != Target.APP, institution);
    awaitIdle(raw);
    Templates templates = new Templates(instance(engine, acceptanceKey), expertInstance, instance(engine, caseNo));
    long experts = engine.getTaskService().createTaskQuery().processInstanceId(expertInstance)
        .taskDefinitionKey("Task_ExpertReview").count();
    if (experts != 3) {
      throw new IllegalStateException(experts + " expert review tasks instead of 3");
    }
    if (engine.getTaskService().createTaskQuery().processInstanceId(templates.discipline())
        .taskDefinitionKey("Task_DetermineViolation").count() != 1) {
      throw new IllegalStateException("no open Task_DetermineViolation");
    }
    return templates;
  }

  private static String instance(ProcessEngine engine, String businessKey) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
        .singleResult().getId();
  }

  /** A candidate disciplinary case opened as Workload does it (the application's API, or engine REST). */
  private static String openCase(Http http, boolean bare, String institution) {
    String email = "party-scale@example.cn";
    if (bare) {
      String caseNo = "WJ-bare-scale";
      Map<String, Object> variables = new LinkedHashMap<>();
      variables.put("caseNo", caseNo);
      variables.put("partyType", "CANDIDATE");
      variables.put("partyName", "考生甲");
      variables.put("partyEmail", email);
      variables.put("hasEmail", true);
      variables.put("source", "EXAM_SITE_REPORT");
      variables.put("facts", "考场报告：见附件。");
      variables.put("priorArticle13Warning", false);
      long day = 86_400_000L;
      String format = "yyyy-MM-dd'T'HH:mm:ss.SSSZ";
      variables.put("statementDeadline", Map.of("type", "Date", "value", new java.text.SimpleDateFormat(format)
          .format(new java.util.Date(ClockUtil.getCurrentTime().getTime() + 7 * day))));
      variables.put("appealDeadline", Map.of("type", "Date", "value", new java.text.SimpleDateFormat(format)
          .format(new java.util.Date(ClockUtil.getCurrentTime().getTime() + 21 * day))));
      http.postJson("discipline", "/engine-rest/process-definition/key/DisciplinaryCaseProcess/start",
          Map.of("businessKey", caseNo, "variables", Http.variables(variables)), 200);
      return caseNo;
    }
    Map<String, Object> intake = new LinkedHashMap<>();
    intake.put("partyType", "CANDIDATE");
    intake.put("source", "EXAM_SITE_REPORT");
    intake.put("party", Map.of("name", "考生甲", "idNumber", Workload.idNumber(999_999)));
    intake.put("partyEmail", email);
    intake.put("facts", "考场报告：见附件。");
    intake.put("reporters", List.of("考务员 甲", "考务员 乙"));
    intake.put("siteHeadConfirmed", true);
    intake.put("institutionFilingCode", institution);
    return http.postJson("discipline", "/api/discipline/cases", intake, 201).get("caseNo").asText();
  }

  /**
   * Copies a process instance's runtime rows in SQL: clone {@code n} gets ids with the suffix {@code -c<n>}, its
   * task was created n seconds before the template's, and (acceptance) its province is the n-th of
   * {@link #PROVINCES} in turn.
   */
  static final class Cloner {
    private static final Set<String> IDS = Set.of("ID_", "PROC_INST_ID_", "EXECUTION_ID_", "PARENT_ID_",
        "ROOT_PROC_INST_ID_", "TASK_ID_", "BYTEARRAY_ID_", "VAR_SCOPE_", "SUPER_EXEC_",
        "BUSINESS_KEY_");
    private static final int CHUNK = 2_000;
    private final DataSource raw;
    private final boolean postgres;

    Cloner(DataSource raw, String database) {
      this.raw = raw;
      this.postgres = database.equals("postgres");
    }

    /** Clones {@code from + 1 … to} of {@code instance}. */
    void copy(String instance, int from, int to, boolean provinces) {
      try (Connection c = raw.getConnection()) {
        c.setAutoCommit(false);
        List<String> executions = executionsByDepth(c, instance);
        String tasks = "SELECT ID_ FROM ACT_RU_TASK WHERE PROC_INST_ID_ = '" + instance + "'";
        String bytes = "SELECT BYTEARRAY_ID_ FROM ACT_RU_VARIABLE WHERE PROC_INST_ID_ = '" + instance + "'";
        for (int lo = from + 1; lo <= to; lo += CHUNK) {
          int hi = Math.min(to, lo + CHUNK - 1);
          insert(c, "ACT_GE_BYTEARRAY", "ID_ IN (" + bytes + ")", lo, hi, provinces);
          for (String execution : executions) {
            insert(c, "ACT_RU_EXECUTION", "ID_ = '" + execution + "'", lo, hi, provinces);
          }
          insert(c, "ACT_RU_TASK", "PROC_INST_ID_ = '" + instance + "'", lo, hi, provinces);
          insert(c, "ACT_RU_VARIABLE", "PROC_INST_ID_ = '" + instance + "'", lo, hi, provinces);
          insert(c, "ACT_RU_IDENTITYLINK", "TASK_ID_ IN (" + tasks + ")", lo, hi, provinces);
          insert(c, "ACT_RU_AUTHORIZATION", "RESOURCE_TYPE_ = 7 AND RESOURCE_ID_ IN (" + tasks + ")", lo, hi, provinces);
          c.commit();
        }
      } catch (SQLException e) {
        throw new IllegalStateException("could not copy " + instance, e);
      }
    }

    /** The instance's executions, parents first (the self-references are checked row by row on H2). */
    private static List<String> executionsByDepth(Connection c, String instance) throws SQLException {
      Map<String, String> parent = new LinkedHashMap<>();
      try (PreparedStatement s = c.prepareStatement("SELECT ID_, PARENT_ID_ FROM ACT_RU_EXECUTION WHERE PROC_INST_ID_ = ?")) {
        s.setString(1, instance);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            parent.put(rs.getString(1), rs.getString(2));
          }
        }
      }
      Set<String> ordered = new LinkedHashSet<>();
      while (ordered.size() < parent.size()) {
        for (var e : parent.entrySet()) {
          if (e.getValue() == null || ordered.contains(e.getValue())) {
            ordered.add(e.getKey());
          }
        }
      }
      return new ArrayList<>(ordered);
    }

    private void insert(Connection c, String table, String where, int lo, int hi, boolean provinces) throws SQLException {
      List<String> columns = new ArrayList<>();
      try (ResultSet rs = c.getMetaData().getColumns(null, null, postgres ? table.toLowerCase(Locale.ROOT) : table, null)) {
        while (rs.next()) {
          columns.add(rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
        }
      }
      String suffix = "'-c' || s.n";
      String province = "CASE MOD(s.n, 5) WHEN 0 THEN '41' WHEN 1 THEN '33' WHEN 2 THEN '44' WHEN 3 THEN '32' ELSE '11' END";
      List<String> values = new ArrayList<>();
      for (String column : columns) {
        String value = column;
        if (IDS.contains(column) || (column.equals("RESOURCE_ID_") && table.equals("ACT_RU_AUTHORIZATION"))
            || (column.equals("ROOT_PROC_INST_ID_"))) {
          value = "CASE WHEN t." + column + " IS NULL THEN NULL ELSE t." + column + " || " + suffix + " END";
        } else if (column.equals("GROUP_ID_") && provinces) {
          value = "REPLACE(t.GROUP_ID_, '-41', '-' || " + province + ")";
        } else if (column.equals("TEXT_") && table.equals("ACT_RU_VARIABLE")) {
          value = "CASE WHEN t.NAME_ IN ('applicationNo', 'caseNo') THEN t.TEXT_ || " + suffix
              + (provinces ? " ELSE REPLACE(t.TEXT_, 'officers-41', 'officers-' || " + province + ") END" : " ELSE t.TEXT_ END");
        } else if (column.equals("CREATE_TIME_") && table.equals("ACT_RU_TASK")) {
          value = postgres ? "t.CREATE_TIME_ - s.n * INTERVAL '1 second'" : "DATEADD('SECOND', -s.n, t.CREATE_TIME_)";
        } else {
          value = "t." + column;
        }
        values.add(value);
      }
      String numbers = postgres ? "(SELECT generate_series(" + lo + ", " + hi + ") AS n) s"
          : "(SELECT X AS n FROM SYSTEM_RANGE(" + lo + ", " + hi + ")) s";
      String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + String.join(", ", values)
          + " FROM " + table + " t CROSS JOIN " + numbers + " WHERE t." + where.replace("ID_ IN (", "ID_ IN (")
          ;
      try (Statement s = c.createStatement()) {
        s.executeUpdate(sql);
      }
    }
  }

  // ------------------------------------------------------------------ context and database

  private static ConfigurableApplicationContext start(Target target, Settings settings) {
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
        "--camunda.bpm.generic-properties.properties.loginDelayBase=0"));
    String name = "tasklist-" + target.name().toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID();
    if (settings.database().equals("postgres")) {
      args.add("--spring.datasource.url=" + TestDatabase.createDatabase());
      args.add("--spring.datasource.username=" + TestDatabase.USER);
      args.add("--spring.datasource.password=");
      args.add("--spring.datasource.driver-class-name=org.postgresql.Driver");
    } else {
      args.add("--spring.datasource.url=jdbc:h2:file:" + settings.out().resolve("h2").resolve(name).toAbsolutePath()
          + ";DB_CLOSE_ON_EXIT=FALSE;MODE=LEGACY");
      args.add("--spring.datasource.username=sa");
      args.add("--spring.datasource.password=");
    }
    if (target == Target.APP) {
      args.add("--assessment.filing.storage-dir=" + settings.out().resolve("materials").resolve(name).toAbsolutePath());
      args.add("--assessment.demo-data=true");
      args.add("--assessment.filing.quota-enforced=false");
    } else {
      args.add("--camunda.bpm.auto-deployment-enabled=false");
      args.add("--spring.flyway.enabled=false");
      if (target == Target.TUNED) {
        args.add("--spring.datasource.hikari.connection-init-sql=SET plan_cache_mode = force_custom_plan");
      }
    }
    Class<?> application = target == Target.APP ? AssessmentWorkflowsApplication.class : BareEngineApplication.class;
    return new SpringApplicationBuilder(application).run(args.toArray(String[]::new));
  }

  /**
   * {@code -Dbenchmark.tasklist-explain=<file>}: after the set-up of each size, runs the file's statements (separated by
   * a line ending in ';') on the database and prints what they return: the EXPLAIN (ANALYZE, BUFFERS) of
   * docs/performance.md came from src/test/resources/benchmark/tasklist-explain-postgres.sql and -h2.sql.
   */
  private static void explore(DataSource raw, int size) {
    String file = System.getProperty("benchmark.tasklist-explain");
    if (file == null || file.isBlank()) {
      return;
    }
    try (Connection c = raw.getConnection(); Statement statement = c.createStatement()) {
      String script = java.nio.file.Files.readString(Path.of(file));
      for (String sql : script.split(";\\s*\\n")) {
        String code = sql.lines().filter(line -> !line.strip().startsWith("--")).collect(Collectors.joining("\n")).strip();
        if (code.isEmpty()) {
          continue;
        }
        System.out.println("EXPLORE " + size + " >>> " + code.replaceAll("\\s+", " "));
        if (statement.execute(code)) {
          try (ResultSet rs = statement.getResultSet()) {
            while (rs.next()) {
              StringBuilder row = new StringBuilder();
              for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.append(i > 1 ? " | " : "").append(rs.getString(i));
              }
              System.out.println("EXPLORE " + size + " " + row);
            }
          }
        }
      }
      // The script may change settings of its session (SET, RESET): the connection must not go back to the pool.
      if (raw instanceof com.zaxxer.hikari.HikariDataSource pool) {
        pool.evictConnection(c);
      }
    } catch (java.io.IOException | SQLException e) {
      throw new IllegalStateException("could not run " + file, e);
    }
  }

  private static void analyze(DataSource raw) {
    try (Connection c = raw.getConnection(); Statement statement = c.createStatement()) {
      statement.execute("ANALYZE");
    } catch (SQLException e) {
      throw new IllegalStateException("could not refresh the statistics", e);
    }
  }

  /** Runs a migration script of the application on the bare engine's database (the tuned baseline). */
  static void sqlScript(DataSource raw, String resource) {
    try (var in = TaskListScale.class.getResourceAsStream(resource);
         Connection c = raw.getConnection(); Statement statement = c.createStatement()) {
      for (String sql : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split(";")) {
        String code = sql.lines().filter(line -> !line.strip().startsWith("--")).collect(Collectors.joining("\n")).strip();
        if (!code.isEmpty()) {
          statement.execute(code);
        }
      }
    } catch (java.io.IOException | SQLException e) {
      throw new IllegalStateException("could not run " + resource, e);
    }
  }

  /** A Markdown table: per size and user, p50/p95/p99 of the first page (list + count) per target, app/stock. */
  @SuppressWarnings("unchecked")
  static String table(Map<String, Object> figures) {
    StringBuilder md = new StringBuilder();
    String database = (String) figures.get("database");
    List<String> targets = new ArrayList<>(List.of("app", "stock", "tuned"));
    targets.removeIf(t -> !figures.containsKey(t));
    md.append("Tasklist first page (list + count), ").append(database.equals("postgres") ? "PostgreSQL 17 (embedded)" : "H2 (file)")
        .append(", ").append(figures.get("queriesPerUser")).append(" queries per user, ms p50 / p95 / p99\n\n");
    md.append("| open tasks | user (tasks in filter) | ").append(String.join(" | ", targets))
        .append(" | app/stock p95 | load |\n|---|---|").append("---:|".repeat(targets.size() + 1)).append("---|\n");
    for (Object size : (List<Object>) figures.get("sizes")) {
      for (String user : USER_ORDER) {
        StringBuilder row = new StringBuilder("| " + size + " | " + user);
        double app = Double.NaN;
        double stock = Double.NaN;
        String load = "";
        for (String target : targets) {
          Map<String, Object> bySize = (Map<String, Object>) ((Map<String, Object>) figures.get(target)).get(size.toString());
          Map<String, Object> u = (Map<String, Object>) ((Map<String, Object>) bySize.get("users")).get(user);
          Map<String, Number> p = (Map<String, Number>) u.get("firstPage");
          if (target.equals("app")) {
            row.append(" (").append(u.get("tasksInFilter")).append(")");
            app = p.get("p95").doubleValue();
            load = String.valueOf(bySize.get("loadAverage"));
          }
          if (target.equals("stock")) {
            stock = p.get("p95").doubleValue();
          }
        }
        for (String target : targets) {
          Map<String, Object> bySize = (Map<String, Object>) ((Map<String, Object>) figures.get(target)).get(size.toString());
          Map<String, Object> u = (Map<String, Object>) ((Map<String, Object>) bySize.get("users")).get(user);
          Map<String, Number> p = (Map<String, Number>) u.get("firstPage");
          row.append(" | ").append(p.get("p50")).append(" / ").append(p.get("p95")).append(" / ").append(p.get("p99"));
          if (((Number) u.get("queries")).intValue() < ((Number) figures.get("queriesPerUser")).intValue()) {
            row.append(" (").append(u.get("queries")).append(" queries)");
          }
        }
        // Math.round of NaN is 0: without a stock figure (-Dbenchmark.tasklist-targets=app) there is no ratio
        String ratio = Double.isNaN(stock) ? "—" : String.valueOf(Benchmark.round(app / stock));
        row.append(" | ").append(ratio).append(" | ").append(load.split(" ")[0]).append(" |\n");
        md.append(row);
      }
    }
    return md.toString();
  }

  private static String loadAverage() {
    try {
      return java.nio.file.Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (java.io.IOException e) {
      return String.valueOf(java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  /** Waits until the job executor has nothing due; fails on a job that failed (it would wait for its retry). */
  private static void awaitIdle(DataSource raw) {
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
  }}
