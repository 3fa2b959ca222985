package cn.hrss.assessment.support;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Every Spring test starts on a fixed engine clock, {@link #PINNED} (a Monday), and the clock is reset afterwards.
 * Deadlines count working days from the engine clock, and the calendar knows only the years it has data for
 * (tyme4j: up to 2026): on the real date a 20-working-day deadline would reach into a year without data some
 * weeks before New Year and fail the build for reasons outside the code. A test that needs another moment
 * moves the clock itself ({@link Jobs#moveClockTo}) in its own {@code @BeforeEach} or test, which runs after this.
 * Registered in META-INF/spring.factories.
 */
public class PinnedClockTestExecutionListener implements TestExecutionListener, Ordered {

  /** 2026-03-02 09:00 Beijing time: a working Monday, clear of the Spring Festival and Qingming. */
  public static final LocalDateTime PINNED = LocalDateTime.of(2026, 3, 2, 9, 0);

  @Override
  public void beforeTestMethod(TestContext testContext) {
    ClockUtil.setCurrentTime(Date.from(PINNED.atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
  }

  @Override
  public void afterTestMethod(TestContext testContext) {
    TestClock.reset();
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
