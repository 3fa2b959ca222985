package cn.hrss.assessment.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * HTTP Basic against Camunda identity for {@code /engine-rest} (401 without credentials) and caller
 * resolution for the domain API. The webapps keep their own session login and CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-basic-authentication");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    return registration;
  }

  @Bean
  FilterRegistrationBean<ApiAuthenticationFilter> domainApiAuthentication(IdentityService identityService) {
    FilterRegistrationBean<ApiAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ApiAuthenticationFilter(identityService, false));
    registration.setName("domain-api-authentication");
    registration.addUrlPatterns("/api/*");
    return registration;
  }

  /**
   * Before authentication: a cross-site browser request must not ride on cached Basic credentials. The public
   * pages' forms (objections on {@code /notices}, the online application {@code /apply}, the status pages with
   * their supplement and receipt forms) are guarded the same way: they carry no
   * credentials, but another site must not post objections in its visitors' names or drive the token lookups.
   */
  @Bean
  FilterRegistrationBean<CrossSiteRequestGuard> crossSiteRequestGuard(
      @Value("${assessment.public-base-url}") String publicBaseUrl) {
    FilterRegistrationBean<CrossSiteRequestGuard> registration =
        new FilterRegistrationBean<>(new CrossSiteRequestGuard(publicBaseUrl));
    registration.setName("cross-site-request-guard");
    registration.addUrlPatterns("/engine-rest/*", "/api/*", "/notices/*", "/apply", "/status", "/status/*",
        "/institution", "/institution/*", "/case-status", "/complaints", "/complaints/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /** Before every Basic authentication: credentials with control characters never reach an identity query. */
  @Bean
  FilterRegistrationBean<BasicCredentialsGuard> basicCredentialsGuard() {
    FilterRegistrationBean<BasicCredentialsGuard> registration = new FilterRegistrationBean<>(new BasicCredentialsGuard());
    registration.setName("basic-credentials-guard");
    registration.addUrlPatterns("/engine-rest/*", "/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }

  /** Camunda leaves the engine list open; here every engine-rest resource needs credentials. */
  @Bean
  FilterRegistrationBean<ApiAuthenticationFilter> engineListAuthentication(IdentityService identityService) {
    FilterRegistrationBean<ApiAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ApiAuthenticationFilter(identityService, true));
    registration.setName("engine-list-authentication");
    registration.addUrlPatterns("/engine-rest/engine", "/engine-rest/engine/");
    return registration;
  }
}
