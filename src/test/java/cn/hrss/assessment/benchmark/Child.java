package cn.hrss.assessment.benchmark;

import cn.hrss.assessment.support.ApplicationJvm;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A measured target (the application or the bare engine) in a JVM of its own, started by the test support's
 * {@link ApplicationJvm} from the packaged jar's classes and libraries, with the {@link BenchmarkProbe} added from
 * target/test-classes; and the harness's client of that probe.
 */
final class Child implements AutoCloseable {

  private static final HttpClient PROBE = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final ApplicationJvm jvm;
  private final int probePort;

  private Child(ApplicationJvm jvm, int probePort) {
    this.jvm = jvm;
    this.probePort = probePort;
  }

  /**
   * Starts {@code mainClass} with these Spring properties and JVM options; its engine clock runs
   * {@code clockOffsetMillis} off the real time (the harness's offset), and waits until it reports UP.
   */
  static Child start(String name, String mainClass, Map<String, String> properties, List<String> jvmOptions,
      long clockOffsetMillis, Path out) {
    int port = freePort();
    Map<String, String> all = new java.util.LinkedHashMap<>(properties);
    ApplicationJvm jvm = ApplicationJvm.of(name, all)
        .withJvmOptions(jvmOptions)
        .withMainClass(mainClass, List.of(probeClasses(out)))
        .withSystemProperties(Map.of("benchmark.probe.port", Integer.toString(port),
            "benchmark.clock-offset", Long.toString(clockOffsetMillis)));
    try {
      jvm.start(Duration.ofMinutes(5));
    } catch (RuntimeException e) {
      jvm.close();
      throw e;
    }
    return new Child(jvm, port);
  }

  /**
   * The probe's classes and what they use (the benchmark package, the bare engine, the test's application
   * fixtures), copied from target/test-classes into a directory of their own: the whole of target/test-classes on
   * the child's class path would bring the test configurations into the application's component scan.
   */
  static synchronized Path probeClasses(Path out) {
    Path target = out.resolve("probe-classes").toAbsolutePath();
    Path testClasses = Path.of("target", "test-classes");
    try {
      for (String dir : List.of("cn/hrss/assessment/benchmark", "cn/hrss/bareengine")) {
        copy(testClasses.resolve(dir), target.resolve(dir), name -> true);
      }
      copy(testClasses.resolve("cn/hrss/assessment/filing"), target.resolve("cn/hrss/assessment/filing"),
          name -> name.startsWith("Applications"));
      // Spring Boot 3 has no context.initializer.classes property any more: the probe registers itself as a
      // context initializer through a spring.factories of the probe's directory (on the child's class path only).
      Files.createDirectories(target.resolve("META-INF"));
      Files.writeString(target.resolve("META-INF/spring.factories"),
          "org.springframework.context.ApplicationContextInitializer=" + BenchmarkProbe.class.getName() + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }

  private static void copy(Path from, Path to, java.util.function.Predicate<String> names) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.filter(Files::isRegularFile).filter(f -> names.test(f.getFileName().toString())).toList()) {
        Files.copy(file, to.resolve(file.getFileName().toString()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  int port() {
    return jvm.port();
  }

  long pid() {
    return jvm.pid();
  }

  String log() {
    return jvm.log().toString();
  }

  /** The probe's answer to {@code path} (with its query string). */
  JsonNode probe(String path) {
    try {
      HttpResponse<String> response = PROBE.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + probePort + path))
          .timeout(Duration.ofMinutes(60)).POST(HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() != 200) {
        throw new IllegalStateException("probe " + path + " → " + response.statusCode() + ": " + response.body());
      }
      return Http.JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("probe " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Waits until the child's job executor has nothing due; fails on a job that failed (it would wait for a retry). */
  void awaitIdle() {
    long deadline = System.nanoTime() + 30L * 60 * 1_000_000_000L;
    while (true) {
      JsonNode idle = probe("/idle");
      if (idle.hasNonNull("failed")) {
        throw new IllegalStateException(idle.get("failed").asText() + " (log " + log() + ")");
      }
      if (idle.get("due").asLong() == 0) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("jobs still due after 30 minutes");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  long count(String sql) {
    return probe("/count?sql=" + Http.encode(sql)).asLong();
  }

  @Override
  public void close() {
    jvm.close();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
