package cn.hrss.assessment.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure caused by the database being out of reach (stopped, restarting, network cut) from every other
 * failure (issue 16 item 3). Such a request did nothing: its transaction never began or was rolled back. It is
 * answered 503 with {@code Retry-After} instead of 500, logged as one WARN line instead of an error with a stack
 * trace per request, and the connection pool recovers by itself once the database is back (Hikari drops connections
 * that failed with a connection error and validates the others before handing them out).
 *
 * <p>Recognised anywhere in the cause chain (the engine and Spring wrap the driver's exception): the JDBC connection
 * exceptions (Hikari's "connection is not available" is a {@link SQLTransientConnectionException}), SQL state class
 * 08 (connection exception, SQL:2016 and PostgreSQL) and PostgreSQL's 57P01-57P03 (server shutting down, crashed,
 * starting up), a refused TCP connection, Spring's "could not get a connection / begin a transaction", and a failed
 * rollback on the dead connection whose original failure was one of these.
 */
public final class DatabaseOutage {

  /** Seconds a client is asked to wait before trying again. */
  public static final int RETRY_AFTER_SECONDS = 30;
  public static final String TITLE = "服务暂时不可用";
  /** {@code type} of the 503 in Camunda's error shape ({@code type}, {@code message}) on its REST APIs. */
  public static final String ENGINE_ERROR_TYPE = "ServiceUnavailable";
  public static final String DETAIL = "数据库暂时无法访问，本次请求未被处理，未保存任何内容。请稍后重试。";

  /** PostgreSQL: admin_shutdown, crash_shutdown, cannot_connect_now. */
  private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");
  private static final int MAX_DEPTH = 32;

  private DatabaseOutage() {}

  /** Whether {@code failure} comes from the database being out of reach. */
  public static boolean isCauseOf(Throwable failure) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < MAX_DEPTH; t = t.getCause() == t ? null : t.getCause(), depth++) {
      if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
          || t instanceof CannotGetJdbcConnectionException || t instanceof ConnectException) {
        return true;
      }
      if (t instanceof CannotCreateTransactionException && isCauseOfConnection(t.getCause())) {
        return true;
      }
      if (t instanceof SQLException sql && (isConnectionState(sql.getSQLState()) || isEvictedConnection(sql))) {
        return true;
      }
      // "Application exception overridden by rollback exception": the rollback failed too, on the same dead
      // connection; the failure that started it is kept beside the cause, not in the chain.
      if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
          && rollback.getApplicationException() != failure && isCauseOf(rollback.getApplicationException())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isCauseOfConnection(Throwable cause) {
    // Spring wraps the pool's failure; without a cause it could only have been the connection.
    return cause == null || isCauseOf(cause);
  }

  /**
   * Hikari's proxy of a connection it already evicted as broken answers every call with this SQLException, without
   * SQL state (HikariCP 6, ProxyConnection.ClosedConnection): the rollback after a connection failure meets it.
   */
  private static boolean isEvictedConnection(SQLException e) {
    return e.getSQLState() == null && "Connection is closed".equals(e.getMessage());
  }

  private static boolean isConnectionState(String sqlState) {
    return sqlState != null && (sqlState.startsWith("08") || SERVER_GOING_AWAY.contains(sqlState));
  }
}
