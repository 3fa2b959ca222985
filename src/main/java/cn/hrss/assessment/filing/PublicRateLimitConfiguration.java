package cn.hrss.assessment.filing;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The per-client limits of the public POSTs: objections (API and the form of {@code /notices}), the token look-ups
 * of the status pages ({@code /status} with its supplement and receipt forms, {@code /case-status}) and the online
 * application form ({@code /apply}). {@code POST /api/filings} is not limited per address:
 * it comes from the provincial portal's back end, one address for every applicant (a retry is harmless with an
 * Idempotency-Key, and an institution has one open application at a time).
 */
@Configuration(proxyBeanMethods = false)
class PublicRateLimitConfiguration {

  @Bean
  FilterRegistrationBean<ClientRateLimitFilter> objectionRateLimit(ObjectionLimitProperties properties) {
    FilterRegistrationBean<ClientRateLimitFilter> registration = new FilterRegistrationBean<>(
        new ClientRateLimitFilter(new ClientRateLimiter(properties, System::nanoTime),
            request -> request.getRequestURI().endsWith("/objections"), "提交异议"));
    registration.setName("objection-rate-limit");
    registration.addUrlPatterns("/api/public-notices/*", "/notices/*");
    // After the cross-site guard (HIGHEST_PRECEDENCE), before anything reads the body.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ClientRateLimitFilter> lookupRateLimit(LookupLimitProperties properties) {
    FilterRegistrationBean<ClientRateLimitFilter> registration = new FilterRegistrationBean<>(
        new ClientRateLimitFilter(new ClientRateLimiter(properties, System::nanoTime), request -> true, "查询"));
    registration.setName("lookup-rate-limit");
    // /status/* : the supplement and receipt forms of the status page also take the number and token.
    // /institution, /institution/* : the institution's area signs in with its filing code and token likewise.
    registration.addUrlPatterns("/status", "/status/*", "/institution", "/institution/*", "/case-status");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ClientRateLimitFilter> applicationRateLimit(ApplicationLimitProperties properties) {
    FilterRegistrationBean<ClientRateLimitFilter> registration = new FilterRegistrationBean<>(
        new ClientRateLimitFilter(new ClientRateLimiter(properties, System::nanoTime), request -> true, "提交备案申请"));
    registration.setName("application-rate-limit");
    registration.addUrlPatterns("/apply");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
