package cn.hrss.assessment.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers {@link DatabaseOutageFilter} in front of every other filter, on every path. */
@Configuration(proxyBeanMethods = false)
class DatabaseOutageConfiguration {

  @Bean
  FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter() {
    FilterRegistrationBean<DatabaseOutageFilter> registration = new FilterRegistrationBean<>(new DatabaseOutageFilter());
    registration.setName("database-outage");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
