package cn.hrss.assessment.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
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
      var writer = Http.JSON.writer().with(SerializationFeature.INDENT_OUTPUT);
      writer.writeValue(out.resolve(database + ".json").toFile(), figures);
      Map<String, JsonNode> all = new LinkedHashMap<>();
      for (String db : new String[] {"h2", "postgres"}) {
        Path file = out.resolve(db + ".json");
        if (Files.exists(file)) {
          all.put(db, Http.JSON.readTree(file.toFile()));
        }
      }
      writer.writeValue(out.resolve("benchmark.json").toFile(), all);
      StringBuilder table = new StringBuilder();
      all.forEach((db, node) -> table.append(table(db, node)).append('\n'));
      Files.writeString(out.resolve("benchmark.md"), table, StandardCharsets.UTF_8);
      return table.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String table(String database, JsonNode run) {
    JsonNode app = run.get("app");
    JsonNode bare = run.get("bare");
    StringBuilder t = new StringBuilder();
    t.append(String.format(Locale.ROOT, "%s — %d filings + %d disciplinary cases, %d client threads, %d CPUs (load %.1f at start), %s%n%n",
        database.equals("h2") ? "H2 (file)" : "PostgreSQL 17 (embedded)", run.get("cases").asInt(), run.get("cases").asInt(),
        run.get("clientThreads").asInt(), run.get("cpus").asInt(), run.get("loadAverageAtStart").asDouble(),
        run.path("finishedAt").asText()));
    t.append("| figure | application | bare engine | app/bare | target |\n|---|---:|---:|---:|---|\n");
    ratioRow(t, "completed cases per second", app.get("casesPerSecond"), bare.get("casesPerSecond"), "≥ 0.7");
    ratioRow(t, "— filings per second", app.get("filingsPerSecond"), bare.get("filingsPerSecond"), "");
    ratioRow(t, "— disciplinary cases per second", app.get("disciplinaryCasesPerSecond"),
        bare.get("disciplinaryCasesPerSecond"), "");
    ratioRow(t, "CPU ms per case (whole JVM)", app.get("cpuMillisPerCase"), bare.get("cpuMillisPerCase"), "");
    for (String kind : new String[] {"http server", "job executor", "mail server", "clients", "other"}) {
      ratioRow(t, "— " + kind + (kind.equals("other") ? " (GC, JIT, ended threads such as the mail server's connections)" : ""),
          app.path("cpuMillisPerCaseByThread").get(kind), bare.path("cpuMillisPerCaseByThread").get(kind), "");
    }
    ratioRow(t, "SQL statements per case", app.get("statementsPerCase"), bare.get("statementsPerCase"), "≤ 1.3");
    for (String kind : new String[] {"submission", "task query", "task completion", "timer execution"}) {
      t.append("| ").append(kind).append(" p50 / p95 / p99 ms | ").append(percentiles(app.path("latencyMillis").path(kind)))
          .append(" | ").append(percentiles(bare.path("latencyMillis").path(kind))).append(" | | |\n");
    }
    for (String rows : new String[] {"runtime", "history", "byteArrays", "own"}) {
      t.append("| ").append(switch (rows) {
        case "runtime" -> "runtime rows left per case (ACT_RU_*)";
        case "history" -> "history rows per case (ACT_HI_*)";
        case "byteArrays" -> "byte-array rows per case (ACT_GE_BYTEARRAY)";
        default -> "rows per case in our own tables";
      }).append(" | ").append(app.path("rowsPerCase").path(rows).asText()).append(" | ")
          .append(bare.path("rowsPerCase").path(rows).asText()).append(" | | ")
          .append(rows.equals("runtime") ? "0" : "").append(" |\n");
    }
    t.append("| notice e-mails per case | ").append(app.path("mailsPerCase").asText()).append(" | ")
        .append(bare.path("mailsPerCase").asText()).append(" | | |\n");
    JsonNode appPage = app.path("openTaskQuery");
    JsonNode barePage = bare.path("openTaskQuery");
    ratioRow(t, "filter first page p95 ms, " + appPage.path("openTasksInGroup").asText() + " / "
            + barePage.path("openTasksInGroup").asText() + " open tasks in the group",
        appPage.path("firstPageMillis").path("p95"), barePage.path("firstPageMillis").path("p95"), "≤ 2");
    return t.toString();
  }

  private static void ratioRow(StringBuilder t, String label, JsonNode app, JsonNode bare, String target) {
    if (app == null || bare == null) {
      return; // a figure older reports lack
    }
    String ratio = bare.asDouble() == 0 ? "—" : String.format(Locale.ROOT, "%.2f", app.asDouble() / bare.asDouble());
    t.append("| ").append(label).append(" | ").append(app.asText()).append(" | ").append(bare.asText()).append(" | ")
        .append(ratio).append(" | ").append(target).append(" |\n");
  }

  private static String percentiles(JsonNode p) {
    return p.isMissingNode() ? "—" : p.path("p50").asText() + " / " + p.path("p95").asText() + " / " + p.path("p99").asText();
  }
}
