package cn.hrss.assessment.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The embedded PostgreSQL 17 of failsafe's {@code postgres} execution ({@code -Dassessment.test.database=postgres}):
 * ONE server per test JVM, started on first use, stopped by zonky's shutdown hook; a fresh database for
 * every Spring context ({@link #createDatabase()}). Runs as root too, see {@link RootlessPgBinaryResolver}.
 */
public final class TestDatabase {

  public static final String SYSTEM_PROPERTY = "assessment.test.database";
  public static final String USER = "postgres";
  /**
   * {@code -Dassessment.test.pg-auto-explain=<ms>}: PostgreSQL logs the plan, with actual times, of every statement
   * slower than that (module auto_explain) to target/pg-log/, for finding a slow query in a test or the benchmark.
   */
  public static final String AUTO_EXPLAIN_PROPERTY = "assessment.test.pg-auto-explain";
  /**
   * {@code -Dassessment.test.pg-statements=true}: PostgreSQL counts the calls, rows and execution time of every
   * statement (module pg_stat_statements; the benchmark reads them per database, README "Benchmark").
   */
  public static final String STATEMENTS_PROPERTY = "assessment.test.pg-statements";

  private static final AtomicInteger DATABASES = new AtomicInteger();

  private TestDatabase() {}

  /** Whether this test JVM runs the integration tests on PostgreSQL (else on in-memory H2). */
  public static boolean isPostgres() {
    return "postgres".equalsIgnoreCase(System.getProperty(SYSTEM_PROPERTY, "h2"));
  }

  /** The server, started on first use (a few seconds: initdb + start). */
  public static EmbeddedPostgres server() {
    return Holder.SERVER;
  }

  /** Creates an empty database on {@link #server()} and returns its JDBC URL (user {@link #USER}, no password). */
  public static String createDatabase() {
    String name = "assessment_" + DATABASES.incrementAndGet();
    try (Connection connection = server().getPostgresDatabase().getConnection();
         Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
    } catch (SQLException e) {
      throw new IllegalStateException("could not create test database " + name, e);
    }
    return server().getJdbcUrl(USER, name);
  }

  /**
   * A PostgreSQL server of its own, for a test that stops it ({@code close()}) and starts it again: data in
   * {@code dataDirectory}, kept across restarts (initdb only when the directory holds no cluster yet), on a fixed
   * {@code port} so that the application's JDBC URL stays valid. The directory must lie under
   * {@code java.io.tmpdir}/embedded-pg (see {@link RootlessPgBinaryResolver} for why).
   */
  public static EmbeddedPostgres startOwnServer(Path dataDirectory, int port) {
    try {
      return configured(EmbeddedPostgres.builder(), dataDirectory).setCleanDataDirectory(false).setPort(port).start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start an embedded PostgreSQL on port " + port, e);
    }
  }

  /** What every server of the tests shares: our binaries, C locale, no fsync, a patient start. */
  private static EmbeddedPostgres.Builder configured(EmbeddedPostgres.Builder builder, Path dataDirectory) {
    return builder
        .setPgBinaryResolver(new RootlessPgBinaryResolver(workingDirectory()))
        .setDataDirectory(dataDirectory)
        .setLocaleConfig("locale", "C")
        .setServerConfig("fsync", "off")
        .setServerConfig("full_page_writes", "off")
        // The machine is shared: a slow initdb/start must not fail the build.
        .setPGStartupWait(Duration.ofSeconds(60));
  }

  /** zonky's working directory: binaries, our repackaged archive, data directories. */
  public static Path workingDirectory() {
    return Path.of(System.getProperty("ot.epg.working-dir",
        Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg").toString()));
  }

  private static final class Holder {
    private static final EmbeddedPostgres SERVER = start();

    private static EmbeddedPostgres start() {
      // zonky's working directory (java.io.tmpdir/embedded-pg): binaries, our repackaged archive, data
      // directories. Data directories inside it are cleaned up by zonky when a crashed run left them behind.
      Path workingDirectory = workingDirectory();
      try {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        List<String> modules = new ArrayList<>();
        if (Boolean.getBoolean(STATEMENTS_PROPERTY)) {
          // Diagnostics: calls, rows and time of every statement, per database (view pg_stat_statements).
          modules.add("pg_stat_statements");
          builder.setServerConfig("pg_stat_statements.max", "10000");
        }
        String explainAfter = System.getProperty(AUTO_EXPLAIN_PROPERTY);
        if (explainAfter != null) {
          // Diagnostics: the plan (with actual times) of every statement slower than this many ms, in the log.
          modules.add("auto_explain");
          builder.setServerConfig("auto_explain.log_min_duration", explainAfter)
              .setServerConfig("auto_explain.log_analyze", "on")
              .setServerConfig("auto_explain.log_buffers", "on")
              .setServerConfig("logging_collector", "on")
              .setServerConfig("log_directory", Path.of("target", "pg-log").toAbsolutePath().toString());
        }
        if (!modules.isEmpty()) {
          builder.setServerConfig("shared_preload_libraries", String.join(",", modules));
        }
        EmbeddedPostgres server = configured(builder, workingDirectory.resolve("data-" + UUID.randomUUID())).start();
        if (modules.contains("pg_stat_statements")) {
          try (Connection connection = server.getPostgresDatabase().getConnection();
               Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
          } catch (SQLException e) {
            throw new IllegalStateException("could not create the extension pg_stat_statements", e);
          }
        }
        return server;
      } catch (IOException e) {
        throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
      }
    }
  }
}
