package cn.hrss.assessment.resilience;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What {@link OfficerLoadIT} computes without an application, so that it can be checked in plain {@code mvn verify}
 * ({@code OfficerLoadTest}): its settings, the figures of one load step, the stopping rule (the first number of
 * officers at which any step's p95 reaches the limit), the judgement of what saturated, and CPU time read from
 * {@code /proc}.
 */
final class OfficerLoad {

  /** The officers' steps, each timed as a whole: the filter's first page and count, a task opened, a task completed. */
  static final List<String> STEP_KINDS = List.of("list", "open", "complete");

  /** Think time the sizing hint is stated in (issue 15 item 5): a scaled-down run is converted to it. */
  static final Duration REAL_THINK = Duration.ofSeconds(30);

  private OfficerLoad() {}

  /**
   * {@code -Dofficers.steps} (officers per step, ascending), {@code -Dofficers.step-minutes}, {@code -Dofficers.think}
   * (mean think time, randomised ±50 %), {@code -Dofficers.nodes} (e.g. {@code 1,2}: one ramp per node count, each
   * on a fresh database), {@code -Dofficers.p95-limit-ms}.
   */
  record Settings(List<Integer> steps, Duration stepLength, Duration think, List<Integer> nodes, double p95LimitMillis) {

    static Settings fromSystemProperties() {
      return new Settings(integers(System.getProperty("officers.steps", "50,100,200,400,800,1600")),
          Duration.ofMillis((long) (Double.parseDouble(System.getProperty("officers.step-minutes", "5")) * 60_000)),
          duration(System.getProperty("officers.think", "30s")),
          integers(System.getProperty("officers.nodes", "1")),
          Double.parseDouble(System.getProperty("officers.p95-limit-ms", "1000")));
    }

    /**
     * The part of a step not measured: officers who just joined start at a random moment within one think time,
     * so the rate settles after about one and a half think times (at most a third of the step).
     */
    Duration warmUp() {
      Duration settle = think.multipliedBy(3).dividedBy(2);
      Duration third = stepLength.dividedBy(3);
      return settle.compareTo(third) < 0 ? settle : third;
    }

    /**
     * Officers at the real 30 s think time that send the same rate of steps: N officers thinking t seconds send
     * about N / t steps per second, so N × 30 s / t officers at 30 s send as many.
     */
    double equivalentOfficers(int officers) {
      return officers * (double) REAL_THINK.toMillis() / think.toMillis();
    }
  }

  static List<Integer> integers(String list) {
    return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Integer::valueOf).toList();
  }

  /** {@code 30s}, {@code 1.5s}, {@code 500ms}, {@code 2m} or an ISO-8601 duration ({@code PT30S}). */
  static Duration duration(String text) {
    String t = text.strip().toLowerCase();
    if (t.startsWith("pt")) {
      return Duration.parse(t.toUpperCase());
    }
    if (t.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
    }
    if (t.endsWith("s")) {
      return Duration.ofMillis((long) (Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
    }
    if (t.endsWith("m")) {
      return Duration.ofMillis((long) (Double.parseDouble(t.substring(0, t.length() - 1)) * 60_000));
    }
    throw new IllegalArgumentException("not a duration: " + text + " (e.g. 30s, 500ms, 2m)");
  }

  /**
   * The figures of one load step, over its measured part. CPU in per cent of one core (200 = both cores of a 2-CPU
   * machine), the machine's busy share in per cent of all its cores; the pool figures are the highest seen by the
   * 5-second samples, over the nodes.
   */
  record Step(int nodes, int officers, double equivalentOfficers, double measuredSeconds,
      Map<String, Map<String, Number>> latencies, long steps, long conflicts, long errors, long submissions,
      double appCpuPercent, double dbCpuPercent, double machineBusyPercent, int cores, double loadAverage,
      int poolSize, int poolMaxActive, int poolMaxPending, int openTasksMax, double scheduleLagP95Millis) {

    /** Every kind of step was measured and its p95 is below the limit. */
    boolean under(double limitMillis) {
      return STEP_KINDS.stream().allMatch(kind -> p95(kind).map(p -> p < limitMillis).orElse(false));
    }

    Optional<Double> p95(String kind) {
      Map<String, Number> p = latencies.get(kind);
      if (p == null || p.get("count").intValue() == 0) {
        return Optional.empty();
      }
      return Optional.of(p.get("p95").doubleValue());
    }

    /** The step kind with the highest p95, with it (for the report). */
    String slowest() {
      return STEP_KINDS.stream().filter(kind -> p95(kind).isPresent())
          .max(java.util.Comparator.comparing(kind -> p95(kind).orElseThrow()))
          .map(kind -> kind + " " + p95(kind).orElseThrow() + " ms").orElse("no step measured");
    }

    /** CPU of everything else on the machine (other builds, the test JVM itself), in per cent of one core. */
    double otherCpuPercent() {
      return Math.max(0, machineBusyPercent * cores - appCpuPercent - dbCpuPercent);
    }
  }

  /**
   * The stopping rule: the ramp stops at the first step where some step kind's p95 reaches the limit (or was not
   * measured at all); the answer is the officers of the step before it. Empty when the first step already failed.
   */
  static Optional<Step> largestUnder(List<Step> ramp, double limitMillis) {
    Step last = null;
    for (Step step : ramp) {
      if (!step.under(limitMillis)) {
        break;
      }
      last = step;
    }
    return Optional.ofNullable(last);
  }

  /** Whether the ramp goes on after this step. */
  static boolean goOn(Step step, double limitMillis) {
    return step.under(limitMillis);
  }

  /**
   * What saturated: the CPUs when the machine was at least 90 % busy (naming who used them), else the connection
   * pool when requests waited for a connection, else nothing visible.
   */
  static String bottleneck(Step s) {
    if (s.machineBusyPercent() >= 90) {
      String first = s.appCpuPercent() >= s.dbCpuPercent() && s.appCpuPercent() >= s.otherCpuPercent() ? "the application"
          : s.dbCpuPercent() >= s.otherCpuPercent() ? "PostgreSQL" : "other processes on the machine";
      return String.format(java.util.Locale.ROOT, "CPU: the %d cores were %.0f %% busy, most of it %s (application %.0f %%,"
          + " PostgreSQL %.0f %%, other processes %.0f %%, in %% of one core)", s.cores(), s.machineBusyPercent(), first,
          s.appCpuPercent(), s.dbCpuPercent(), s.otherCpuPercent());
    }
    if (s.poolMaxPending() > 0) {
      return String.format(java.util.Locale.ROOT, "the connection pool: up to %d requests waited for one of %d"
          + " connections (CPU %.0f %% busy)", s.poolMaxPending(), s.poolSize(), s.machineBusyPercent());
    }
    return String.format(java.util.Locale.ROOT, "nothing saturated: CPU %.0f %% busy (application %.0f %%, PostgreSQL"
        + " %.0f %% of one core), no request waited for a connection", s.machineBusyPercent(), s.appCpuPercent(),
        s.dbCpuPercent());
  }

  // ------------------------------------------------------------------ CPU time from /proc

  /** utime + stime of a process (all its threads), in clock ticks; {@code withChildren} adds its reaped children's. */
  static long ticks(String procStat, boolean withChildren) {
    String[] f = procStat.substring(procStat.lastIndexOf(')') + 2).split(" ");
    // after "pid (comm) ": f[0] = state (field 3), f[1] = ppid, f[11] utime, f[12] stime, f[13] cutime, f[14] cstime
    long own = Long.parseLong(f[11]) + Long.parseLong(f[12]);
    return withChildren ? own + Long.parseLong(f[13]) + Long.parseLong(f[14]) : own;
  }

  static long parent(String procStat) {
    return Long.parseLong(procStat.substring(procStat.lastIndexOf(')') + 2).split(" ")[1]);
  }

  /** Busy and total jiffies of the machine, from the first line of /proc/stat. */
  static long[] machine(String procStatFirstLine) {
    String[] f = procStatFirstLine.trim().split("\\s+");
    long total = 0;
    for (int i = 1; i < f.length && i <= 8; i++) { // user nice system idle iowait irq softirq steal
      total += Long.parseLong(f[i]);
    }
    long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
    return new long[] {total - idle, total};
  }

  static Optional<String> stat(long pid) {
    try {
      return Optional.of(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
    } catch (IOException e) {
      return Optional.empty(); // ended
    }
  }

  /** CPU ticks of a JVM. */
  static long processTicks(long pid) {
    return stat(pid).map(s -> ticks(s, false)).orElse(0L);
  }

  /**
   * CPU ticks of the PostgreSQL server: its postmaster (with the backends it has reaped) and every live child
   * (backends, checkpointer, autovacuum, …).
   */
  static long serverTicks(long postmaster) {
    long total = stat(postmaster).map(s -> ticks(s, true)).orElse(0L);
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        Optional<String> s = stat(Long.parseLong(p.getFileName().toString()));
        if (s.isPresent() && parent(s.get()) == postmaster) {
          total += ticks(s.get(), true);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return total;
  }

  static long[] machine() {
    try (Stream<String> lines = Files.lines(Path.of("/proc/stat"))) {
      return machine(lines.findFirst().orElseThrow());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException e) {
      return Double.NaN;
    }
  }

  /** Clock ticks per second of /proc (USER_HZ, 100 on Linux). */
  static final int TICKS_PER_SECOND = 100;
}
