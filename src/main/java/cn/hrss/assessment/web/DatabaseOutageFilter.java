package cn.hrss.assessment.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The outermost filter: a request that failed because the database is out of reach ({@link DatabaseOutage}) in a
 * servlet filter (Camunda's authentication of engine REST and the webapps checks passwords in the database) or while
 * a page was rendered is answered 503 problem+json with {@code Retry-After}, as {@link ProblemHandler} answers it
 * for the controllers, instead of falling through to the container's error page as a 500. Any other failure passes
 * on untouched.
 */
final class DatabaseOutageFilter extends OncePerRequestFilter {

  static final Logger LOG = LoggerFactory.getLogger(DatabaseOutageFilter.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | IOException | RuntimeException e) {
      if (!DatabaseOutage.isCauseOf(e) || response.isCommitted()) {
        throw e;
      }
      LOG.warn("Database unreachable: {} {} answered 503 ({})", request.getMethod(), request.getRequestURI(), rootMessage(e));
      response.reset();
      if (isEngineApi(request)) {
        writeEngineError(response);
      } else {
        write(response);
      }
    }
  }

  static void write(HttpServletResponse response) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", DatabaseOutage.TITLE);
    body.put("status", HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    body.put("detail", DatabaseOutage.DETAIL);
    write(response, MediaType.APPLICATION_PROBLEM_JSON_VALUE, body);
  }

  /** Camunda's REST APIs (engine REST; the webapps' copy of it, which Tasklist and Cockpit call). */
  private static boolean isEngineApi(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/");
  }

  /** Camunda's error shape ({@code type}, {@code message}), which Tasklist, Cockpit and engine REST clients read. */
  private static void writeEngineError(HttpServletResponse response) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", DatabaseOutage.ENGINE_ERROR_TYPE);
    body.put("message", DatabaseOutage.DETAIL);
    write(response, MediaType.APPLICATION_JSON_VALUE, body);
  }

  private static void write(HttpServletResponse response, String contentType, Map<String, Object> body) throws IOException {
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS));
    response.setContentType(contentType);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(JSON.writeValueAsString(body));
  }

  /** The innermost message (the driver's, e.g. "Connection to 127.0.0.1:5432 refused"), for a one-line log. */
  static String rootMessage(Throwable e) {
    Throwable root = e;
    for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 32; depth++) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
