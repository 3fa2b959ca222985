package cn.hrss.assessment.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class CrossSiteRequestGuardTest {

  private final CrossSiteRequestGuard guard = new CrossSiteRequestGuard("https://pingjia.hrss.example.cn/");

  private static MockHttpServletRequest post(String host) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/engine-rest/deployment/create");
    request.addHeader("Host", host);
    return request;
  }

  /** A POST to {@code host} carrying one browser header ({@code Origin} or {@code Sec-Fetch-Site}). */
  private static MockHttpServletRequest post(String host, String header, String value) {
    MockHttpServletRequest request = post(host);
    request.addHeader(header, value);
    return request;
  }

  @Test
  void programsWithoutBrowserHeadersPass() {
    assertThat(guard.isCrossSite(post("localhost:8080"))).isFalse();
  }

  @Test
  void aFormPostedFromAnotherSiteIsRefused() {
    assertThat(guard.isCrossSite(post("hrss.example:8080", "Sec-Fetch-Site", "cross-site"))).isTrue();
    assertThat(guard.isCrossSite(post("hrss.example:8080", "Origin", "https://attacker.example"))).isTrue();
    assertThat(guard.isCrossSite(post("hrss.example:8080", "Origin", "null"))).isTrue();
  }

  @Test
  void ourOwnPagesPass() {
    assertThat(guard.isCrossSite(post("hrss.example:8080", "Sec-Fetch-Site", "same-origin"))).isFalse();
    assertThat(guard.isCrossSite(post("hrss.example:8080", "Origin", "http://hrss.example:8080"))).isFalse();
    assertThat(guard.isCrossSite(post("hrss.example", "Origin", "https://hrss.example"))).isFalse();
  }

  @Test
  void behindAProxyThatRewritesHostThePublicAddressIsOurOrigin() {
    assertThat(guard.isCrossSite(post("10.0.0.5:8080", "Origin", "https://pingjia.hrss.example.cn"))).isFalse();
    assertThat(guard.isCrossSite(post("10.0.0.5:8080", "Origin", "https://PINGJIA.hrss.example.cn:443"))).isFalse();
    assertThat(guard.isCrossSite(post("10.0.0.5:8080", "Origin", "http://pingjia.hrss.example.cn"))).isTrue();
  }

  @Test
  void aPublicBaseUrlThatIsNoUrlTrustsNothingExtra() {
    CrossSiteRequestGuard unset = new CrossSiteRequestGuard("");
    assertThat(unset.isCrossSite(post("10.0.0.5:8080", "Origin", "https://pingjia.hrss.example.cn"))).isTrue();
  }
}
