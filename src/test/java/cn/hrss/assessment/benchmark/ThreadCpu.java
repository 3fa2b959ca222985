package cn.hrss.assessment.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a JVM's CPU goes during the measured workload, by kind of thread: the HTTP server's request threads, the
 * job executor, the in-JVM mail server (GreenMail), the benchmark's clients, and the rest (garbage collector, JIT
 * compiler, and threads that ended before the end, such as the mail server's per-connection threads): the rest is
 * the process's CPU time minus the CPU time of the threads still alive at the end.
 */
final class ThreadCpu {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final Map<Long, Long> atStart;

  private ThreadCpu(Map<Long, Long> atStart) {
    this.atStart = atStart;
  }

  static ThreadCpu start() {
    Map<Long, Long> times = new HashMap<>();
    for (long id : THREADS.getAllThreadIds()) {
      long cpu = THREADS.getThreadCpuTime(id);
      if (cpu >= 0) {
        times.put(id, cpu);
      }
    }
    return new ThreadCpu(times);
  }

  /** Milliseconds per case by kind of thread, given the process's CPU nanoseconds over the same span. */
  Map<String, Object> millisPerCase(long processCpuNanos, int cases) {
    Map<String, Long> nanos = new LinkedHashMap<>();
    for (String kind : new String[] {"http server", "job executor", "mail server", "clients", "other"}) {
      nanos.put(kind, 0L);
    }
    long threads = 0;
    for (long id : THREADS.getAllThreadIds()) {
      long cpu = THREADS.getThreadCpuTime(id);
      ThreadInfo info = THREADS.getThreadInfo(id);
      if (cpu < 0 || info == null) {
        continue;
      }
      long used = cpu - atStart.getOrDefault(id, 0L);
      threads += used;
      nanos.merge(kind(info.getThreadName()), used, Long::sum);
    }
    nanos.merge("other", processCpuNanos - threads, Long::sum);
    Map<String, Object> perCase = new LinkedHashMap<>();
    nanos.forEach((kind, n) -> perCase.put(kind, Benchmark.round(n / 1e6 / cases)));
    return perCase;
  }

  private static String kind(String name) {
    if (name.startsWith("http-nio")) {
      return "http server";
    }
    if (name.startsWith("camundaTaskExecutor") || name.startsWith("JobExecutor")) {
      return "job executor";
    }
    if (name.startsWith("smtp") || name.startsWith("imap") || name.startsWith("pop3")) {
      return "mail server";
    }
    if (name.startsWith("HttpClient") || name.startsWith("pool-")) {
      return "clients";
    }
    return "other";
  }
}
