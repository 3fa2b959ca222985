package cn.hrss.assessment.filing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code assessment.application-limit.*}: how often one client may post the online application form ({@code /apply}).
 * Each accepted post stores files, starts a procedure and mails the address typed in, so an open form must not be a
 * way to flood the acceptance officers or to send mail to strangers (our choice; {@code POST /api/filings} from the
 * portal's back end is not limited this way).
 *
 * @param requests posts one client may make per {@code period} (a burst of this many is allowed)
 * @param period the time in which a client's full allowance comes back
 * @param maxClients clients remembered at once (least recently seen forgotten first)
 */
@ConfigurationProperties("assessment.application-limit")
public record ApplicationLimitProperties(
    @DefaultValue("20") int requests,
    @DefaultValue("PT1H") Duration period,
    @DefaultValue("10000") int maxClients) implements ClientRateLimiter.ClientLimit {

  public ApplicationLimitProperties {
    ClientRateLimiter.ClientLimit.check("assessment.application-limit", requests, period, maxClients);
  }
}
