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

  @Test
  void programsWithoutBrowserHeadersPass() {
    assertThat(guard.isCrossSite(post("localhost:8080"))).isFalse();
  }

  @Test
  void aFormPostedFromAnotherSiteIsRefused() {
    MockHttpServletRequest request = post("hrss.example:8080");
    request.addHeader("Sec-Fetch-Site", "cross-site");
    assertThat(guard.isCrossSite(request)).isTrue();

    MockHttpServletRequest legacyBrowser = post("hrss.example:8080");
    legacyBrowser.addHeader("Origin", "https://attacker.example");
    assertThat(guard.isCrossSite(legacyBrowser)).isTrue();

    MockHttpServletRequest sandboxed = post("hrss.example:8080");
    sandboxed.addHeader("Origin", "null");
    assertThat(guard.isCrossSite(sandboxed)).isTrue();
  }

  @Test
  void ourOwnPagesPass() {
    MockHttpServletRequest request = post("hrss.example:8080");
    request.addHeader("Sec-Fetch-Site", "same-origin");
    assertThat(guard.isCrossSite(request)).isFalse();

    MockHttpServletRequest withOrigin = post("hrss.example:8080");
    withOrigin.addHeader("Origin", "http://hrss.example:8080");
    assertThat(guard.isCrossSite(withOrigin)).isFalse();

    MockHttpServletRequest defaultPort = post("hrss.example");
    defaultPort.addHeader("Origin", "https://hrss.example");
    assertThat(guard.isCrossSite(defaultPort)).isFalse();
  }

  @Test
  void behindAProxyThatRewritesHostThePublicAddressIsOurOrigin() {
    MockHttpServletRequest proxied = post("10.0.0.5:8080");
    proxied.addHeader("Origin", "https://pingjia.hrss.example.cn");
    assertThat(guard.isCrossSite(proxied)).isFalse();

    MockHttpServletRequest explicitPort = post("10.0.0.5:8080");
    explicitPort.addHeader("Origin", "https://PINGJIA.hrss.example.cn:443");
    assertThat(guard.isCrossSite(explicitPort)).isFalse();

    MockHttpServletRequest otherScheme = post("10.0.0.5:8080");
    otherScheme.addHeader("Origin", "http://pingjia.hrss.example.cn");
    assertThat(guard.isCrossSite(otherScheme)).isTrue();
  }

  @Test
  void aPublicBaseUrlThatIsNoUrlTrustsNothingExtra() {
    CrossSiteRequestGuard unset = new CrossSiteRequestGuard("");
    MockHttpServletRequest request = post("10.0.0.5:8080");
    request.addHeader("Origin", "https://pingjia.hrss.example.cn");
    assertThat(unset.isCrossSite(request)).isTrue();
  }
}
