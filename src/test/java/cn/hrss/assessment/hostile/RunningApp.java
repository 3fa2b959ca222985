package cn.hrss.assessment.hostile;

import cn.hrss.assessment.AssessmentWorkflowsApplication;
import cn.hrss.assessment.support.PinnedClockTestExecutionListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * The whole application started by a jqwik test class itself (jqwik properties do not run under Spring's JUnit
 * Jupiter extension): profile {@code test} as for {@code @IntegrationTest} (H2 or, in failsafe's postgres execution,
 * a fresh database on the embedded PostgreSQL; mail to TestMail; job executor off; demo users), on a random port,
 * with materials in a temporary folder of its own. Start it in {@code @BeforeContainer}, close it in
 * {@code @AfterContainer}: it is closed before the JVM ends, while the embedded PostgreSQL still runs.
 */
final class RunningApp implements AutoCloseable {

  private final ConfigurableApplicationContext context;
  private final Path root;

  private RunningApp(ConfigurableApplicationContext context, Path root) {
    this.context = context;
    this.root = root;
  }

  /** Starts the application; {@code properties} override the test profile (command-line precedence). */
  static RunningApp start(Map<String, String> properties) {
    Path root;
    try {
      root = Files.createTempDirectory("hostile-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> args = new ArrayList<>();
    args.add("--server.port=0");
    args.add("--assessment.filing.storage-dir=" + root.resolve("materials"));
    properties.forEach((key, value) -> args.add("--" + key + "=" + value));
    SpringApplication application = new SpringApplication(AssessmentWorkflowsApplication.class);
    application.setAdditionalProfiles("test");
    application.addInitializers(context -> context.getBeanFactory()
        .registerSingleton(TestTypesExcluded.class.getName(), new TestTypesExcluded()));
    pinClock();
    RunningApp app = new RunningApp(application.run(args.toArray(String[]::new)), root);
    app.makeCurrent();
    return app;
  }

  int port() {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  /** Where materials are stored: {@code root()/materials}; nothing else may appear under {@link #root()}. */
  Path root() {
    return root;
  }

  /** Engine REST resolves the engine by name in Camunda's static registry: make it this application's. */
  void makeCurrent() {
    ProcessEngine engine = bean(ProcessEngine.class);
    if (ProcessEngines.getProcessEngines().get(engine.getName()) != engine) {
      ProcessEngines.registerProcessEngine(engine);
    }
  }

  /** The clock every Spring test starts at ({@link PinnedClockTestExecutionListener#PINNED}). */
  static void pinClock() {
    ClockUtil.setCurrentTime(Date.from(PinnedClockTestExecutionListener.PINNED.atZone(ZoneId.of("Asia/Shanghai"))
        .toInstant()));
  }

  @Override
  public void close() {
    context.close();
    cn.hrss.assessment.support.TestClock.reset();
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException ignored) {
      // a temporary folder
    }
  }

  /**
   * What {@code @SpringBootTest} leaves out of the component scan: {@code @TestConfiguration}/{@code @TestComponent}
   * classes and the configuration classes nested in test classes (Spring Boot's own filter is package-private).
   */
  static final class TestTypesExcluded extends TypeExcludeFilter {

    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
      if (reader.getAnnotationMetadata().isAnnotated(TestComponent.class.getName())) {
        return true;
      }
      String enclosing = reader.getClassMetadata().getEnclosingClassName();
      return enclosing != null && (enclosing.endsWith("Test") || enclosing.endsWith("IT") || enclosing.endsWith("Tests"));
    }

    @Override
    public boolean equals(Object other) {
      return other != null && other.getClass() == getClass();
    }

    @Override
    public int hashCode() {
      return getClass().hashCode();
    }
  }
}
