package cn.hrss.assessment.filing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ClientRateLimiterTest {

  final AtomicLong now = new AtomicLong(1_000);
  final ClientRateLimiter limiter = new ClientRateLimiter(
      new ObjectionLimitProperties(3, Duration.ofMinutes(30), 2), now::get);

  @Test
  void aClientMayBurstUpToTheLimitAndIsToldWhenTheNextRequestIsAllowed() {
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.acquire("203.0.113.1")).isEmpty();
    }
    // 3 per 30 minutes: one token every 10 minutes.
    assertThat(limiter.acquire("203.0.113.1")).hasValue(600);
    assertThat(limiter.acquire("203.0.113.2")).isEmpty();
    now.addAndGet(TimeUnit.MINUTES.toNanos(9));
    assertThat(limiter.acquire("203.0.113.1")).hasValue(60);
    now.addAndGet(TimeUnit.MINUTES.toNanos(1));
    assertThat(limiter.acquire("203.0.113.1")).isEmpty();
    assertThat(limiter.acquire("203.0.113.1")).isPresent();
  }

  @Test
  void rememberedClientsAreBoundedLeastRecentlySeenFirst() {
    limiter.acquire("a");
    limiter.acquire("b");
    limiter.acquire("a");
    limiter.acquire("c");
    assertThat(limiter.clients()).isEqualTo(2);
    // "b" was forgotten: a fresh bucket; "a" still counts its two requests.
    limiter.acquire("a");
    assertThat(limiter.acquire("a")).isPresent();
  }

  @Test
  void theFilterKeysOnTheRemoteAddressAndIgnoresAClientsOwnForwardedHeader() throws Exception {
    ClientRateLimitFilter filter = objections();
    for (int i = 0; i < 3; i++) {
      assertThat(post(filter, "198.51.100.7", "10.9.9." + i).getStatus()).isEqualTo(200);
    }
    MockHttpServletResponse refused = post(filter, "198.51.100.7", "10.9.9.99");
    assertThat(refused.getStatus()).isEqualTo(429);
    assertThat(refused.getHeader("Retry-After")).isEqualTo("600");
    assertThat(refused.getContentType()).startsWith("application/problem+json");
    assertThat(refused.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("请求过于频繁");
  }

  @Test
  void onlyObjectionPostsCount() throws Exception {
    ClientRateLimitFilter filter = objections();
    for (int i = 0; i < 5; i++) {
      MockHttpServletRequest get = new MockHttpServletRequest("GET", "/notices");
      get.setRemoteAddr("198.51.100.8");
      MockHttpServletResponse response = new MockHttpServletResponse();
      filter.doFilter(get, response, new MockFilterChain());
      assertThat(response.getStatus()).isEqualTo(200);
    }
    assertThat(limiter.clients()).isZero();
  }

  @Test
  void statusPageLookUpsAreLimitedToo() throws Exception {
    ClientRateLimitFilter filter = new ClientRateLimitFilter(new ClientRateLimiter(
        new LookupLimitProperties(2, Duration.ofMinutes(30), 10), now::get), request -> true, "查询");
    for (int i = 0; i < 2; i++) {
      assertThat(lookUp(filter).getStatus()).isEqualTo(200);
    }
    MockHttpServletResponse refused = lookUp(filter);
    assertThat(refused.getStatus()).isEqualTo(429);
    assertThat(refused.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("查询过于频繁");
  }

  private ClientRateLimitFilter objections() {
    return new ClientRateLimitFilter(limiter, request -> request.getRequestURI().endsWith("/objections"), "提交异议");
  }

  private static MockHttpServletResponse lookUp(ClientRateLimitFilter filter) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/status");
    request.setRemoteAddr("198.51.100.9");
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, new MockFilterChain());
    return response;
  }

  private static MockHttpServletResponse post(ClientRateLimitFilter filter, String remote, String forwardedFor)
      throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/public-notices/BA2026000001/objections");
    request.setRemoteAddr(remote);
    request.addHeader("X-Forwarded-For", forwardedFor);
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, new MockFilterChain());
    return response;
  }

}
