package cn.hrss.assessment.workflow;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The test suite's date switch: the JVM system property {@code assessment.test.today} ({@code yyyy-MM-dd}) moves
 * the engine clock ({@link ClockUtil}, which every date of the application is taken from) by whole days, so that
 * today is that day while the clock keeps running. For tests only: {@code mvn verify -Dassessment.test.today=2027-06-15}
 * runs the whole suite, the child JVMs of the crash and cluster tests included, as if it were that day (libfaketime
 * would do it for the whole process tree, but slows the JVM's start beyond the tests' limits). Applied by
 * {@code main} before Spring starts and by the test support; a production deployment never sets it, and the log
 * says so loudly when it is set.
 */
public final class TestDateSwitch {

  public static final String PROPERTY = "assessment.test.today";
  private static final Logger LOG = LoggerFactory.getLogger(TestDateSwitch.class);
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private TestDateSwitch() {}

  /** The day the switch names, or {@code null} when it is not set. */
  public static LocalDate day() {
    String value = System.getProperty(PROPERTY);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("-D" + PROPERTY + " must be a date yyyy-MM-dd: " + value, e);
    }
  }

  /**
   * Shifts the engine clock so that today (Beijing time) is {@link #day()}, if the switch is set; else leaves the
   * clock alone. Idempotent: the shift is whole days between the real and the named day.
   *
   * @return whether the clock was shifted
   */
  public static boolean apply() {
    LocalDate day = day();
    if (day == null) {
      return false;
    }
    LocalDate real = LocalDate.now(ZONE);
    ClockUtil.offset(ChronoUnit.DAYS.between(real, day) * 86_400_000L);
    return true;
  }

  /** {@link #apply()} for the application's start, with a warning in the log. */
  public static void applyAtStart() {
    if (apply()) {
      LOG.warn("TEST DATE SWITCH -D{}={}: the engine clock runs {} days off the real date. Never set this in "
          + "production.", PROPERTY, day(), ChronoUnit.DAYS.between(LocalDate.now(ZONE), day()));
    }
  }
}
