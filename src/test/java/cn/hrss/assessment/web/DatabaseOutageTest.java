package cn.hrss.assessment.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseOutageTest {

  @Test
  void connectionFailuresAnywhereInTheCauseChainAreAnOutage() {
    // Hikari's "Connection is not available, request timed out" with the driver's refusal inside.
    var poolTimeout = new SQLTransientConnectionException("HikariPool-1 - Connection is not available",
        new SQLException("Connection to 127.0.0.1:5432 refused", "08001", new ConnectException("Connection refused")));
    assertThat(DatabaseOutage.isCauseOf(new CannotCreateTransactionException("Could not open JDBC Connection", poolTimeout)))
        .isTrue();
    assertThat(DatabaseOutage.isCauseOf(new CannotGetJdbcConnectionException("no connection", poolTimeout))).isTrue();
    // The engine wraps what the driver said when the server shut down under an open connection.
    assertThat(DatabaseOutage.isCauseOf(new ProcessEnginePersistenceException("persistence layer",
        new RuntimeException("mybatis", new SQLException("FATAL: terminating connection due to administrator command", "57P01")))))
        .isTrue();
    assertThat(DatabaseOutage.isCauseOf(new SQLException("An I/O error occurred while sending to the backend", "08006")))
        .isTrue();
  }

  @Test
  void aFailedRollbackOnTheDeadConnectionIsAnOutageWhenItsOriginalFailureWas() {
    TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
        new SQLException("Connection is closed"));
    rollback.initApplicationException(new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
    assertThat(DatabaseOutage.isCauseOf(new ProcessEnginePersistenceException("persistence layer", rollback))).isTrue();
  }

  @Test
  void otherFailuresAreNot() {
    assertThat(DatabaseOutage.isCauseOf(new IllegalStateException("bug"))).isFalse();
    assertThat(DatabaseOutage.isCauseOf(new ProcessEngineException("ENGINE-03005 Optimistic locking"))).isFalse();
    assertThat(DatabaseOutage.isCauseOf(new DataIntegrityViolationException("duplicate key",
        new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
    assertThat(DatabaseOutage.isCauseOf(new SQLException("syntax error", "42601"))).isFalse();
    assertThat(DatabaseOutage.isCauseOf(new SQLException("Connection is closed", "23505"))).isFalse();
  }

  @Test
  void aCauseCycleEnds() {
    RuntimeException a = new RuntimeException("a");
    RuntimeException b = new RuntimeException("b", a);
    a.initCause(b);
    assertThat(DatabaseOutage.isCauseOf(a)).isFalse();
  }
}
