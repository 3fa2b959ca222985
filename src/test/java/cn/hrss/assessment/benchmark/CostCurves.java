package cn.hrss.assessment.benchmark;

import cn.hrss.assessment.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * {@code -Dbenchmark.sizes=2000,20000,100000}: how the application's answers grow with its data (issue 15 item 4).
 * One application JVM ({@link Child}, as the benchmark runs it) on a fresh database grows through the sizes in
 * turn; at each size it holds that many finished cases in history, that many open acceptance tasks in the
 * officers' group and half as many filed institutions in the directory, and the harness measures p95 of:
 * submission ({@code POST /api/filings}), the officer's task query and the task's completion (finding and
 * accepting each submitted filing), the officer filter's first page (Tasklist's 15 newest), the directory's first
 * page ({@code GET /api/directory} and the public page {@code /directory}); then the growth factor per 10 × data
 * between neighbouring sizes, {@code (p95(b) / p95(a)) ^ (1 / log10(b / a))}.
 *
 * <p>Data, set-up not measured: finished cases are real cases driven through HTTP ({@code -Dbenchmark.seed-cases}
 * of each kind) whose history rows are then copied with new ids ({@link History}); open tasks are copies in SQL
 * of a real submitted filing's runtime rows at its acceptance review ({@link TaskListScale.Cloner});
 * institutions are registered through the registry's own {@code register}.
 *
 * <p>{@code -Dbenchmark.cleanup-months=12} (after the sizes, or alone with {@code -Dbenchmark.sizes=}): history
 * cleanup over a simulated year on a fresh database: cohorts of finished cases laid down for each of the 132 months
 * before (longer than the longest historyTimeToLive, 10 years), then month by month the engine clock moved 30
 * days, a month's cohort added, and the engine's history cleanup run; ACT_HI_* rows per month.
 */
final class CostCurves {

  private CostCurves() {}

