package cn.hrss.assessment.support;

import cn.hrss.assessment.workflow.TestDateSwitch;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The tests' "now". Tests never depend on the real date: Spring tests run on a pinned engine clock
 * ({@link PinnedClockTestExecutionListener}), the application JVMs the crash and cluster tests start run from a
 * pinned start date ({@link #childJvmDate()}), and the whole suite can be moved to another day with the date switch
 * {@code -Dassessment.test.today=yyyy-MM-dd} ({@link TestDateSwitch}), which {@link DateSwitchSessionListener}
 * applies to the test JVM and {@link ApplicationJvm} to its children.
 */
public final class TestClock {

  /** Start date of the application JVMs without the switch: a working Monday clear of any holiday. */
  public static final LocalDate CHILD_JVM_DATE = LocalDate.of(2026, 3, 2);
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private TestClock() {}

  /** The engine clock follows the real time again, shifted by the date switch when it is set. */
  public static void reset() {
    ClockUtil.reset();
    TestDateSwitch.apply();
  }

  /** The engine's current time (the pinned one, or the real time shifted by the switch). */
  public static Date now() {
    return ClockUtil.getCurrentTime();
  }

  /** The same, as an instant. */
  public static Instant instant() {
    return now().toInstant();
  }

  /**
   * The engine clock of the application JVMs right now ({@link #childJvmDate()} with the real time of day): what
   * the crash and cluster tests compare the children's due dates and job locks with.
   */
  public static Date childJvmNow() {
    long days = ChronoUnit.DAYS.between(LocalDate.now(ZONE), childJvmDate());
    return new Date(System.currentTimeMillis() + days * 86_400_000L);
  }

  /** The day the application JVMs of the resilience tests start on: the switch's day, else {@link #CHILD_JVM_DATE}. */
  public static LocalDate childJvmDate() {
    LocalDate day = TestDateSwitch.day();
    return day == null ? CHILD_JVM_DATE : day;
  }
}
