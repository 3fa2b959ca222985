package cn.hrss.assessment.resilience;

import cn.hrss.assessment.support.ApplicationJvm;
import cn.hrss.assessment.support.TestDatabase;
import cn.hrss.assessment.support.TestMail;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * What the crash and cluster tests share: a fresh database on the embedded PostgreSQL 17 of the test JVM
 * ({@link TestDatabase}), the GreenMail sink of the test JVM ({@link TestMail}), and the configuration of the child
 * application JVMs ({@link ApplicationJvm}).
 *
 * <p>The children run the default (demo) profile with the datasource pointed at that PostgreSQL: the demo users of
 * CONTRACT.md (password = id) drive the cases as officers and experts. The {@code postgres} profile would refuse
 * demo users on purpose (identity.DemoData); what the tests exercise (engine, job executor, notices, PostgreSQL) is
 * the same in both profiles. Shortened for the test, all through documented properties:
 * <ul>
 *   <li>{@code camunda.bpm.job-execution.lock-time-in-millis}: 15 s instead of 5 minutes, so the jobs a killed JVM
 *       held are picked up again within the test;</li>
 *   <li>{@code assessment.notification.sending-expires-after}: 10 s (below that lock time, as in production);</li>
 *   <li>{@code assessment.notification.retry-cycle}: seconds instead of minutes between retries of a failed job;</li>
 *   <li>{@code camunda.bpm.job-execution.max-wait}: the idle job executor looks for due jobs every 2 s at most.</li>
 * </ul>
 */
final class Resilience {

  static final int LOCK_TIME_MILLIS = 15_000;

  private Resilience() {}

  /** A fresh database; its JDBC URL. */
  static String freshDatabase() {
    return TestDatabase.createDatabase();
  }

  /** A new, empty directory for the uploaded materials of one test run (the database is fresh too). */
  static Path materialsDirectory(String test) throws java.io.IOException {
    Path parent = Files.createDirectories(Path.of("target", "child-jvms"));
    return Files.createTempDirectory(parent, test + "-materials-");
  }

  static JdbcTemplate jdbc(String url) {
    return new JdbcTemplate(new DriverManagerDataSource(url, TestDatabase.USER, ""));
  }

  static Map<String, String> applicationProperties(String databaseUrl, Path materials) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("spring.datasource.url", databaseUrl);
    p.put("spring.datasource.username", TestDatabase.USER);
    p.put("spring.datasource.password", "");
    p.put("spring.datasource.hikari.maximum-pool-size", "14");
    p.put("spring.mail.host", "127.0.0.1");
    p.put("spring.mail.port", Integer.toString(TestMail.port()));
    p.put("assessment.demo-data", "true");
    p.put("assessment.filing.storage-dir", materials.toAbsolutePath().toString());
    p.put("camunda.bpm.job-execution.enabled", "true");
    p.put("camunda.bpm.job-execution.max-pool-size", "4");
    p.put("camunda.bpm.job-execution.lock-time-in-millis", Integer.toString(LOCK_TIME_MILLIS));
    p.put("camunda.bpm.job-execution.max-wait", "2000");
    p.put("assessment.notification.sending-expires-after", "PT10S");
    p.put("assessment.notification.retry-cycle", "PT2S,PT5S,PT10S,PT20S,PT30S");
    p.put("spring.main.banner-mode", "off");
    p.put("logging.level.org.camunda.bpm.engine.jobexecutor", "INFO");
    return p;
  }
}
