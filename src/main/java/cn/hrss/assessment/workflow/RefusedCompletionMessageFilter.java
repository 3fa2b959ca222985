package cn.hrss.assessment.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Engine REST puts Camunda's English "Cannot submit task form &lt;task id&gt;: " (or "Cannot complete task …: ",
 * "Cannot instantiate process definition …: ") in front of the message of a submission our rules refused, and
 * Tasklist shows that message as it is. This filter drops the prefix from exactly those answers (400, the prefix
 * followed by our {@code …未通过校验：} text, see {@link Violations#REFUSED}), on the public engine REST API and on
 * the webapps' own engine API that Tasklist calls; every other answer passes untouched.
 */
final class RefusedCompletionMessageFilter extends OncePerRequestFilter {

  private static final Pattern SUBMISSION_PATH =
      Pattern.compile(".*/(task/[^/]+/(submit-form|complete)|process-definition/.+/submit-form)$");
  private static final Pattern ENGINE_PREFIX = Pattern.compile(
      "^Cannot (submit task form|complete task|instantiate process definition) \\S+: (?=[^：\\s]{1,12}" + Violations.REFUSED + ")");

  private final ObjectMapper json;

  RefusedCompletionMessageFilter(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !SUBMISSION_PATH.matcher(request.getRequestURI()).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, wrapper);
    if (wrapper.getStatus() == HttpServletResponse.SC_BAD_REQUEST) {
      byte[] rewritten = withoutEnglishPrefix(wrapper.getContentAsByteArray());
      if (rewritten != null) {
        wrapper.resetBuffer();
        wrapper.getOutputStream().write(rewritten);
      }
    }
    wrapper.copyBodyToResponse();
  }

  /** The body with the prefix dropped, or {@code null} when it is not a refusal of ours. */
  private byte[] withoutEnglishPrefix(byte[] body) {
    try {
      if (!(json.readTree(body) instanceof ObjectNode error) || !error.path("message").isTextual()) {
        return null;
      }
      String message = error.get("message").asText();
      String stripped = ENGINE_PREFIX.matcher(message).replaceFirst("");
      if (stripped.equals(message)) {
        return null;
      }
      error.put("message", stripped);
      return json.writeValueAsString(error).getBytes(StandardCharsets.UTF_8);
    } catch (IOException notJson) {
      return null;
    }
  }
}
