package cn.hrss.assessment.benchmark;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements an application context sends to its database: the context's {@link DataSource} bean
 * is wrapped (benchmark only) so that every executed statement, and every statement added to a JDBC batch, counts
 * once, by its SQL text. The benchmark's own bookkeeping queries use the unwrapped data source and do not count.
 */
final class StatementCounter implements BeanPostProcessor {

  private final LongAdder total = new LongAdder();
  private final Map<String, LongAdder> bySql = new ConcurrentHashMap<>();
  private volatile DataSource raw;

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass()) && raw == null) {
      raw = dataSource;
      return proxy(DataSource.class, dataSource, (target, method, args) -> {
        Object result = invoke(target, method, args);
        return result instanceof Connection c ? connection(c) : result;
      });
    }
    return bean;
  }

  /** The unwrapped data source, for queries that must not count. */
  DataSource raw() {
    return raw;
  }

  long total() {
    return total.sum();
  }

  void reset() {
    total.reset();
    bySql.clear();
  }

  /** The most frequent statements, normalised to their first 160 characters. */
  Map<String, Long> top(int n) {
    Map<String, Long> top = new LinkedHashMap<>();
    bySql.entrySet().stream()
        .sorted(Comparator.comparingLong((Map.Entry<String, LongAdder> e) -> e.getValue().sum()).reversed())
        .limit(n)
        .forEach(e -> top.put(e.getKey(), e.getValue().sum()));
    return top;
  }

  private void count(String sql) {
    total.increment();
    bySql.computeIfAbsent(key(sql), k -> new LongAdder()).increment();
  }

  /**
   * The statement's first 160 characters with each run of white space as one blank. Only as much of the text as
   * that needs is read: MyBatis statements are kilobytes of white space, and a regular expression over all of it
   * cost the measured JVM several per cent of its CPU.
   */
  static String key(String sql) {
    if (sql == null) {
      return "?";
    }
    StringBuilder key = new StringBuilder(160);
    boolean blank = false;
    for (int i = 0; i < sql.length() && key.length() < 160; i++) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        blank = key.length() > 0;
      } else {
        if (blank) {
          if (key.length() >= 159) {
            break;
          }
          key.append(' ');
          blank = false;
        }
        key.append(c);
      }
    }
    return key.toString();
  }

  private Connection connection(Connection connection) {
    return proxy(Connection.class, connection, (target, method, args) -> {
      Object result = invoke(target, method, args);
      String name = method.getName();
      if (result instanceof CallableStatement s) {
        return statement(CallableStatement.class, s, (String) args[0]);
      }
      if (result instanceof PreparedStatement s) {
        return statement(PreparedStatement.class, s, (String) args[0]);
      }
      if (result instanceof Statement s && name.equals("createStatement")) {
        return statement(Statement.class, s, null);
      }
      return result;
    });
  }

  private <S extends Statement> S statement(Class<S> type, S statement, String preparedSql) {
    return proxy(type, statement, (target, method, args) -> {
      String name = method.getName();
      if (name.equals("addBatch") || name.startsWith("execute") && !name.equals("executeBatch")) {
        count(args != null && args.length > 0 && args[0] instanceof String sql ? sql : preparedSql);
      }
      return invoke(target, method, args);
    });
  }

  private interface Handler {
    Object handle(Object target, Method method, Object[] args) throws Throwable;
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, T target, Handler handler) {
    InvocationHandler h = (p, method, args) -> handler.handle(target, method, args);
    return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, h);
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
