package cn.hrss.assessment.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/** Row counts of a database (in the child JVM, by the {@link BenchmarkProbe}); no test-support classes needed. */
final class Tables {

  private Tables() {}

  /** Rows of every table (upper-case name → count). */
  static Map<String, Long> rows(DataSource raw) {
    Map<String, Long> rows = new TreeMap<>();
    try (Connection c = raw.getConnection()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          String schema = rs.getString("TABLE_SCHEM");
          if (schema != null && (schema.equalsIgnoreCase("INFORMATION_SCHEMA") || schema.equalsIgnoreCase("pg_catalog"))) {
            continue;
          }
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
      String quote = c.getMetaData().getIdentifierQuoteString();
      for (String table : tables) {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM " + quote + table + quote); ResultSet rs = s.executeQuery()) {
          rs.next();
          rows.put(table.toUpperCase(Locale.ROOT), rs.getLong(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return rows;
  }

}
