package cn.hrss.assessment.calendar;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The calendar's periodic work on every node ({@code assessment.calendar.scheduled}, on by default; the test
 * profile calls the methods itself):
 * <ul>
 *   <li>the recomputation sweep ({@code assessment.calendar.sweep-interval}, 5 minutes): deadlines a load did not
 *       reach (computed concurrently on another node, or deferred because the case moved), passed ones closed;</li>
 *   <li>from {@code assessment.calendar.warn-from} (1 October) on, a daily WARN that next year is still
 *       provisional, and once per year an e-mail to the managers ({@link ProvisionalYearAhead}).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "assessment.calendar.scheduled", havingValue = "true", matchIfMissing = true)
class CalendarTasks {

  private static final Logger LOG = LoggerFactory.getLogger(CalendarTasks.class);

  private final DeadlineRecomputation recomputation;
  private final ProvisionalYearWarning warning;

  CalendarTasks(DeadlineRecomputation recomputation, ProvisionalYearWarning warning) {
    this.recomputation = recomputation;
    this.warning = warning;
  }

  @Scheduled(fixedDelayString = "${assessment.calendar.sweep-interval:PT5M}",
      initialDelayString = "${assessment.calendar.sweep-interval:PT5M}")
  void sweep() {
    try {
      recomputation.sweep();
    } catch (RuntimeException e) {
      LOG.error("Deadline recomputation sweep failed; it runs again at the next interval", e);
    }
  }

  @EventListener(ApplicationReadyEvent.class)
  void atStart() {
    warning.check();
  }

  @Scheduled(cron = "0 0 8 * * *", zone = "${assessment.calendar.zone:Asia/Shanghai}")
  void daily() {
    warning.check();
  }
}
