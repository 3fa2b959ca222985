package cn.hrss.assessment.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers of the public pages and the domain API (issue 16, item 7), set before the page is written:
 * <ul>
 *   <li>{@code Content-Security-Policy}: scripts, frames, forms and everything else only from our own origin, no
 *       inline script (the pages have none; their styles are inline), never framed by another site;</li>
 *   <li>{@code X-Content-Type-Options: nosniff}: an uploaded material or an answer is never read as another type;</li>
 *   <li>{@code Referrer-Policy: no-referrer}: nothing of our addresses leaves with a link to another site.</li>
 * </ul>
 * The Camunda webapps ({@code /camunda/*}) keep the headers Camunda sets for them.
 */
@Configuration(proxyBeanMethods = false)
class PublicPageHeaders {

  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
      + " img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> publicPageSecurityHeaders() {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        chain.doFilter(request, response);
      }
    });
    registration.setName("public-page-security-headers");
    registration.addUrlPatterns("/", "/apply", "/notices", "/notices/*", "/directory", "/announcements", "/status",
        "/status/*", "/institution", "/institution/*", "/case-status", "/complaints", "/complaints/*", "/supervision-results", "/api/*", "/js/*");
    return registration;
  }
}
