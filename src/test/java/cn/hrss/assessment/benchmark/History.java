package cn.hrss.assessment.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;

/**
 * The cost-curve mode's history, in the child JVM ({@link BenchmarkProbe}): copies of real finished cases, and the
 * engine's own history cleanup run on demand.
 *
 * <p>How history is populated (README "Benchmark → Cost curves"): a few real cases are driven through HTTP first
 * (the seed, {@link #seed}); then every {@code ACT_HI_*} row of the seed's process instances is copied with new
 * ids ({@code <copy>~<last 50 characters of the id>} in every column that holds an id of the instance's own rows: instance, execution,
 * activity instance, task, variable, decision instance, job, operation), {@code copies} copies per SQL statement.
 * The copies are the real rows of real cases (same activities, variables, decisions, removal times), so queries
 * meet the same row shapes and index entries; they share the seed's byte arrays (not copied) and leave the
 * application's own tables (filings, notices, archive) alone. {@code shiftDays} moves a copy's
 * {@code START_TIME_}, {@code END_TIME_} and {@code REMOVAL_TIME_}, so that cohorts ended in earlier months can be
 * laid down for the history-cleanup simulation.
 */
final class History {

  /** Columns holding ids of the copied instance's own rows; every other *_ID_ column (definitions, users…) stays. */
  private static final Set<String> OWN_IDS = Set.of("ID_", "PROC_INST_ID_", "ROOT_PROC_INST_ID_", "PROCESS_INSTANCE_ID_",
      "EXECUTION_ID_", "ACT_INST_ID_", "PARENT_ACT_INST_ID_", "TASK_ID_", "PARENT_TASK_ID_", "CALL_PROC_INST_ID_",
      "SUPER_PROCESS_INSTANCE_ID_", "VAR_INST_ID_", "DEC_INST_ID_", "ROOT_DEC_INST_ID_", "JOB_ID_", "OPERATION_ID_",
      "SUPER_EXECUTION_ID_");
  private static final Set<String> TIMES = Set.of("START_TIME_", "END_TIME_", "REMOVAL_TIME_");

  private History() {}

  static Object handle(Map<String, String> q, ProcessEngine engine, DataSource raw) {
    return switch (q.get("op")) {
      case "seed" -> seed(raw);
      case "copy" -> copy(raw, Integer.parseInt(q.get("first")), Integer.parseInt(q.get("copies")),
          Integer.parseInt(q.getOrDefault("shiftDays", "0")));
      case "cleanup" -> cleanup(engine, raw);
      case "rows" -> historyRows(raw);
      default -> throw new IllegalArgumentException(q.get("op"));
    };
  }

  /** Takes the finished process instances now in history as the seed; how many root cases that is. */
  static Map<String, Object> seed(DataSource raw) {
    execute(raw, "CREATE TABLE BENCH_SEED (ID_ VARCHAR(64) PRIMARY KEY)");
    execute(raw, "INSERT INTO BENCH_SEED (ID_) SELECT ID_ FROM ACT_HI_PROCINST WHERE END_TIME_ IS NOT NULL");
    execute(raw, "CREATE TABLE BENCH_COPY (K VARCHAR(10) PRIMARY KEY)");
    return Map.of("instances", count(raw, "SELECT COUNT(*) FROM BENCH_SEED"),
        "cases", count(raw, "SELECT COUNT(*) FROM ACT_HI_PROCINST p JOIN BENCH_SEED s ON s.ID_ = p.ID_ "
            + "WHERE p.SUPER_PROCESS_INSTANCE_ID_ IS NULL"));
  }

