package cn.hrss.assessment.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.support.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The benchmark (README, "Benchmark"): {@code mvn -Pbenchmark verify} runs it with 1,000 filings and 1,000
 * disciplinary cases on H2 and on PostgreSQL (failsafe's two executions) and writes target/benchmark/. In a plain
 * {@code mvn verify} the same code runs as a smoke test with a handful of cases, so that it cannot rot; it asserts
 * what must hold at any speed (every case finished, nothing left in the runtime tables), never a timing.
 * Settings: {@code -Dbenchmark.cases}, {@code -Dbenchmark.open-tasks}, {@code -Dbenchmark.task-queries},
 * {@code -Dbenchmark.warmup}, {@code -Dbenchmark.jit-warmup}, {@code -Dbenchmark.runs} (3 from 100 cases on, else 1),
 * {@code -Dbenchmark.jvm-options} (the measured JVMs' flags, blank-separated).
 */
class BenchmarkIT {

  @Test
  void applicationAgainstTheBareEngine() {
    Assumptions.assumeFalse(CostCurves.requested(), "-Dbenchmark.sizes / -Dbenchmark.cleanup-months: cost curves only");
    String database = TestDatabase.isPostgres() ? "postgres" : "h2";
    var settings = settings(database);
    Map<String, Object> figures = Benchmark.run(settings);
    System.out.println(Report.write(settings.out(), database, figures));

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> runs = (List<Map<String, Object>>) figures.get("runs");
    assertThat(runs).hasSize(settings.runs());
    for (Map<String, Object> run : runs) {
      for (String target : new String[] {"app", "bare"}) {
        @SuppressWarnings("unchecked")
        Map<String, Object> rows = (Map<String, Object>) ((Map<String, Object>) run.get(target)).get("rowsPerCase");
        assertThat(rows.get("runtime")).as(target + ": runtime rows left by finished cases").isEqualTo(0.0);
      }
    }
  }

  /**
   * {@code -Dbenchmark.sizes=2000,20000,100000} (README "Benchmark → Cost curves"), {@code -Dbenchmark.samples}
   * (50), {@code -Dbenchmark.seed-cases} (20 of each kind), {@code -Dbenchmark.cleanup-months} (12: the history
   * cleanup over a simulated year; 0: none), {@code -Dbenchmark.cleanup-copies} (copies of the seed per month, 5).
   * Asserts nothing about speed; only that the sizes were reached.
   */
  @Test
  void costCurves() {
    Assumptions.assumeTrue(CostCurves.requested(), "cost curves only with -Dbenchmark.sizes or -Dbenchmark.cleanup-months");
    String database = CostCurves.database();
    String sizes = System.getProperty("benchmark.sizes", "").strip();
    List<Integer> list = sizes.isEmpty() ? List.of()
        : java.util.Arrays.stream(sizes.split(",")).map(String::strip).map(Integer::valueOf).sorted().toList();
    var settings = settings(database);
    Map<String, Object> figures = CostCurves.run(settings, list, Integer.getInteger("benchmark.seed-cases", 20),
        Integer.getInteger("benchmark.samples", 50), Integer.getInteger("benchmark.cleanup-months", list.isEmpty() ? 12 : 0),
        Integer.getInteger("benchmark.cleanup-copies", 5));
    System.out.println(Report.write(settings.out(), database + "-curves", figures));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rows = (List<Map<String, Object>>) figures.getOrDefault("sizes", List.of());
    for (int i = 0; i < rows.size(); i++) {
      assertThat(((Number) rows.get(i).get("finishedCases")).longValue()).as("finished cases at size " + list.get(i))
          .isGreaterThanOrEqualTo(list.get(i));
    }
  }

  private static Benchmark.Settings settings(String database) {
    int cases = Integer.getInteger("benchmark.cases", 2);
    // The -Pbenchmark profile sets benchmark.cases; a plain `mvn verify` leaves it at the smoke test's 2.
    boolean measured = cases >= 100;
    String options = System.getProperty("benchmark.jvm-options");
    return new Benchmark.Settings(database, cases,
        Integer.getInteger("benchmark.warmup", Math.max(1, Math.min(20, cases / 10))),
        Integer.getInteger("benchmark.jit-warmup", measured ? 100 : 0),
        Integer.getInteger("benchmark.open-tasks", 20),
        Integer.getInteger("benchmark.task-queries", measured ? 200 : 5),
        4,
        Integer.getInteger("benchmark.runs", measured ? 3 : 1),
        options != null && !options.isBlank() ? List.of(options.strip().split("\\s+"))
            : measured ? Benchmark.MEASURED_JVM : Benchmark.SMOKE_JVM,
        Path.of("target", "benchmark"));
  }
}
