package cn.hrss.assessment.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Raw HTTP against the running application, so that a test can send what no well-behaved client would: malformed
 * JSON, wrong content types, file names with NUL or backslashes, oversized bodies.
 */
final class Http {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();

  private final int port;

  Http(int port) {
    this.port = port;
  }

  record Response(int status, String contentType, Map<String, String> headers, String body) {

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (" + status + " " + contentType + "): " + body, e);
      }
    }

    /** A refusal as CONTRACT.md promises: 4xx, {@code application/problem+json}, a Chinese title and the status. */
    Response isProblem() {
      assertThat(status).as("status of a refused request; body: %s", abbreviated()).isBetween(400, 499);
      assertThat(contentType).as("content type; body: %s", abbreviated()).startsWith("application/problem+json");
      JsonNode problem = json();
      assertThat(problem.path("title").asText()).as("title").containsPattern("\\p{IsHan}");
      assertThat(problem.path("status").asInt()).isEqualTo(status);
      return this;
    }

    Response isProblem(int expected) {
      isProblem();
      assertThat(status).as("status; body: %s", abbreviated()).isEqualTo(expected);
      return this;
    }

    String abbreviated() {
      return body.length() > 500 ? body.substring(0, 500) + "…" : body;
    }
  }

  static Map<String, String> basic(String user) {
    return Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
        .getBytes(StandardCharsets.UTF_8)));
  }

  /** {@code Authorization: Basic} of {@code userColonPassword} as given (which need not contain a colon). */
  static String basicRaw(String userColonPassword) {
    return "Basic " + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
  }

  static Map<String, String> bearer(String token) {
    return Map.of("Authorization", "Bearer " + token);
  }

  Response get(String path, Map<String, String> headers) {
    return send("GET", path, null, null, headers);
  }

  Response postJson(String path, String json, Map<String, String> headers) {
    return send("POST", path, "application/json", json.getBytes(StandardCharsets.UTF_8), headers);
  }

  Response postForm(String path, Map<String, String> fields, Map<String, String> headers) {
    StringBuilder body = new StringBuilder();
    fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
        .append(java.net.URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
        .append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return send("POST", path, "application/x-www-form-urlencoded", body.toString().getBytes(StandardCharsets.UTF_8),
        headers);
  }

  Response send(String method, String path, String contentType, byte[] body, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(60))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    headers.forEach(request::header);
    try {
      HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      Map<String, String> responseHeaders = new LinkedHashMap<>();
      response.headers().map().forEach((name, values) -> responseHeaders.put(name.toLowerCase(), String.join(",", values)));
      return new Response(response.statusCode(), responseHeaders.getOrDefault("content-type", ""), responseHeaders,
          new String(response.body(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A multipart/form-data body written byte by byte: part names, file names and contents exactly as given. */
  static final class Multipart {

    private final String boundary = "hostile-" + UUID.randomUUID();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    Multipart text(String name, String contentType, String value) {
      return part("form-data; name=\"" + name + "\"", contentType, value.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code fileName} goes into the header as raw UTF-8 (quotes escaped as browsers do). */
    Multipart file(String name, String fileName, String contentType, byte[] content) {
      return part("form-data; name=\"" + name + "\"; filename=\"" + fileName.replace("\"", "%22") + "\"", contentType,
          content);
    }

    private Multipart part(String disposition, String contentType, byte[] content) {
      write("--" + boundary + "\r\nContent-Disposition: " + disposition + "\r\n"
          + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n") + "\r\n");
      body.writeBytes(content);
      write("\r\n");
      return this;
    }

    String contentType() {
      return "multipart/form-data; boundary=" + boundary;
    }

    byte[] bytes() {
      ByteArrayOutputStream copy = new ByteArrayOutputStream();
      copy.writeBytes(body.toByteArray());
      copy.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      return copy.toByteArray();
    }

    private void write(String s) {
      body.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
  }

  Response post(String path, Multipart multipart, Map<String, String> headers) {
    return send("POST", path, multipart.contentType(), multipart.bytes(), headers);
  }
}
