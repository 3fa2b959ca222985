package cn.hrss.assessment.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.ResponseErrorHandler;
import org.springframework.web.client.RestTemplate;

/**
 * The HTTP client of the resilience tests: a plain RestTemplate (no Spring context in the test JVM) that returns
 * every status as an {@link Answer} and turns "no answer" (connection refused or reset: the application is dead or
 * restarting) into {@link Unreachable}, which callers treat as "outcome unknown".
 */
final class Http {

  static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  /**
   * Status and body (JSON if it parses, else the text; null when empty); {@code replayed}: the server answered a
   * retried request with the response recorded for its Idempotency-Key.
   */
  record Answer(int status, JsonNode body, boolean replayed) {
    Answer(int status, JsonNode body) {
      this(status, body, false);
    }

    boolean is(int expected) {
      return status == expected;
    }

    @Override
    public String toString() {
      return status + " " + (body == null ? "" : body.toString());
    }
  }

  /** The request got no answer: it may or may not have taken effect. */
  static class Unreachable extends RuntimeException {
    Unreachable(String what, Throwable cause) {
      super(what + ": no answer (" + cause.getMessage() + ")", cause);
    }

    Unreachable(String message) {
      super(message);
    }
  }

  /**
   * The application answered 503 (its database is out of reach, issue 16 item 3): the request did nothing, and the
   * client tries again later, as after no answer.
   */
  static final class Unavailable extends Unreachable {
    Unavailable(String what, ServiceUnavailable answer) {
      super(what + ": 503 " + answer.body());
    }
  }

  /** A 503 as the client received it, for the test to check its form. */
  record ServiceUnavailable(String request, String contentType, String retryAfter, String body) {}

  /** Every 503 this client received, in order. */
  final List<ServiceUnavailable> unavailable = new java.util.concurrent.CopyOnWriteArrayList<>();

  private final RestTemplate rest;

  Http() {
    SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
    factory.setConnectTimeout(2_000);
    factory.setReadTimeout(60_000);
    rest = new RestTemplate(factory);
    rest.setErrorHandler(new ResponseErrorHandler() {
      @Override
      public boolean hasError(ClientHttpResponse response) {
        return false;
      }

      @Override
      public void handleError(ClientHttpResponse response) {}
    });
  }

  static HttpHeaders basic(String user) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, user); // demo users: password = user id (CONTRACT.md)
    return headers;
  }

  static HttpHeaders bearer(String token) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(token);
    return headers;
  }

  Answer get(String url, HttpHeaders auth) {
    return exchange(url, HttpMethod.GET, auth, null);
  }

  Answer post(String url, HttpHeaders auth, Object body) {
    return exchange(url, HttpMethod.POST, auth, body);
  }

  Answer put(String url, HttpHeaders auth, Object body) {
    return exchange(url, HttpMethod.PUT, auth, body);
  }

  Answer exchange(String url, HttpMethod method, HttpHeaders auth, Object body) {
    HttpHeaders headers = new HttpHeaders();
    if (auth != null) {
      headers.putAll(auth);
    }
    if (headers.getAccept().isEmpty()) { // a caller may ask for another type, e.g. Tasklist's application/hal+json
      headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
    }
    if (body != null && headers.getContentType() == null && !(body instanceof org.springframework.util.MultiValueMap)) {
      headers.setContentType(MediaType.APPLICATION_JSON);
    }
    try {
      ResponseEntity<String> response = rest.exchange(url, method, new HttpEntity<>(body, headers), String.class);
      if (response.getStatusCode().value() == 503) {
        ServiceUnavailable answer = new ServiceUnavailable(method + " " + url,
            String.valueOf(response.getHeaders().getContentType()), response.getHeaders().getFirst("Retry-After"),
            response.getBody());
        unavailable.add(answer);
        throw new Unavailable(method + " " + url, answer);
      }
      return new Answer(response.getStatusCode().value(), parse(response.getBody()),
          "true".equals(response.getHeaders().getFirst("Idempotent-Replayed")));
    } catch (ResourceAccessException e) {
      throw new Unreachable(method + " " + url, e);
    } catch (org.springframework.web.client.RestClientException e) {
      // The node died while its answer was being read (e.g. "Premature EOF" in a chunked body): no answer either.
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof java.io.IOException) {
          throw new Unreachable(method + " " + url, e);
        }
      }
      throw e;
    }
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return JSON.readTree(body);
    } catch (Exception e) {
      return TextNode.valueOf(body);
    }
  }
}
