package cn.hrss.assessment.support;

import cn.hrss.assessment.workflow.TestDateSwitch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged application ({@code target/assessment-workflows-*.jar}, built by the package phase before failsafe
 * runs) as a child JVM of the test, for tests that must kill or duplicate the application: the crash and cluster
 * tests ({@code cn.hrss.assessment.resilience}).
 *
 * <ul>
 *   <li>Started with the test JVM's own {@code java} binary, {@code -Xmx512m}, on a free random port, with the
 *       given Spring properties as command-line arguments (they win over application.yml).</li>
 *   <li>Its output goes to {@code target/child-jvms/<name>.log} (appended across restarts), so that a failure in
 *       CI can be diagnosed; {@link #logTail(int)} quotes it in assertion messages.</li>
 *   <li>{@link #kill()} is {@code kill -9}: {@link Process#destroyForcibly()} sends SIGKILL on Linux, and the
 *       exit value 137 (128 + 9) that the JDK reports for a signalled process proves it.</li>
 *   <li>Every child still alive when the test JVM exits is killed by a shutdown hook; tests also
 *       {@link #close()} them in {@code finally}/{@code @AfterAll}.</li>
 * </ul>
 */
public final class ApplicationJvm implements AutoCloseable {

  /** Exit value the JDK reports for a process ended by SIGKILL (128 + 9). */
  public static final int KILLED_EXIT_VALUE = 137;

  private static final Path LOG_DIRECTORY = Path.of("target", "child-jvms");
  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly), "child-jvm-reaper"));
  }

  private final String name;
  private final int port;
  private final Map<String, String> properties;
  private final Path log;
  private final Path workingDirectory;
  private Process process;
  private int starts;
  /** Small and quick to start: the crash and cluster tests start several; {@link #withJvmOptions} for a soak. */
  private List<String> jvmOptions = List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
  /** {@link #withMainClass}: another main class of the jar, with extra class directories; null: {@code -jar}. */
  private String mainClass;
  private List<Path> extraClasspath = List.of();
  private List<String> systemProperties = List.of();

  private ApplicationJvm(String name, Map<String, String> properties) {
    this.name = name;
    this.port = freePort();
    this.properties = new LinkedHashMap<>();
    // No periodic calendar work (the provisional-year warning would mail the managers, on whatever day the suite's
    // date switch names, amid the mail the crash and cluster tests account for); a test may still turn it on.
    this.properties.put("assessment.calendar.scheduled", "false");
    // The crash and cluster tests submit many social organisations of one occupation in Henan: the quota of 002
    // Annex 1 §二(四) would refuse the fourth (README "Quota"); it only warns here, as in the test profile.
    this.properties.put("assessment.filing.quota-enforced", "false");
    this.properties.putAll(properties);
    this.properties.put("server.port", Integer.toString(port));
    this.log = LOG_DIRECTORY.resolve(name + ".log");
    this.workingDirectory = LOG_DIRECTORY.resolve(name + "-work");
  }

  /**
   * A child JVM named {@code name} (log file and working directory under {@code target/child-jvms/}) with these
   * Spring properties; not started yet.
   */
  public static ApplicationJvm of(String name, Map<String, String> properties) {
    return new ApplicationJvm(name, properties);
  }

  /** Replaces the JVM options (heap, collector, compiler) the child starts with. */
  public ApplicationJvm withJvmOptions(List<String> options) {
    this.jvmOptions = List.copyOf(options);
    return this;
  }

  /**
   * Starts {@code mainClass} instead of the jar's own, with the jar's classes and libraries plus {@code extraClasspath}
   * (directories), through Spring Boot's {@code PropertiesLauncher} ({@code loader.main}, {@code loader.path}): the
   * benchmark runs its bare engine and its probes this way, on the very libraries of the packaged application.
   */
  public ApplicationJvm withMainClass(String mainClass, List<Path> extraClasspath) {
    this.mainClass = mainClass;
    this.extraClasspath = List.copyOf(extraClasspath);
    return this;
  }

  /** Extra {@code -Dname=value} options of the child JVM. */
  public ApplicationJvm withSystemProperties(Map<String, String> properties) {
    this.systemProperties = properties.entrySet().stream().map(e -> "-D" + e.getKey() + "=" + e.getValue()).toList();
    return this;
  }

  /** Starts the JVM and waits until {@code /actuator/health} answers UP. Also a restart after {@link #kill()}. */
  public ApplicationJvm start(Duration timeout) {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException(name + " is already running");
    }
    try {
      Files.createDirectories(workingDirectory);
      if (starts == 0) {
        Files.deleteIfExists(log);
      }
      List<String> command = new ArrayList<>(List.of(javaBinary()));
      command.addAll(jvmOptions);
      command.addAll(systemProperties);
      command.addAll(List.of("-Dfile.encoding=UTF-8",
          // Its "today": the suite's date switch, or a pinned day (TestClock): never the real date.
          "-D" + TestDateSwitch.PROPERTY + "=" + TestClock.childJvmDate()));
      if (mainClass == null) {
        command.addAll(List.of("-jar", jar().toAbsolutePath().toString()));
      } else {
        command.addAll(List.of("-cp", jar().toAbsolutePath().toString(), "-Dloader.main=" + mainClass,
            "-Dloader.path=" + String.join(",", extraClasspath.stream().map(p -> p.toAbsolutePath().toString()).toList()),
            "org.springframework.boot.loader.launch.PropertiesLauncher"));
      }
      properties.forEach((key, value) -> command.add("--" + key + "=" + value));
      Files.writeString(log, "\n===== " + Instant.now() + " start #" + (starts + 1) + ": " + command + "\n",
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
      process = new ProcessBuilder(command)
          .directory(workingDirectory.toFile())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .start();
      LIVE.add(process);
      starts++;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + name, e);
    }
    awaitHealthy(timeout);
    return this;
  }

  private void awaitHealthy(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting:\n" + logTail(60));
      }
      if (healthy()) {
        return;
      }
      sleep(Duration.ofMillis(500));
    }
    throw new IllegalStateException(name + " did not report UP within " + timeout + ":\n" + logTail(60));
  }

  /** Whether {@code /actuator/health} answers 200 now. */
  public boolean healthy() {
    try {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 && response.body().contains("UP");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** {@code kill -9}: no shutdown hook, no orderly close of connections; returns the exit value (137). */
  public int kill() {
    Process running = process;
    running.destroyForcibly();
    try {
      if (!running.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException(name + " (pid " + running.pid() + ") did not die after SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    LIVE.remove(running);
    appendToLog("===== " + Instant.now() + " killed (SIGKILL), exit value " + running.exitValue());
    return running.exitValue();
  }

  /** Stops the JVM if it still runs (SIGKILL: nothing of the child needs an orderly shutdown). */
  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      kill();
    }
  }

  public String name() {
    return name;
  }

  public int port() {
    return port;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public long pid() {
    return process.pid();
  }

  public Path log() {
    return log;
  }

  /** The last {@code lines} lines of the child's log, for assertion messages. */
  public String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(log " + log + " unreadable: " + e.getMessage() + ")";
    }
  }

  private void appendToLog(String line) {
    try {
      Files.writeString(log, line + "\n", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException ignored) {
      // only a diagnostic line
    }
  }

  /** The runnable jar of this build ({@code spring-boot:repackage} in the package phase). */
  public static Path jar() {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files.filter(p -> p.getFileName().toString().matches("assessment-workflows-.*\\.jar"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("target/assessment-workflows-*.jar is missing: run `mvn verify` "
              + "(or `mvn package -DskipTests`) so that the package phase builds it before the integration tests"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code java} binary running this test JVM: the children run on the same JDK. */
  static String javaBinary() {
    return ProcessHandle.current().info().command()
        .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
