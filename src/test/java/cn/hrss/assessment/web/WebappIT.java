package cn.hrss.assessment.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.support.IntegrationTest;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The Camunda webapps are served and their login (with Camunda's CSRF protection) works. */
@IntegrationTest
class WebappIT {

  @LocalServerPort
  int port;

  @Test
  void tasklistIsServed() throws Exception {
    HttpClient browser = browser(new CookieManager());

    HttpResponse<String> page = browser.send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/")).GET().build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("text/html"));
    assertThat(page.body()).containsIgnoringCase("<html").contains("tasklist");
  }

  @Test
  void adminLogsIntoTasklistWithTheCsrfToken() throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient browser = browser(cookies);
    String token = openTasklist(browser, cookies);

    HttpResponse<String> login = browser.send(login("admin", "admin", token), HttpResponse.BodyHandlers.ofString());

    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    assertThat(login.body()).contains("\"userId\":\"admin\"");
  }

  @Test
  void loginWithoutTheCsrfTokenIsRefused() throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient browser = browser(cookies);
    openTasklist(browser, cookies);

    assertThat(browser.send(login("admin", "admin", null), HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(403);
  }

  @Test
  void loginWithAWrongPasswordIsRefused() throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient browser = browser(cookies);
    String token = openTasklist(browser, cookies);

    HttpResponse<String> login = browser.send(login("admin", "wrong", token), HttpResponse.BodyHandlers.ofString());

    assertThat(login.statusCode()).as(login.body()).isEqualTo(401);
  }

  /** The first page sets the XSRF-TOKEN cookie (and the session); state-changing calls echo it in a header. */
  private String openTasklist(HttpClient browser, CookieManager cookies) throws Exception {
    browser.send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/")).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    return cookies.getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue)
        .findFirst().orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie: " + cookies.getCookieStore()));
  }

  private HttpRequest login(String user, String password, String token) {
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(form));
    if (token != null) {
      builder.header("X-XSRF-TOKEN", token);
    }
    return builder.build();
  }

  private static HttpClient browser(CookieManager cookies) {
    return HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
