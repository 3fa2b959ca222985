package cn.hrss.assessment.benchmark;

import cn.hrss.assessment.support.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What PostgreSQL spent on one target's database during the measured cases, from pg_stat_statements
 * ({@code -Dassessment.test.pg-statements=true}, which loads the module into the embedded server): execution time,
 * calls and rows per case, by kind of statement and for the statements that took longest. Execution only: parsing,
 * planning, the protocol and commits are not in these figures; {@link #serverTicks()}, the server's CPU, has them.
 */
final class PgStatements {

  private static final int TOP = 25;

  private PgStatements() {}

  static boolean enabled(String database) {
    return database.equals("postgres") && Boolean.getBoolean(TestDatabase.STATEMENTS_PROPERTY);
  }

  /** The database name of a JDBC URL of {@link TestDatabase#createDatabase()}. */
  static String databaseOf(String jdbcUrl) {
    String path = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
    int query = path.indexOf('?');
    return query < 0 ? path : path.substring(0, query);
  }

  /** Forgets what was counted on {@code database} so far. */
  static void reset(String database) {
    try (Connection c = TestDatabase.server().getPostgresDatabase().getConnection();
         PreparedStatement reset = c.prepareStatement(
             "SELECT pg_stat_statements_reset(0, (SELECT oid FROM pg_database WHERE datname = ?), 0)")) {
      reset.setString(1, database);
      reset.execute();
    } catch (SQLException e) {
      throw new IllegalStateException("could not reset pg_stat_statements for " + database, e);
    }
  }

  /** Per case: execution ms, calls and rows in all, by kind (verb and whose table), and the longest statements. */
  static Map<String, Object> perCase(String database, int cases) {
    double totalMillis = 0;
    long totalCalls = 0;
    long totalRows = 0;
    Map<String, double[]> byKind = new TreeMap<>();
    List<Map<String, Object>> top = new ArrayList<>();
    try (Connection c = TestDatabase.server().getPostgresDatabase().getConnection();
         PreparedStatement select = c.prepareStatement("""
             SELECT s.query, s.calls, s.total_exec_time, s.rows FROM pg_stat_statements s
             JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = ? ORDER BY s.total_exec_time DESC""")) {
      select.setString(1, database);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          String query = rs.getString(1).replaceAll("\\s+", " ").strip();
          long calls = rs.getLong(2);
          double millis = rs.getDouble(3);
          long rows = rs.getLong(4);
          totalMillis += millis;
          totalCalls += calls;
          totalRows += rows;
          double[] kind = byKind.computeIfAbsent(kind(query), k -> new double[2]);
          kind[0] += millis;
          kind[1] += calls;
          if (top.size() < TOP) {
            Map<String, Object> statement = new LinkedHashMap<>();
            statement.put("query", query.length() > 160 ? query.substring(0, 160) : query);
            statement.put("callsPerCase", Benchmark.round((double) calls / cases));
            statement.put("millisPerCase", round3(millis / cases));
            statement.put("meanMillis", round3(calls == 0 ? 0 : millis / calls));
            top.add(statement);
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read pg_stat_statements for " + database, e);
    }
    Map<String, Object> kinds = new LinkedHashMap<>();
    byKind.forEach((kind, figures) -> kinds.put(kind,
        Map.of("millisPerCase", round3(figures[0] / cases), "callsPerCase", Benchmark.round(figures[1] / cases))));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("execMillisPerCase", round3(totalMillis / cases));
    result.put("callsPerCase", Benchmark.round((double) totalCalls / cases));
    result.put("rowsPerCase", Benchmark.round((double) totalRows / cases));
    result.put("byKind", kinds);
    result.put("top", top);
    return result;
  }

  /**
   * CPU ticks ({@link ProcCpu#TICK_MILLIS} ms) of the embedded PostgreSQL so far: the postmaster's own and its ended
   * children's, and its live children's (the pool's backends, the writer, autovacuum). Only one target runs at a time.
   */
  static long serverTicks() {
    try (Connection c = TestDatabase.server().getPostgresDatabase().getConnection();
         var show = c.createStatement().executeQuery("SHOW data_directory")) {
      show.next();
      String pid = Files.readAllLines(Path.of(show.getString(1), "postmaster.pid")).get(0).strip();
      String[] postmaster = fields(Files.readString(Path.of("/proc", pid, "stat")));
      long ticks = Long.parseLong(postmaster[11]) + Long.parseLong(postmaster[12]) + Long.parseLong(postmaster[13])
          + Long.parseLong(postmaster[14]);
      try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
        for (Path process : processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
          try {
            String stat = Files.readString(process.resolve("stat"));
            if (fields(stat)[1].equals(pid)) {
              ticks += ProcCpu.ticks(stat);
            }
          } catch (IOException ended) {
            // the process ended meanwhile: a backend's time is then in the postmaster's children's
          }
        }
      }
      return ticks;
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("could not read the embedded PostgreSQL's CPU time (Linux only)", e);
    }
  }

  /** A /proc stat line's fields after the command name: [0] state, [1] ppid, [11] utime … [14] cstime. */
  private static String[] fields(String stat) {
    return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
  }

  /** "insert engine", "select own", "other"…: the verb and whether the statement names an engine (ACT_) table. */
  static String kind(String query) {
    String q = query.toLowerCase(Locale.ROOT);
    String verb = q.startsWith("with") || q.startsWith("select") ? "select"
        : q.startsWith("insert") ? "insert" : q.startsWith("update") ? "update" : q.startsWith("delete") ? "delete"
        : "other";
    if (verb.equals("other")) {
      return verb;
    }
    return verb + (q.contains("act_") ? " engine" : " own");
  }

  private static double round3(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
