package cn.hrss.assessment.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.support.IntegrationTest;
import cn.hrss.assessment.support.TestDatabase;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tasklist's authorization-checked task queries on PostgreSQL (migration V23, {@link PostgresQueryPlans}): the
 * statistics the planner needs exist, and every connection plans with the actual permission values. Without them a
 * group filter's count with 20,000 open tasks took over 30 s (README, "Benchmark").
 */
@IntegrationTest
@EnabledIfSystemProperty(named = TestDatabase.SYSTEM_PROPERTY, matches = "postgres")
class PostgresQueryPlansIT {

  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;

  @Test
  void everyConnectionPlansWithTheActualParameterValues() throws Exception {
    List<Connection> held = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) { // several connections at once: each is a new one from the pool
        Connection connection = dataSource.getConnection();
        held.add(connection);
        try (var statement = connection.createStatement(); var rs = statement.executeQuery("SHOW plan_cache_mode")) {
          rs.next();
          assertThat(rs.getString(1)).isEqualTo("force_custom_plan");
        }
        // docs/performance.md: index probes per task instead of comparing every task with every grant
        try (var statement = connection.createStatement(); var rs = statement.executeQuery("SHOW random_page_cost")) {
          rs.next();
          assertThat(rs.getString(1)).isEqualTo("1.1");
        }
      }
    } finally {
      for (Connection connection : held) {
        connection.close();
      }
    }
  }

  @Test
  void theAuthorizationTableHasStatisticsOnThePermissionBitsOfTaskQueries() {
    List<String> expressions = jdbc.queryForList(
        "SELECT pg_get_statisticsobjdef_expressions(oid)::text FROM pg_statistic_ext"
            + " WHERE stxrelid = 'act_ru_authorization'::regclass ORDER BY stxname", String.class);

    assertThat(expressions).containsExactly("{\"(perms_ & 2)\"}", "{\"(perms_ & 64)\"}");
  }
}
