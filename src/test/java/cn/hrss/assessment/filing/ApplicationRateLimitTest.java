package cn.hrss.assessment.filing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The online application form is limited per client like the other public posts (issue 17; our choice). */
class ApplicationRateLimitTest {

  @Test
  void theFormsPostsBeyondTheAllowanceAreRefusedWith429AndItsPageIsNot() throws Exception {
    FilterRegistrationBean<ClientRateLimitFilter> registration = new PublicRateLimitConfiguration()
        .applicationRateLimit(new ApplicationLimitProperties(2, Duration.ofHours(1), 100));
    assertThat(registration.getUrlPatterns()).containsExactly("/apply");
    AtomicInteger passed = new AtomicInteger();
    FilterChain chain = (request, response) -> passed.incrementAndGet();

    for (int i = 0; i < 2; i++) {
      assertThat(post(registration, chain, "198.51.100.7").getStatus()).isEqualTo(200);
    }
    MockHttpServletResponse refused = post(registration, chain, "198.51.100.7");
    assertThat(refused.getStatus()).isEqualTo(429);
    assertThat(refused.getHeader("Retry-After")).isNotBlank();
    assertThat(refused.getContentAsString()).contains("提交备案申请过于频繁");
    assertThat(post(registration, chain, "198.51.100.8").getStatus()).as("another client").isEqualTo(200);

    MockHttpServletRequest page = new MockHttpServletRequest("GET", "/apply");
    page.setRemoteAddr("198.51.100.7");
    registration.getFilter().doFilter(page, new MockHttpServletResponse(), chain);
    assertThat(passed).hasValue(4);
  }

  private static MockHttpServletResponse post(FilterRegistrationBean<ClientRateLimitFilter> registration, FilterChain chain,
      String client) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/apply");
    request.setRemoteAddr(client);
    MockHttpServletResponse response = new MockHttpServletResponse();
    registration.getFilter().doFilter(request, response, chain);
    return response;
  }
}
