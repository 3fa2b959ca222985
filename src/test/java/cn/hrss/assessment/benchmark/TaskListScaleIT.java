package cn.hrss.assessment.benchmark;

import static org.assertj.core.api.Assumptions.assumeThat;

import cn.hrss.assessment.support.TestDatabase;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tasklist at scale (README "Benchmark → Tasklist at scale", docs/performance.md): {@code mvn -Pbenchmark verify
 * -Dit.test=TaskListScaleIT} measures each user's filter first page (list + count) with 20,000 and 100,000 open tasks
 * on the application, a stock bare engine and (PostgreSQL) the tuned bare engine; figures in
 * target/benchmark/tasklist.json and tasklist.md. Runs only when {@code -Dbenchmark.tasklist-sizes} is set (the
 * benchmark profile sets it): it asserts no timing, and its set-up is too long for a plain {@code mvn verify}.
 * Settings: {@code -Dbenchmark.tasklist-sizes=20000,100000}, {@code -Dbenchmark.tasklist-queries=100} (per user,
 * after {@code -Dbenchmark.tasklist-warmup=10}), {@code -Dbenchmark.tasklist-budget-seconds=600} (per user and
 * size: a target slower than that is measured with fewer queries, the count is in the figures).
 */
class TaskListScaleIT {

  @Test
  void firstPageOfEachFilter() throws IOException {
    String sizes = System.getProperty("benchmark.tasklist-sizes", "");
    assumeThat(sizes).as("-Dbenchmark.tasklist-sizes (mvn -Pbenchmark)").isNotBlank();
    String database = TestDatabase.isPostgres() ? "postgres" : "h2";
    Path out = Path.of("target", "benchmark");
    var settings = new TaskListScale.Settings(database,
        Arrays.stream(sizes.split(",")).map(String::strip).map(Integer::valueOf).sorted().toList(),
        Integer.getInteger("benchmark.tasklist-queries", 100), Integer.getInteger("benchmark.tasklist-warmup", 10),
        Integer.getInteger("benchmark.tasklist-budget-seconds", 600), out);
    Map<String, Object> figures = TaskListScale.run(settings);

    Files.createDirectories(out);
    Path json = out.resolve("tasklist.json");
    ObjectNode all = Files.exists(json) ? (ObjectNode) Http.JSON.readTree(json.toFile()) : Http.JSON.createObjectNode();
    all.set(database, Http.JSON.valueToTree(figures));
    Http.JSON.writerWithDefaultPrettyPrinter().writeValue(json.toFile(), all);
    String table = TaskListScale.table(figures);
    Files.writeString(out.resolve("tasklist-" + database + ".md"), table);
    System.out.println(table);
    List.of(json).forEach(p -> System.out.println("written: " + p.toAbsolutePath()));
  }
}
