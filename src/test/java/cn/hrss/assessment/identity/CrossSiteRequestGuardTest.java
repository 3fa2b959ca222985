package cn.hrss.assessment.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class CrossSiteRequestGuardTest {

  private static MockHttpServletRequest post(String host) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/engine-rest/deployment/create");
    request.addHeader("Host", host);
    return request;
  }

  @Test
  void programsWithoutBrowserHeadersPass() {
    assertThat(CrossSiteRequestGuard.isCrossSite(post("localhost:8080"))).isFalse();
  }

  @Test
  void aFormPostedFromAnotherSiteIsRefused() {
    MockHttpServletRequest request = post("hrss.example:8080");
    request.addHeader("Sec-Fetch-Site", "cross-site");
    assertThat(CrossSiteRequestGuard.isCrossSite(request)).isTrue();

    MockHttpServletRequest legacyBrowser = post("hrss.example:8080");
    legacyBrowser.addHeader("Origin", "https://attacker.example");
    assertThat(CrossSiteRequestGuard.isCrossSite(legacyBrowser)).isTrue();

    MockHttpServletRequest sandboxed = post("hrss.example:8080");
    sandboxed.addHeader("Origin", "null");
    assertThat(CrossSiteRequestGuard.isCrossSite(sandboxed)).isTrue();
  }

  @Test
  void ourOwnPagesPass() {
    MockHttpServletRequest request = post("hrss.example:8080");
    request.addHeader("Sec-Fetch-Site", "same-origin");
    assertThat(CrossSiteRequestGuard.isCrossSite(request)).isFalse();

    MockHttpServletRequest withOrigin = post("hrss.example:8080");
    withOrigin.addHeader("Origin", "http://hrss.example:8080");
    assertThat(CrossSiteRequestGuard.isCrossSite(withOrigin)).isFalse();

    MockHttpServletRequest defaultPort = post("hrss.example");
    defaultPort.addHeader("Origin", "https://hrss.example");
    assertThat(CrossSiteRequestGuard.isCrossSite(defaultPort)).isFalse();
  }
}
