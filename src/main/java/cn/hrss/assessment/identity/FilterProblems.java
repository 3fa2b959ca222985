package cn.hrss.assessment.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;

/**
 * Problem+json answers of the servlet filters, which run before Spring MVC and so outside
 * {@code web.ProblemHandler}: same shape (CONTRACT.md), written directly on the response.
 */
public final class FilterProblems {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FilterProblems() {}

  public static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(JSON.writeValueAsString(body));
  }
}
