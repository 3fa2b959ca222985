package cn.hrss.assessment.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.benchmark.Latencies;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The accounting of {@link OfficerLoadIT} (issue 15 item 5) without an application: percentiles, the stopping rule,
 * the judgement of the bottleneck, the think-time equivalence and the reading of /proc. No timing is asserted.
 */
class OfficerLoadTest {

  private static final double LIMIT = 1000;

  @Test
  void percentilesAreTheNearestRankOfTheRecordedLatencies() {
    Latencies latencies = new Latencies();
    // 1 ms … 100 ms, recorded in a shuffled order
    List<Long> millis = new ArrayList<>(LongStream.rangeClosed(1, 100).boxed().toList());
    java.util.Collections.shuffle(millis, new java.util.Random(7));
    millis.forEach(ms -> latencies.record("list", ms * 1_000_000));
    Map<String, Number> p = latencies.summary().get("list");
    assertThat(p.get("count")).isEqualTo(100);
    assertThat(p.get("p50")).isEqualTo(50.0);
    assertThat(p.get("p95")).isEqualTo(95.0);
    assertThat(p.get("p99")).isEqualTo(99.0);
    assertThat(Latencies.percentiles(new ConcurrentLinkedQueue<>(List.of(7_000_000L))).get("p95")).isEqualTo(7.0);
  }

  @Test
  void theRampStopsAtTheFirstStepWhereAnyP95ReachesTheLimit_andTheAnswerIsTheStepBefore() {
    OfficerLoad.Step s50 = step(50, 120, 80, 300);
    OfficerLoad.Step s100 = step(100, 200, 150, 999.9);
    OfficerLoad.Step s200 = step(200, 400, 1000, 700); // open reaches 1 s exactly: not under
    OfficerLoad.Step s400 = step(400, 300, 200, 300); // after the stop: never counted
    assertThat(OfficerLoad.goOn(s100, LIMIT)).isTrue();
    assertThat(OfficerLoad.goOn(s200, LIMIT)).isFalse();
    assertThat(OfficerLoad.largestUnder(List.of(s50, s100, s200, s400), LIMIT)).contains(s100);
    assertThat(OfficerLoad.largestUnder(List.of(s200, s400), LIMIT)).isEmpty();
    assertThat(OfficerLoad.largestUnder(List.of(s50, s100), LIMIT)).contains(s100);
    assertThat(s200.slowest()).isEqualTo("open 1000.0 ms");
  }

  @Test
  void aStepWithAKindNeverMeasuredIsNotUnderTheLimit() {
    Map<String, Map<String, Number>> onlyList = new LinkedHashMap<>();
    onlyList.put("list", Map.of("count", 10, "p50", 5.0, "p95", 9.0, "p99", 9.0));
    onlyList.put("open", Map.of("count", 0, "p50", Double.NaN, "p95", Double.NaN, "p99", Double.NaN));
    OfficerLoad.Step step = new OfficerLoad.Step(1, 10, 10, 60, onlyList, 10, 0, 0, 0, 10, 10, 10, 2, 0.5, 30, 3, 0, 40, 1);
    assertThat(step.under(LIMIT)).isFalse();
  }

  @Test
  void theBottleneckNamesTheCpuConsumerWhenTheMachineIsBusy_elseThePool_elseNothing() {
    OfficerLoad.Step cpu = new OfficerLoad.Step(1, 200, 200, 60, Map.of(), 0, 0, 0, 0, 120, 50, 95, 2, 3.1, 30, 30, 4, 0, 0);
    assertThat(OfficerLoad.bottleneck(cpu)).startsWith("CPU").contains("most of it the application")
        .contains("other processes 20 %");
    OfficerLoad.Step db = new OfficerLoad.Step(1, 200, 200, 60, Map.of(), 0, 0, 0, 0, 40, 130, 92, 2, 3.1, 30, 30, 0, 0, 0);
    assertThat(OfficerLoad.bottleneck(db)).contains("most of it PostgreSQL");
    OfficerLoad.Step others = new OfficerLoad.Step(1, 200, 200, 60, Map.of(), 0, 0, 0, 0, 30, 20, 95, 2, 3.1, 30, 5, 0, 0, 0);
    assertThat(OfficerLoad.bottleneck(others)).contains("most of it other processes");
    OfficerLoad.Step pool = new OfficerLoad.Step(1, 200, 200, 60, Map.of(), 0, 0, 0, 0, 60, 40, 50, 2, 1.0, 30, 30, 7, 0, 0);
    assertThat(OfficerLoad.bottleneck(pool)).startsWith("the connection pool: up to 7 requests waited for one of 30");
    OfficerLoad.Step idle = new OfficerLoad.Step(1, 20, 20, 60, Map.of(), 0, 0, 0, 0, 10, 5, 10, 2, 0.2, 30, 2, 0, 0, 0);
    assertThat(OfficerLoad.bottleneck(idle)).startsWith("nothing saturated");
  }

  @Test
  void aShorterThinkTimeWithProportionallyFewerOfficersIsTheSameRate() {
    OfficerLoad.Settings scaled = new OfficerLoad.Settings(List.of(10, 20), Duration.ofMinutes(2), Duration.ofSeconds(3),
        List.of(1), LIMIT);
    assertThat(scaled.equivalentOfficers(20)).isEqualTo(200.0);
    assertThat(scaled.warmUp()).isEqualTo(Duration.ofMillis(4500));
    OfficerLoad.Settings real = new OfficerLoad.Settings(List.of(50), Duration.ofMinutes(2), Duration.ofSeconds(30),
        List.of(1, 2), LIMIT);
    assertThat(real.equivalentOfficers(50)).isEqualTo(50.0);
    assertThat(real.warmUp()).isEqualTo(Duration.ofSeconds(40)); // a third of the step, less than 45 s
    assertThat(OfficerLoad.duration("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(OfficerLoad.duration("1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(OfficerLoad.duration("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(OfficerLoad.duration("PT2M")).isEqualTo(Duration.ofMinutes(2));
    assertThat(OfficerLoad.integers("50, 100,200")).containsExactly(50, 100, 200);
  }

  @Test
  void cpuTicksAreReadFromProcStat_evenWithSpacesAndParenthesesInTheCommand() {
    String stat = "4242 (java (app) x) S 17 4242 17 0 -1 4194560 1000 0 0 0 350 150 20 30 20 0 40 0 123 0 0";
    assertThat(OfficerLoad.parent(stat)).isEqualTo(17);
    assertThat(OfficerLoad.ticks(stat, false)).isEqualTo(500);
    assertThat(OfficerLoad.ticks(stat, true)).isEqualTo(550);
    long[] machine = OfficerLoad.machine("cpu  100 5 50 800 45 0 0 0 0 0");
    assertThat(machine).containsExactly(155, 1000);
    assertThat(OfficerLoad.processTicks(ProcessHandle.current().pid())).isPositive();
  }

  private static OfficerLoad.Step step(int officers, double list, double open, double complete) {
    Map<String, Map<String, Number>> p = new LinkedHashMap<>();
    p.put("list", Map.of("count", 100, "p50", list / 2, "p95", list, "p99", list));
    p.put("open", Map.of("count", 100, "p50", open / 2, "p95", open, "p99", open));
    p.put("complete", Map.of("count", 100, "p50", complete / 2, "p95", complete, "p99", complete));
    return new OfficerLoad.Step(1, officers, officers, 60, p, 300, 0, 0, 0, 50, 20, 40, 2, 1.0, 30, 5, 0, 40, 1);
  }
}
