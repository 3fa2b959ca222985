package cn.hrss.assessment.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Engine REST (Camunda's own resources) answers a JSON request without a body — empty, or the literal {@code null} —
 * with a NullPointerException and 500 (e.g. {@code POST /engine-rest/task/{id}/complete}), and JSON beyond
 * Jackson's stream limits with 500 as well. This guard answers both with 400 in engine REST's own error shape ({@code type}, {@code message}), which Tasklist shows; everything else
 * passes unchanged (the body is buffered once and handed on).
 */
class EngineRestBodyGuard extends OncePerRequestFilter {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Completions (task complete, submit-form, resolve; start forms): Camunda dereferences their body unchecked. */
  private static final Pattern NEEDS_BODY = Pattern.compile("/(complete|submit-form|resolve)$");

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String contentType = request.getContentType();
    return !("POST".equals(request.getMethod()) || "PUT".equals(request.getMethod())) || contentType == null
        || !MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(contentType));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] body = request.getInputStream().readAllBytes();
    String text = new String(body, StandardCharsets.UTF_8).strip();
    if ((text.isEmpty() || text.equals("null")) && NEEDS_BODY.matcher(request.getRequestURI()).find()) {
      refuse(response, "请求正文不能为空：需要一个 JSON 对象");
      return;
    }
    if (text.isEmpty()) {
      chain.doFilter(new BufferedBody(request, body), response); // e.g. unclaim: no body needed
      return;
    }
    try {
      // Jackson's stream limits (numbers over 1000 digits, nesting over 1000 levels) surface in Camunda's REST layer as
      // StreamConstraintsException, which it answers with 500; any JSON it cannot read is the client's error.
      JSON.readTree(body);
    } catch (JsonProcessingException e) {
      refuse(response, "请求正文不是有效的 JSON");
      return;
    }
    chain.doFilter(new BufferedBody(request, body), response);
  }

  private static void refuse(HttpServletResponse response, String message) throws IOException {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(JSON.writeValueAsString(Map.of("type", "InvalidRequestException", "message", message)));
  }

  /** The request with its body read once into memory. */
  private static final class BufferedBody extends HttpServletRequestWrapper {

    private final byte[] body;

    BufferedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("synchronous only");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
      return new BufferedReader(new InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(encoding)));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
