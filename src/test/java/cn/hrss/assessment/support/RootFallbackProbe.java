package cn.hrss.assessment.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Child-JVM entry point of {@link RootFallbackIT}: starts {@link TestDatabase} and prints the operating-system
 * user of a server process and of the data directory.
 */
public final class RootFallbackProbe {

  private RootFallbackProbe() {}

  public static void main(String[] args) throws Exception {
    try (Connection connection = DriverManager.getConnection(TestDatabase.createDatabase());
         Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery("SELECT pg_backend_pid(), current_setting('data_directory')")) {
      rs.next();
      Path status = Path.of("/proc", String.valueOf(rs.getInt(1)), "status");
      String uid = Files.readAllLines(status).stream().filter(line -> line.startsWith("Uid:"))
          .map(line -> line.split("\\s+")[2]).findFirst().orElse("?");
      System.out.println("PROBE server-uid=" + uid
          + " data-owner=" + Files.getAttribute(Path.of(rs.getString(2)), "unix:uid"));
    }
  }
}
