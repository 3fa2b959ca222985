package cn.hrss.assessment.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a database's figures to {@code <out>/<database>.json}, merges every database run so far into
 * {@code <out>/benchmark.json} and renders the table ({@code <out>/benchmark.md}, also printed).
 */
final class Report {

  private Report() {}

  static String write(Path out, String database, Map<String, Object> figures) {
    try {
      Files.createDirectories(out);
      figures.put("finishedAt", Instant.now().toString());
      if (figures.containsKey("runs")) {
        figures.put("summary", summary(Http.JSON.valueToTree(figures.get("runs"))));
      }
      var writer = Http.JSON.writer().with(SerializationFeature.INDENT_OUTPUT);
      writer.writeValue(out.resolve(database + ".json").toFile(), figures);
      Map<String, JsonNode> all = new LinkedHashMap<>();
      for (String db : new String[] {"h2", "postgres", "h2-curves", "postgres-curves"}) {
        Path file = out.resolve(db + ".json");
        JsonNode node = Files.exists(file) ? Http.JSON.readTree(file.toFile()) : null;
        // A file of the previous harness (no "runs") left in target/ by an earlier build is not this run's: skipped.
        if (node != null && (db.endsWith("-curves") || node.has("runs"))) {
          all.put(db, node);
        }
      }
      writer.writeValue(out.resolve("benchmark.json").toFile(), all);
      StringBuilder table = new StringBuilder();
      all.forEach((db, node) -> table.append(db.endsWith("-curves")
          ? CostCurves.table(db.substring(0, db.indexOf('-')), node) : table(db, node)).append('\n'));
      Files.writeString(out.resolve("benchmark.md"), table, StandardCharsets.UTF_8);
      return table.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The table of one database: each figure's median over the runs with its spread (min–max) when there was more
   * than one run; the ratio app/bare is taken per run (run i's app against run i's bare), then summarised.
   */
  static String table(String database, JsonNode result) {
    JsonNode runs = result.get("runs");
    StringBuilder t = new StringBuilder();
    t.append(String.format(Locale.ROOT, "%s — %d filings + %d disciplinary cases, %d client threads, %d CPUs, "
            + "%d run(s) (app, bare alternating; median (min–max)), load %s at start, JVMs %s, %s%n%n",
        database.equals("h2") ? "H2 (file)" : "PostgreSQL 17 (embedded)", result.get("cases").asInt(),
        result.get("cases").asInt(), result.get("clientThreads").asInt(), result.get("cpus").asInt(), runs.size(),
        result.path("loadAverageAtStart").asText(), result.path("jvmOptions").toString(), result.path("finishedAt").asText()));
    t.append("| figure | application | bare engine | app/bare | target |\n|---|---:|---:|---:|---|\n");
    row(t, runs, "completed cases per second", "/casesPerSecond", "≥ 0.7 (H2), ≥ 0.85 (PostgreSQL)");
    row(t, runs, "— filings per second", "/filingsPerSecond", "");
    row(t, runs, "— disciplinary cases per second", "/disciplinaryCasesPerSecond", "");
    row(t, runs, "CPU ms per case (the measured JVM)", "/cpuMillisPerCase", "");
    for (String kind : ProcCpu.KINDS) {
      row(t, runs, "— " + kind + (kind.equals("other") ? " (Hikari, H2's writer, timers, …)" : ""),
          "/cpuMillisPerCaseByThread/" + kind, "");
    }
    row(t, runs, "harness JVM CPU ms per case (clients, mail sink; not counted above)", "/harnessCpuMillisPerCase", "");
    row(t, runs, "PostgreSQL server CPU ms per case (not counted above)", "/pgServerCpuMillisPerCase", "");
    row(t, runs, "— statement execution ms per case (pg_stat_statements)", "/pgStatements/execMillisPerCase", "");
    row(t, runs, "SQL statements per case", "/statementsPerCase", "≤ 1.3");
    for (String kind : new String[] {"submission", "task query", "task completion", "timer execution"}) {
      for (String p : new String[] {"p50", "p95"}) {
        row(t, runs, kind + " " + p + " ms", "/latencyMillis/" + kind + "/" + p, "");
      }
    }
    for (String rows : new String[] {"runtime", "history", "byteArrays", "own"}) {
      row(t, runs, switch (rows) {
        case "runtime" -> "runtime rows left per case (ACT_RU_*)";
        case "history" -> "history rows per case (ACT_HI_*)";
        case "byteArrays" -> "byte-array rows per case (ACT_GE_BYTEARRAY)";
        default -> "rows per case in our own tables";
      }, "/rowsPerCase/" + rows, rows.equals("runtime") ? "0" : "");
    }
    row(t, runs, "notice e-mails per case", "/mailsPerCase", "");
    JsonNode first = runs.get(0);
    row(t, runs, "filter first page p95 ms, " + first.path("app").path("openTaskQuery").path("openTasksInGroup").asText()
        + " / " + first.path("bare").path("openTaskQuery").path("openTasksInGroup").asText()
        + " open tasks in the group (run 1 only)", "/openTaskQuery/firstPageMillis/p95", "≤ 2");
    return t.toString();
  }

  private static void row(StringBuilder t, JsonNode runs, String label, String pointer, String target) {
    List<Double> app = new ArrayList<>();
    List<Double> bare = new ArrayList<>();
    List<Double> ratio = new ArrayList<>();
    for (JsonNode run : runs) {
      JsonNode a = run.path("app").at(pointer);
      JsonNode b = run.path("bare").at(pointer);
      if (a.isNumber()) {
        app.add(a.asDouble());
      }
      if (b.isNumber()) {
        bare.add(b.asDouble());
      }
      if (a.isNumber() && b.isNumber() && b.asDouble() != 0) {
        ratio.add(a.asDouble() / b.asDouble());
      }
    }
    if (app.isEmpty() && bare.isEmpty()) {
      return; // a figure this run lacks
    }
    t.append("| ").append(label).append(" | ").append(spread(app)).append(" | ").append(spread(bare)).append(" | ")
        .append(ratio.isEmpty() ? "—" : spread(ratio)).append(" | ").append(target).append(" |\n");
  }

  /** The headline figures over the runs: {figure → {app, bare, ratio → {min, median, max}}}. */
  static Map<String, Object> summary(JsonNode runs) {
    Map<String, Object> summary = new LinkedHashMap<>();
    for (String pointer : new String[] {"/casesPerSecond", "/filingsPerSecond", "/disciplinaryCasesPerSecond",
        "/cpuMillisPerCase", "/statementsPerCase", "/latencyMillis/submission/p95", "/latencyMillis/task query/p95",
        "/latencyMillis/task completion/p95", "/latencyMillis/timer execution/p95"}) {
      Map<String, List<Double>> values = new LinkedHashMap<>();
      for (JsonNode run : runs) {
        JsonNode a = run.path("app").at(pointer);
        JsonNode b = run.path("bare").at(pointer);
        values.computeIfAbsent("app", k -> new ArrayList<>()).add(a.asDouble());
        values.computeIfAbsent("bare", k -> new ArrayList<>()).add(b.asDouble());
        if (b.asDouble() != 0) {
          values.computeIfAbsent("ratio", k -> new ArrayList<>()).add(a.asDouble() / b.asDouble());
        }
      }
      Map<String, Object> figure = new LinkedHashMap<>();
      values.forEach((side, list) -> {
        List<Double> sorted = list.stream().sorted().toList();
        figure.put(side, Map.of("runs", sorted.size(), "min", round(sorted.get(0)), "median", round(median(sorted)),
            "max", round(sorted.get(sorted.size() - 1))));
      });
      summary.put(pointer.substring(1).replace('/', '.'), figure);
    }
    return summary;
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }

  /** {@code median (min–max)}, or the one value. */
  static String spread(List<Double> values) {
    if (values.isEmpty()) {
      return "—";
    }
    List<Double> sorted = values.stream().sorted().toList();
    String median = format(median(sorted));
    return sorted.size() == 1 ? median
        : median + " (" + format(sorted.get(0)) + "–" + format(sorted.get(sorted.size() - 1)) + ")";
  }

  static double median(List<Double> sorted) {
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.1f" : "%.2f", value);
  }
}
