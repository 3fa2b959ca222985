package cn.hrss.assessment.filing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code assessment.lookup-limit.*}: how often one client may post a look-up on the public status pages
 * ({@code /status}: application number + access token; {@code /case-status}: case number + token). The tokens are
 * long and random; the limit keeps the pages from being a way to try them, and from being flooded.
 *
 * @param requests look-ups one client may make per {@code period} (a burst of this many is allowed)
 * @param period the time in which a client's full allowance comes back
 * @param maxClients clients remembered at once (least recently seen forgotten first)
 */
@ConfigurationProperties("assessment.lookup-limit")
public record LookupLimitProperties(
    @DefaultValue("60") int requests,
    @DefaultValue("PT1H") Duration period,
    @DefaultValue("10000") int maxClients) implements ClientRateLimiter.ClientLimit {

  public LookupLimitProperties {
    ClientRateLimiter.ClientLimit.check("assessment.lookup-limit", requests, period, maxClients);
  }
}
