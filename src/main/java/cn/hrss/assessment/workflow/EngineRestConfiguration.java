package cn.hrss.assessment.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Guards in front of Camunda's engine REST resources. */
@Configuration(proxyBeanMethods = false)
class EngineRestConfiguration {

  /**
   * On engine REST and on the webapps' copy of it (Tasklist completes tasks through /camunda/api/engine), before
   * Camunda's REST servlet; an empty body is refused whoever sends it (it reveals nothing).
   */
  @Bean
  FilterRegistrationBean<EngineRestBodyGuard> engineRestBodyGuard() {
    FilterRegistrationBean<EngineRestBodyGuard> registration = new FilterRegistrationBean<>(new EngineRestBodyGuard());
    registration.setName("engine-rest-body-guard");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
    return registration;
  }

  /** Drops Camunda's English prefix from the refusals of our completion rules, on the same two paths. */
  @Bean
  FilterRegistrationBean<RefusedCompletionMessageFilter> refusedCompletionMessageFilter(ObjectMapper json) {
    FilterRegistrationBean<RefusedCompletionMessageFilter> registration =
        new FilterRegistrationBean<>(new RefusedCompletionMessageFilter(json));
    registration.setName("refused-completion-message-filter");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    return registration;
  }
}
