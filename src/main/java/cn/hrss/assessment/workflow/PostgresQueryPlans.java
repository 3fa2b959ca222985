package cn.hrss.assessment.workflow;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, every connection plans each statement with its actual parameter values
 * ({@code plan_cache_mode = force_custom_plan}), unless the operator set {@code spring.datasource.hikari.connection-init-sql}
 * himself. The JDBC driver turns a statement run five times into a server-side prepared statement, and PostgreSQL
 * then plans it once for unknown values: Camunda's authorization check in a task query ({@code PERMS_ & ? = ?}) is
 * estimated to match 0.5 % of the grants, and a group filter's count with 20,000 open tasks compared every task
 * with every grant (over 30 s). With the values known, the statistics of migration V23 apply and the count takes
 * 0.4 s. The price is planning each statement again, small beside Camunda's statements' execution.
 *
 * <p>Every connection also prices a random page read as 1.1 sequential ones ({@code random_page_cost = 1.1}, the
 * usual setting for SSDs and for a database that fits in memory; PostgreSQL's default of 4 assumes spinning disks).
 * Camunda's authorization check joins the grants with {@code AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*')}, an OR
 * that rules out a hash join: at the default cost PostgreSQL compares every visible task with every grant (a filter
 * count of 1,667 tasks: 11 million comparisons, 1.3 s); at 1.1 it probes the resource-id index per task (0.08 s).
 * Measured in docs/performance.md.
 */
@Component
class PostgresQueryPlans implements BeanPostProcessor {

  static final String CUSTOM_PLANS = "SET plan_cache_mode = force_custom_plan; SET random_page_cost = 1.1";
  private static final Logger LOG = LoggerFactory.getLogger(PostgresQueryPlans.class);

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
        && pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
      if (pool.getConnectionInitSql() == null) {
        pool.setConnectionInitSql(CUSTOM_PLANS);
      } else {
        LOG.info("spring.datasource.hikari.connection-init-sql is set; not adding '{}'", CUSTOM_PLANS);
      }
    }
    return bean;
  }
}
