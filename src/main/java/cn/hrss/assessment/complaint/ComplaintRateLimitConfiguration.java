package cn.hrss.assessment.complaint;

import cn.hrss.assessment.filing.ClientRateLimitFilter;
import cn.hrss.assessment.filing.ClientRateLimiter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The per-client limit of the public complaint POSTs (issue 14 item 5; issue 16 item 7: every public POST). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ComplaintLimitProperties.class)
class ComplaintRateLimitConfiguration {

  @Bean
  FilterRegistrationBean<ClientRateLimitFilter> complaintRateLimit(ComplaintLimitProperties properties) {
    FilterRegistrationBean<ClientRateLimitFilter> registration = new FilterRegistrationBean<>(
        new ClientRateLimitFilter(new ClientRateLimiter(properties, System::nanoTime), request -> true, "提交或查询投诉"));
    registration.setName("complaint-rate-limit");
    registration.addUrlPatterns("/api/complaints", "/complaints", "/complaints/lookup");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
