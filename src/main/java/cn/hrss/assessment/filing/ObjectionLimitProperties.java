package cn.hrss.assessment.filing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code assessment.objection-limit.*}: how often one client may post objections to public notices (the public,
 * unauthenticated {@code POST /api/public-notices/{no}/objections} and the form of {@code /notices}).
 *
 * @param requests objection posts one client may make per {@code period} (a burst of this many is allowed)
 * @param period the time in which a client's full allowance comes back (continuously, not at a fixed hour)
 * @param maxClients clients remembered at once; the least recently seen is forgotten first (memory stays bounded
 *     however many addresses call)
 */
@ConfigurationProperties("assessment.objection-limit")
public record ObjectionLimitProperties(
    @DefaultValue("10") int requests,
    @DefaultValue("PT1H") Duration period,
    @DefaultValue("10000") int maxClients) implements ClientRateLimiter.ClientLimit {

  public ObjectionLimitProperties {
    ClientRateLimiter.ClientLimit.check("assessment.objection-limit", requests, period, maxClients);
  }
}
