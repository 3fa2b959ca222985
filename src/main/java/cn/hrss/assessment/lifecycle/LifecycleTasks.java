package cn.hrss.assessment.lifecycle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The expiry sweep on every node ({@code assessment.lifecycle.scheduled}, on by default; the test profile drives
 * {@link ExpiryWatch#sweep()} itself): at start (reminders missed during downtime) and every
 * {@code assessment.lifecycle.sweep-interval}. Nodes may sweep at once: each notice is recorded once (ExpiryWatch).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "assessment.lifecycle.scheduled", havingValue = "true", matchIfMissing = true)
class LifecycleTasks {

  private static final Logger LOG = LoggerFactory.getLogger(LifecycleTasks.class);

  private final ExpiryWatch expiry;

  LifecycleTasks(ExpiryWatch expiry) {
    this.expiry = expiry;
  }

  @EventListener(ApplicationReadyEvent.class)
  void atStart() {
    sweep();
  }

  @Scheduled(fixedDelayString = "${assessment.lifecycle.sweep-interval:PT15M}",
      initialDelayString = "${assessment.lifecycle.sweep-interval:PT15M}")
  void sweep() {
    try {
      int queued = expiry.sweep();
      if (queued > 0) {
        LOG.info("Expiry sweep: {} notice(s) queued", queued);
      }
    } catch (RuntimeException e) {
      LOG.error("Expiry sweep failed; it runs again at the next interval", e);
    }
  }
}
