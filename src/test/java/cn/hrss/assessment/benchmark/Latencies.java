package cn.hrss.assessment.benchmark;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * Client-side latencies by kind of request (submission, task query, task completion, timer), in nanoseconds. Also
 * the accounting of the officer load test (resilience.OfficerLoadIT), one instance per measured step.
 */
public final class Latencies {

  private final Map<String, Queue<Long>> samples = new ConcurrentHashMap<>();

  public <T> T time(String kind, Supplier<T> call) {
    long start = System.nanoTime();
    T result = call.get();
    samples.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(System.nanoTime() - start);
    return result;
  }

  /** Records a latency measured by the caller (e.g. a step that ended in a conflict and is still a served request). */
  public void record(String kind, long nanos) {
    samples.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(nanos);
  }

  public void clear() {
    samples.clear();
  }

  /** kind → {count, p50, p95, p99} in milliseconds. */
  public Map<String, Map<String, Number>> summary() {
    Map<String, Map<String, Number>> summary = new LinkedHashMap<>();
    samples.keySet().stream().sorted().forEach(kind -> summary.put(kind, percentiles(samples.get(kind))));
    return summary;
  }

  public static Map<String, Number> percentiles(Queue<Long> nanos) {
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    Map<String, Number> p = new LinkedHashMap<>();
    p.put("count", sorted.length);
    p.put("p50", millis(sorted, 0.50));
    p.put("p95", millis(sorted, 0.95));
    p.put("p99", millis(sorted, 0.99));
    return p;
  }

  private static double millis(long[] sorted, double quantile) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return Math.round(sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 10_000.0) / 100.0;
  }

  @Override
  public String toString() {
    return Arrays.toString(summary().entrySet().toArray());
  }
}
