package cn.hrss.assessment.filing;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The per-client limit of the public objection endpoints (API and the form of {@code /notices}). */
@Configuration(proxyBeanMethods = false)
class ObjectionRateLimitConfiguration {

  @Bean
  FilterRegistrationBean<ObjectionRateLimitFilter> objectionRateLimit(ObjectionLimitProperties properties) {
    FilterRegistrationBean<ObjectionRateLimitFilter> registration = new FilterRegistrationBean<>(
        new ObjectionRateLimitFilter(new ClientRateLimiter(properties, System::nanoTime)));
    registration.setName("objection-rate-limit");
    registration.addUrlPatterns("/api/public-notices/*", "/notices/*");
    // After the cross-site guard (HIGHEST_PRECEDENCE), before anything reads the body.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
