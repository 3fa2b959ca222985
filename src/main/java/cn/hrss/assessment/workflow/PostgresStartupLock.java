package cn.hrss.assessment.workflow;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Nodes that start together on one PostgreSQL database take turns (issue 16): each node's start-up — Camunda's
 * schema creation or update, the Flyway migrations, the deployment of the models, the identity setup — runs while it
 * holds a session advisory lock of that database, taken as soon as the DataSource exists and released when the
 * application is ready (or its start failed, or it stops). Without it, two nodes on an empty database both create
 * Camunda's tables and one fails with a duplicate key. A node that waits logs it; a node that dies holding the lock
 * releases it with its connection. H2 (one node by nature) is left alone.
 *
 * <p>Advisory locks are per database, so nodes of other databases on the same server (and the tests' databases) do
 * not wait for each other.
 */
@Component
final class PostgresStartupLock implements BeanPostProcessor, SmartApplicationListener {

  /** The advisory lock's key ("assessmt" in ASCII), the same on every node. */
  static final long KEY = 0x6173_7365_7373_6d74L;

  private static final Logger LOG = LoggerFactory.getLogger(PostgresStartupLock.class);

  private Connection held;

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource && held == null) {
      acquire(dataSource);
    }
    return bean;
  }

  private synchronized void acquire(DataSource dataSource) {
    if (held != null) {
      return;
    }
    try {
      Connection connection = dataSource.getConnection();
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        connection.close();
        return;
      }
      connection.setAutoCommit(true);
      if (!query(connection, "SELECT pg_try_advisory_lock(" + KEY + ")")) {
        LOG.info("Another node of this database is starting: waiting for it to finish its start-up");
        long since = System.nanoTime();
        query(connection, "SELECT pg_advisory_lock(" + KEY + ") IS NOT NULL");
        LOG.info("Start-up lock taken after {} ms", (System.nanoTime() - since) / 1_000_000);
      }
      held = connection;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not take the start-up lock of the database", e);
    }
  }

  @Override
  public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
    return ApplicationReadyEvent.class.isAssignableFrom(eventType)
        || ApplicationFailedEvent.class.isAssignableFrom(eventType)
        || ContextClosedEvent.class.isAssignableFrom(eventType);
  }

  @Override
  public void onApplicationEvent(ApplicationEvent event) {
    release();
  }

  private synchronized void release() {
    if (held == null) {
      return;
    }
    try (Connection connection = held) {
      query(connection, "SELECT pg_advisory_unlock(" + KEY + ")");
    } catch (SQLException e) {
      LOG.warn("Could not release the start-up lock explicitly (closing its connection releases it): {}", e.toString());
    } finally {
      held = null;
    }
  }

  private static boolean query(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      return result.next() && result.getBoolean(1);
    }
  }
}
