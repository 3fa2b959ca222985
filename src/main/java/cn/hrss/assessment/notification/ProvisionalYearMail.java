package cn.hrss.assessment.notification;

import cn.hrss.assessment.calendar.ProvisionalYearAhead;
import cn.hrss.assessment.identity.Groups;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the managers (group {@code managers}, the users who watch in Cockpit) that next year has no official holiday
 * schedule yet, once per year (CONTRACT.md "Working-day calendar"; the calendar decides when, see
 * {@link ProvisionalYearAhead}). Queued in the transaction that claimed the warning.
 */
@Component
class ProvisionalYearMail {

  private static final Logger LOG = LoggerFactory.getLogger(ProvisionalYearMail.class);

  private final IdentityService identity;
  private final NoticeQueue notices;
  private final String publicBaseUrl;

  ProvisionalYearMail(IdentityService identity, NoticeQueue notices,
      @org.springframework.beans.factory.annotation.Value("${assessment.public-base-url:http://localhost:8080}") String publicBaseUrl) {
    this.identity = identity;
    this.notices = notices;
    this.publicBaseUrl = publicBaseUrl;
  }

  @EventListener
  void provisionalYearAhead(ProvisionalYearAhead event) {
    List<String> managers = identity.createUserQuery().memberOfGroup(Groups.MANAGERS).list().stream()
        .map(User::getEmail).filter(Objects::nonNull).filter(e -> !e.isBlank()).distinct().toList();
    if (managers.isEmpty()) {
      LOG.warn("No manager with an e-mail address: nobody is mailed that {} is still provisional", event.year());
    }
    notices.queue("calendar-" + event.year(), "calendar-provisional-year", managers, Map.of(
        "year", event.year(),
        "noticedOn", event.noticedOn().toString(),
        "calendarUrl", publicBaseUrl + "/api/calendar/" + event.year()));
  }
}