  static Map<String, Object> run(Benchmark.Settings settings, List<Integer> sizes, int seedCases, int samples,
      int cleanupMonths, int monthlyCopies) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("database", settings.database());
    result.put("loadAverageAtStart", Benchmark.loadAverage());
    result.put("jvmOptions", settings.jvmOptions());
    result.put("seedCasesOfEachKind", seedCases);
    result.put("samplesPerSize", samples);
    if (!sizes.isEmpty()) {
      result.put("sizes", sizes(settings, sizes, seedCases, samples));
    }
    if (cleanupMonths > 0) {
      result.put("cleanup", cleanup(settings, seedCases, cleanupMonths, monthlyCopies));
    }
    result.put("loadAverageAtEnd", Benchmark.loadAverage());
    return result;
  }

  private interface Session {
    void run(Child child, Workload workload, Http http, Map<String, String> filters, int seedCases);
  }

  /** An application JVM on a fresh database, seeded with {@code seedCases} real cases of each kind. */
  private static void withSeededApplication(Benchmark.Settings settings, String name, int seedCases, Session session) {
    long offset = Benchmark.CLOCK.atZone(ZoneId.of("Asia/Shanghai")).toInstant().toEpochMilli() - System.currentTimeMillis();
    ClockUtil.offset(offset);
    ExecutorService clients = Executors.newFixedThreadPool(settings.threads());
    try (Child child = Child.start(name, Benchmark.mainClass(Benchmark.Target.APP),
        Benchmark.properties(Benchmark.Target.APP, settings, name), settings.jvmOptions(), offset, settings.out())) {
      JsonNode setUp = child.probe("/setup?target=app&database=" + settings.database());
      Map<String, String> filters = new LinkedHashMap<>();
      setUp.get("filters").fields().forEachRemaining(f -> filters.put(f.getKey(), f.getValue().asText()));
      Http http = new Http(child.port());
      Workload workload = new Workload(http, false, filters, new Latencies(), clients, child::awaitIdle,
          setUp.get("institution").asText());
      workload.filings(seedCases);
      workload.disciplinaryCases(seedCases);
      session.run(child, workload, http, filters, seedCases);
    } finally {
      clients.shutdownNow();
      ClockUtil.reset();
    }
  }

  private static List<Map<String, Object>> sizes(Benchmark.Settings settings, List<Integer> sizes, int seedCases,
      int samples) {
    List<Map<String, Object>> rows = new ArrayList<>();
    withSeededApplication(settings, "curves-" + settings.database(), seedCases, (child, workload, http, filters, s) -> {
      JsonNode seed = child.probe("/history?op=seed");
      long seedRootCases = seed.get("cases").asLong();
      String template = workload.submitFiling();
      child.awaitIdle();
      int copies = 0;
      int openTasks = 1;
      int institutions = 1;
      for (int size : sizes) {
        long setUp = System.nanoTime();
        // Finished cases: copies of the seed until history holds `size` finished cases.
        int wanted = (int) Math.max(0, Math.ceil((double) size / seedRootCases) - 1);
        while (copies < wanted) {
          int batch = Math.min(200, wanted - copies);
          child.probe("/history?op=copy&first=" + (copies + 1) + "&copies=" + batch);
          copies += batch;
        }
        if (size > openTasks) {
          child.probe("/clone-open-tasks?businessKey=" + Http.encode(template) + "&first=" + openTasks + "&n="
              + (size - openTasks) + "&database=" + settings.database());
          openTasks = size;
        }
        if (size / 2 > institutions) {
          child.probe("/registry/grow?first=" + institutions + "&n=" + (size / 2 - institutions));
          institutions = size / 2;
        }
        child.awaitIdle();
        child.probe("/analyze");
        double setUpSeconds = Benchmark.seconds(System.nanoTime() - setUp);

        if (rows.isEmpty()) {
          // The JVM has served only the seed cases: one unrecorded round first, so that the first size is not
          // measured with code the JIT compiler has not reached yet (which would flatter the growth factor).
          measure(workload, http, filters, samples, new Latencies());
        }
        Latencies latencies = new Latencies();
        measure(workload, http, filters, samples, latencies);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("size", size);
        row.put("finishedCases", child.count("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE END_TIME_ IS NOT NULL "
            + "AND SUPER_PROCESS_INSTANCE_ID_ IS NULL"));
        row.put("historyRows", child.probe("/history?op=rows").get("total").asLong());
        row.put("openTasks", child.count("SELECT COUNT(*) FROM ACT_RU_TASK"));
        row.put("institutions", child.count("SELECT COUNT(*) FROM registry_institution"));
        row.put("setUpSeconds", Benchmark.round(setUpSeconds));
        Map<String, Object> p95 = new LinkedHashMap<>();
        latencies.summary().forEach((kind, p) -> p95.put(kind, p.get("p95")));
        row.put("p95Millis", p95);
        row.put("latencyMillis", latencies.summary());
        System.out.println("cost curve on " + settings.database() + ": " + Http.JSON.valueToTree(row));
        rows.add(row);
      }
    });
    // Growth factor per 10 × data between neighbouring sizes.
    for (int i = 1; i < rows.size(); i++) {
      Map<String, Object> a = rows.get(i - 1);
      Map<String, Object> b = rows.get(i);
      double decades = Math.log10(((Number) b.get("size")).doubleValue() / ((Number) a.get("size")).doubleValue());
      Map<String, Object> growth = new LinkedHashMap<>();
      @SuppressWarnings("unchecked")
      Map<String, Object> pa = (Map<String, Object>) a.get("p95Millis");
      @SuppressWarnings("unchecked")
      Map<String, Object> pb = (Map<String, Object>) b.get("p95Millis");
      pb.forEach((kind, value) -> {
        double before = ((Number) pa.getOrDefault(kind, Double.NaN)).doubleValue();
        growth.put(kind, Benchmark.round(Math.pow(((Number) value).doubleValue() / before, 1 / decades)));
      });
      b.put("growthPer10x", growth);
    }
    return rows;
  }

  /** One round at a size: {@code samples} filings submitted, found and accepted; the three first pages as often. */
  private static void measure(Workload workload, Http http, Map<String, String> filters, int samples,
      Latencies latencies) {
    Workload measured = workload.withLatencies(latencies);
    String[] keys = measured.submitFilings(samples);
    measured.accept(keys);
    Map<String, Object> query = Map.of("sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc")));
    String firstPage = "/engine-rest/filter/" + filters.get(Workload.ACCEPTANCE_FILTER) + "/list?firstResult=0&maxResults=15";
    for (int i = 0; i < samples + 3; i++) {
      Latencies sink = i < 3 ? new Latencies() : latencies; // the first three warm up
      sink.time("filter first page", () -> http.postJson("officer", firstPage, query, 200, "application/hal+json"));
      sink.time("directory api first page", () -> http.get(null, "/api/directory"));
      sink.time("directory page", () -> http.page("/directory"));
    }
  }

  private static List<Map<String, Object>> cleanup(Benchmark.Settings settings, int seedCases, int months,
      int monthlyCopies) {
    List<Map<String, Object>> rows = new ArrayList<>();
    withSeededApplication(settings, "cleanup-" + settings.database(), seedCases, (child, workload, http, filters, s) -> {
      child.probe("/history?op=seed");
      long start = Benchmark.CLOCK.atZone(ZoneId.of("Asia/Shanghai")).toInstant().toEpochMilli();
      int copy = 1;
      // The 132 months before: cohorts of finished cases, each as if ended m months ago.
      for (int m = -132; m < 0; m++) {
        child.probe("/history?op=copy&first=" + copy + "&copies=" + monthlyCopies + "&shiftDays=" + (30 * m));
        copy += monthlyCopies;
      }
      for (int month = 0; month <= months; month++) {
        child.probe("/clock?at=" + (start + month * 30L * 86_400_000L));
        if (month > 0) {
          child.probe("/history?op=copy&first=" + copy + "&copies=" + monthlyCopies + "&shiftDays=" + (30 * month));
          copy += monthlyCopies;
        }
        long before = child.probe("/history?op=rows").get("total").asLong();
        JsonNode cleaned = child.probe("/history?op=cleanup");
        JsonNode after = child.probe("/history?op=rows");
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("month", month);
        row.put("historyRowsBeforeCleanup", before);
        row.put("historyRowsAfterCleanup", after.get("total").asLong());
        row.put("processInstancesAfterCleanup", after.get("ACT_HI_PROCINST").asLong());
        row.put("cleanupExecutions", cleaned.get("executions").asInt());
        row.put("cleanupSeconds", cleaned.get("seconds").asDouble());
        System.out.println("history cleanup on " + settings.database() + ": " + row);
        rows.add(row);
      }
    });
    return rows;
  }

  /** The tables printed after the benchmark's. */
  static String table(String database, JsonNode result) {
    StringBuilder t = new StringBuilder();
    JsonNode sizes = result.path("sizes");
    if (sizes.size() > 0) {
      List<String> kinds = List.of("submission", "task query", "task completion", "filter first page",
          "directory api first page", "directory page");
      t.append(String.format(Locale.ROOT, "Cost curves, %s — p95 ms (growth per 10 × data), %d samples per size, "
              + "seed %d + %d real cases, load %s at start%n%n", database.equals("h2") ? "H2 (file)" : "PostgreSQL 17 (embedded)",
          result.path("samplesPerSize").asInt(), result.path("seedCasesOfEachKind").asInt(),
          result.path("seedCasesOfEachKind").asInt(), result.path("loadAverageAtStart").asText()));
      t.append("| size | finished cases | history rows | open tasks | institutions | ").append(String.join(" | ", kinds))
          .append(" |\n|").append("---:|".repeat(5 + kinds.size())).append('\n');
      for (JsonNode row : sizes) {
        t.append("| ").append(row.get("size").asText()).append(" | ").append(row.get("finishedCases").asText())
            .append(" | ").append(row.get("historyRows").asText()).append(" | ").append(row.get("openTasks").asText())
            .append(" | ").append(row.get("institutions").asText());
        for (String kind : kinds) {
          t.append(" | ").append(row.path("p95Millis").path(kind).asText());
          if (row.has("growthPer10x")) {
            t.append(" (× ").append(row.path("growthPer10x").path(kind).asText()).append(')');
          }
        }
        t.append(" |\n");
      }
      t.append('\n');
    }
    JsonNode cleanup = result.path("cleanup");
    if (cleanup.size() > 0) {
      t.append("History cleanup over a simulated year, ").append(database).append(" — ACT_HI_* rows\n\n")
          .append("| month | before cleanup | after cleanup | process instances | cleanup job executions | seconds |\n")
          .append("|---:|---:|---:|---:|---:|---:|\n");
      for (JsonNode row : cleanup) {
        t.append("| ").append(row.get("month").asText()).append(" | ").append(row.get("historyRowsBeforeCleanup").asText())
            .append(" | ").append(row.get("historyRowsAfterCleanup").asText()).append(" | ")
            .append(row.get("processInstancesAfterCleanup").asText()).append(" | ")
            .append(row.get("cleanupExecutions").asText()).append(" | ").append(row.get("cleanupSeconds").asText()).append(" |\n");
      }
    }
    return t.toString();
  }

  static boolean requested() {
    return System.getProperty("benchmark.sizes") != null || Integer.getInteger("benchmark.cleanup-months", 0) > 0;
  }

  static String database() {
    return TestDatabase.isPostgres() ? "postgres" : "h2";
  }
}
