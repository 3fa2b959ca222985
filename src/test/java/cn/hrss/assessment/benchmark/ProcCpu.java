package cn.hrss.assessment.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of a child JVM read from Linux's {@code /proc}: the whole process ({@code /proc/<pid>/stat}, live and
 * ended threads) and each live thread ({@code /proc/<pid>/task/<tid>/stat}, named by {@code comm}, the first 15
 * characters of the Java thread's name), so that the harness can tell where the measured JVM's CPU went by kind of
 * thread. Clock ticks of {@link #TICK_MILLIS} ms.
 */
final class ProcCpu {

  /** USER_HZ of Linux on every common architecture ({@code getconf CLK_TCK}). */
  static final double TICK_MILLIS = 10.0;

  /** The kinds in the order the report prints them. */
  static final String[] KINDS = {"http server", "job executor", "gc", "jit", "other", "ended threads"};

  private final long processTicks;
  private final Map<String, Long> threadTicks; // tid → ticks
  private final Map<String, String> threadNames; // tid → comm

  private ProcCpu(long processTicks, Map<String, Long> threadTicks, Map<String, String> threadNames) {
    this.processTicks = processTicks;
    this.threadTicks = threadTicks;
    this.threadNames = threadNames;
  }

  static ProcCpu of(long pid) {
    Path proc = Path.of("/proc", Long.toString(pid));
    Map<String, Long> ticks = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    try (Stream<Path> tasks = Files.list(proc.resolve("task"))) {
      for (Path task : tasks.toList()) {
        try {
          String name = Files.readString(task.resolve("comm")).strip();
          long used = ticks(Files.readString(task.resolve("stat")));
          ticks.put(task.getFileName().toString(), used);
          names.put(task.getFileName().toString(), name);
        } catch (IOException ended) {
          // the thread ended meanwhile: its time is in the process's
        }
      }
      return new ProcCpu(ticks(Files.readString(proc.resolve("stat"))), ticks, names);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + proc + " (Linux only)", e);
    }
  }

  /** utime + stime: fields 14 and 15 of a stat line, counted after the command name in parentheses. */
  static long ticks(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  /** CPU milliseconds of the process between {@code start} and this snapshot, less the harness's probe threads. */
  long measuredMillisSince(ProcCpu start) {
    return Math.round((processTicks - start.processTicks) * TICK_MILLIS) - probeMillisSince(start);
  }

  long probeMillisSince(ProcCpu start) {
    return Math.round(byKind(start).getOrDefault("probe", 0L) * TICK_MILLIS);
  }

  /** Milliseconds per case by kind of thread since {@code start} (the probe's threads left out). */
  Map<String, Object> millisPerCaseSince(ProcCpu start, int cases) {
    Map<String, Long> ticks = byKind(start);
    Map<String, Object> perCase = new LinkedHashMap<>();
    for (String kind : KINDS) {
      perCase.put(kind, Benchmark.round(ticks.getOrDefault(kind, 0L) * TICK_MILLIS / cases));
    }
    return perCase;
  }

  private Map<String, Long> byKind(ProcCpu start) {
    Map<String, Long> ticks = new LinkedHashMap<>();
    long live = 0;
    for (var thread : threadTicks.entrySet()) {
      long used = thread.getValue() - start.threadTicks.getOrDefault(thread.getKey(), 0L);
      live += used;
      ticks.merge(kind(threadNames.get(thread.getKey())), used, Long::sum);
    }
    // Threads alive at the start and ended since, and threads that started and ended in between.
    ticks.merge("ended threads", Math.max(0, (processTicks - start.processTicks) - live), Long::sum);
    return ticks;
  }

  static String kind(String comm) {
    if (comm.startsWith("http-nio")) {
      return "http server";
    }
    if (comm.startsWith("camundaTaskExe") || comm.startsWith("JobExecutor")) {
      return "job executor";
    }
    if (comm.startsWith(BenchmarkProbe.THREAD_NAME) || comm.equals("HTTP-Dispatcher")) {
      return "probe";
    }
    if (comm.startsWith("GC Thread") || comm.startsWith("G1 ") || comm.equals("VM Thread")) {
      return "gc";
    }
    if (comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler")) {
      return "jit";
    }
    return "other";
  }
}