  /** Copies {@code first} … {@code first + copies - 1} of the seed; rows added per table. */
  static Map<String, Object> copy(DataSource raw, int first, int copies, int shiftDays) {
    Map<String, Object> added = new LinkedHashMap<>();
    try (Connection c = raw.getConnection(); Statement s = c.createStatement()) {
      s.execute("DELETE FROM BENCH_COPY");
      for (int k = first; k < first + copies; k++) {
        s.addBatch("INSERT INTO BENCH_COPY (K) VALUES ('" + k + "')");
      }
      s.executeBatch();
      boolean h2 = c.getMetaData().getDatabaseProductName().toUpperCase(Locale.ROOT).contains("H2");
      for (String table : historyTables(c)) {
        List<String> columns = columns(c, table);
        String filter = filter(table, columns);
        if (filter == null) {
          continue;
        }
        List<String> values = new ArrayList<>();
        for (String column : columns) {
          if (OWN_IDS.contains(column)) {
            // ids are at most 64 characters; an activity instance's is "<activity id>:<uuid>": the copy's id
            // keeps the last 50 (the unique part) behind the copy's number, the same mapping in every column
            values.add("CASE WHEN t." + column + " IS NULL THEN NULL ELSE n.K || '~' || RIGHT(t." + column + ", 50) END");
          } else if (TIMES.contains(column) && shiftDays != 0) {
            values.add(h2 ? "DATEADD(DAY, " + shiftDays + ", t." + column + ")"
                : "t." + column + " + " + shiftDays + " * INTERVAL '1 day'");
          } else {
            values.add("t." + column);
          }
        }
        int rows = s.executeUpdate("INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT "
            + String.join(", ", values) + " FROM " + table + " t CROSS JOIN BENCH_COPY n WHERE " + filter);
        added.put(table, rows);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not copy the seed's history", e);
    }
    return added;
  }

  /** Which rows of {@code table} belong to the seed's instances; null: a table of no instance. */
  private static String filter(String table, List<String> columns) {
    if (table.equals("ACT_HI_PROCINST")) {
      return "t.ID_ IN (SELECT ID_ FROM BENCH_SEED)";
    }
    for (String column : List.of("PROC_INST_ID_", "PROCESS_INSTANCE_ID_", "ROOT_PROC_INST_ID_")) {
      if (columns.contains(column)) {
        return "t." + column + " IN (SELECT ID_ FROM BENCH_SEED)";
      }
    }
    if (columns.contains("DEC_INST_ID_")) {
      return "t.DEC_INST_ID_ IN (SELECT d.ID_ FROM ACT_HI_DECINST d WHERE d.PROC_INST_ID_ IN (SELECT ID_ FROM BENCH_SEED))";
    }
    return null;
  }

  /**
   * The engine's history cleanup, now: {@code cleanUpHistoryAsync(true)} and its job executed until nothing due is
   * left (each execution removes one batch of {@code historyCleanupBatchSize}). Returns the executions.
   */
  static Map<String, Object> cleanup(ProcessEngine engine, DataSource raw) {
    int executions = 0;
    long start = System.nanoTime();
    int conflicts = 0;
    while (executions < 100_000) {
      Job job;
      try {
        job = engine.getHistoryService().cleanUpHistoryAsync(true);
      } catch (OptimisticLockingException e) {
        // the job executor was running the cleanup job while it was rescheduled: ask again
        if (++conflicts > 1_000) {
          throw e;
        }
        continue;
      }
      long due = 0;
      for (String table : List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_VARINST", "ACT_HI_DETAIL")) {
        due += count(raw, "SELECT COUNT(*) FROM " + table + " WHERE REMOVAL_TIME_ <= "
            + "(SELECT MAX(DUEDATE_) FROM ACT_RU_JOB WHERE HANDLER_TYPE_ = 'history-cleanup')");
      }
      try {
        engine.getManagementService().executeJob(job.getId());
      } catch (OptimisticLockingException e) {
        // the job executor ran the same (due) cleanup job at the same moment: fine, count and go on
      }
      executions++;
      if (due == 0) {
        break;
      }
    }
    return Map.of("executions", executions, "seconds", Math.round((System.nanoTime() - start) / 1e7) / 100.0);
  }

  /** Rows of every ACT_HI_* table and their sum. */
  static Map<String, Long> historyRows(DataSource raw) {
    Map<String, Long> rows = new LinkedHashMap<>();
    long total = 0;
    for (var e : Tables.rows(raw).entrySet()) {
      if (e.getKey().startsWith("ACT_HI_")) {
        rows.put(e.getKey(), e.getValue());
        total += e.getValue();
      }
    }
    rows.put("total", total);
    return rows;
  }

  private static List<String> historyTables(Connection c) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        String name = rs.getString("TABLE_NAME");
        if (name.toUpperCase(Locale.ROOT).startsWith("ACT_HI_")) {
          tables.add(name);
        }
      }
    }
    return tables;
  }

  private static List<String> columns(Connection c, String table) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (ResultSet rs = c.createStatement().executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        columns.add(rs.getMetaData().getColumnName(i).toUpperCase(Locale.ROOT));
      }
    }
    return columns;
  }

  private static void execute(DataSource raw, String sql) {
    try (Connection c = raw.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private static long count(DataSource raw, String sql) {
    try (Connection c = raw.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
