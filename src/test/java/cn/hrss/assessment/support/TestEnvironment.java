package cn.hrss.assessment.support;

import java.util.Map;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;
import org.springframework.core.env.PropertySource;

/**
 * Prepares every Spring context of the {@code test} profile before it starts (registered in
 * src/test/resources/META-INF/spring.factories; runs after Boot has loaded application-test.yml):
 * <ul>
 *   <li>{@code assessment.test.database-name}: a name of its own for each context's in-memory H2 database, so
 *       contexts never share data;</li>
 *   <li>{@code assessment.test.mail-port}: the port of {@link TestMail}, resolved lazily (the server starts
 *       when the application first reads {@code spring.mail.port});</li>
 *   <li>when {@code -Dassessment.test.database=postgres} (failsafe's {@code postgres} execution): the
 *       datasource on a fresh database of the embedded PostgreSQL 17 ({@link TestDatabase}).</li>
 * </ul>
 */
public class TestEnvironment implements EnvironmentPostProcessor {

  static final String DATABASE_NAME = "assessment.test.database-name";
  static final String MAIL_PORT = "assessment.test.mail-port";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.acceptsProfiles(Profiles.of("test"))) {
      return;
    }
    var sources = environment.getPropertySources();
    sources.addLast(new MapPropertySource("assessment-test-database-name",
        Map.of(DATABASE_NAME, "assessment-" + UUID.randomUUID())));
    sources.addLast(new TestMailPortSource());
    if (TestDatabase.isPostgres()) {
      sources.addFirst(new MapPropertySource("assessment-test-postgres", Map.of(
          "spring.datasource.url", TestDatabase.createDatabase(),
          "spring.datasource.username", TestDatabase.USER,
          "spring.datasource.password", "",
          "spring.datasource.driver-class-name", "org.postgresql.Driver")));
    }
  }

  /** Answers {@link #MAIL_PORT} only when asked, so that contexts that never read it start no server. */
  private static final class TestMailPortSource extends PropertySource<Object> {

    TestMailPortSource() {
      super("assessment-test-mail");
    }

    @Override
    public Object getProperty(String name) {
      return MAIL_PORT.equals(name) ? TestMail.port() : null;
    }
  }
}
