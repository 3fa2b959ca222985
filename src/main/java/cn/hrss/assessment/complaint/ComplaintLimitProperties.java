package cn.hrss.assessment.complaint;

import cn.hrss.assessment.filing.ClientRateLimiter;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code assessment.complaint-limit.*}: how often one client may post a complaint or look one up (the public
 * {@code POST /api/complaints}, the form of {@code /complaints} and its look-up), like the objections.
 *
 * @param requests posts one client may make per {@code period} (a burst of this many is allowed)
 * @param period the time in which a client's full allowance comes back
 * @param maxClients clients remembered at once (least recently seen forgotten first)
 */
@ConfigurationProperties("assessment.complaint-limit")
public record ComplaintLimitProperties(
    @DefaultValue("10") int requests,
    @DefaultValue("PT1H") Duration period,
    @DefaultValue("10000") int maxClients) implements ClientRateLimiter.ClientLimit {

  public ComplaintLimitProperties {
    ClientRateLimiter.ClientLimit.check("assessment.complaint-limit", requests, period, maxClients);
  }
}
