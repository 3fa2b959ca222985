package cn.hrss.assessment.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Spring MVC's own errors come out as Chinese problem+json (CONTRACT.md "Domain REST API"). */
@IntegrationTest
class ProblemHandlerIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort
  int port;

  @Test
  void aMissingRequestParameterNamesTheField() throws Exception {
    HttpResponse<String> response = get("/api/notices");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body()).contains("\"field\":\"caseRef\"").contains("必填");
  }

  @Test
  void anUnknownPathIsAChineseProblem() throws Exception {
    HttpResponse<String> response = get("/api/no-such-thing");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("请求的地址不存在").doesNotContain("static resource");
  }

  private HttpResponse<String> get(String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("officer:officer".getBytes(StandardCharsets.UTF_8)))
        .GET().build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
