package cn.hrss.assessment.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/** Security headers on every public page and the domain API (issue 16, item 7); the webapps keep Camunda's. */
@IntegrationTest
class PublicPageHeadersIT {

  @Autowired TestRestTemplate http;

  @Test
  void everyPublicPageForbidsInlineScriptFramingAndSniffing() {
    for (String page : List.of("/", "/apply", "/notices", "/directory", "/announcements", "/status", "/case-status",
        "/complaints", "/institution", "/supervision-results", "/api/calendar/2027", "/api/directory", "/api/scorecards/ON_SITE", "/js/apply.js")) {
      ResponseEntity<String> answer = http.getForEntity(page, String.class);
      assertThat(answer.getStatusCode().is2xxSuccessful()).as(page).isTrue();
      HttpHeaders headers = answer.getHeaders();
      String csp = headers.getFirst("Content-Security-Policy");
      assertThat(csp).as(page).contains("script-src 'self'").contains("frame-ancestors 'none'")
          .contains("form-action 'self'");
      assertThat(csp.substring(csp.indexOf("script-src"), csp.indexOf(';', csp.indexOf("script-src"))))
          .as(page).doesNotContain("unsafe-inline");
      assertThat(headers.getFirst("X-Content-Type-Options")).as(page).isEqualTo("nosniff");
      assertThat(headers.getFirst("Referrer-Policy")).as(page).isEqualTo("no-referrer");
    }
    for (String page : List.of("/", "/notices", "/directory", "/announcements", "/status", "/case-status", "/complaints")) {
      assertThat(http.getForObject(page, String.class)).as(page + " has no inline script").doesNotContain("<script");
    }
  }
}
