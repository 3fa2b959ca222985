package cn.hrss.assessment.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/** The benchmark's HTTP client: what a portal back end, Tasklist or an operator sends, with HTTP Basic. */
final class Http {

  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;

  Http(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  JsonNode get(String user, String path) {
    return send(request(user, path).GET().build(), 200);
  }

  /** A page as a browser gets it (no credentials): its HTML. */
  String page(String path) {
    HttpRequest request = request(null, path).header("Accept", "text/html").GET().build();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() != 200) {
        throw new IllegalStateException("GET " + path + " → " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  JsonNode postJson(String user, String path, Object body, int expected) {
    return postJson(user, path, body, expected, "application/json");
  }

  JsonNode postJson(String user, String path, Object body, int expected, String accept) {
    try {
      return send(request(user, path).header("Content-Type", "application/json").header("Accept", accept)
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), expected);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** multipart/form-data with one JSON part and one file part, as {@code POST /api/filings} takes it. */
  JsonNode postMultipart(String path, String jsonPartName, Object json, String filePartName, String fileName,
      byte[] file, int expected) {
    String boundary = "----bench" + UUID.randomUUID();
    try {
      var out = new java.io.ByteArrayOutputStream();
      out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + jsonPartName
          + "\"\r\nContent-Type: application/json\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      out.write(JSON.writeValueAsBytes(json));
      out.write(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + filePartName + "\"; filename=\""
          + fileName + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      out.write(file);
      out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      return send(request(null, path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build(), expected);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpRequest.Builder request(String user, String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120));
    if (user != null) {
      builder.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }
    return builder;
  }

  private JsonNode send(HttpRequest request, int expected) {
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    if (response.statusCode() != expected) {
      throw new IllegalStateException(request.method() + " " + request.uri() + " → " + response.statusCode() + ": "
          + response.body());
    }
    try {
      return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Engine REST's variable map: {@code {"name": {"value": v}}}. */
  static Map<String, Object> variables(Map<String, ?> values) {
    Map<String, Object> result = new java.util.LinkedHashMap<>();
    values.forEach((k, v) -> result.put(k, v instanceof Map<?, ?> typed && typed.containsKey("type") ? v : Map.of("value", v)));
    return result;
  }
}
