package cn.hrss.assessment.identity;

import cn.hrss.assessment.web.PlainText;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic credentials with control characters are wrong credentials (401) before anyone looks them up: the
 * identity service would put them into a query, and PostgreSQL refuses a NUL in text with an error (a 500 on
 * {@code /api} and {@code /engine-rest} alike). No user id or password of ours contains one.
 */
class BasicCredentialsGuard extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6) && hasControlCharacters(header.substring(6).trim())) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"assessment\"");
      FilterProblems.write(response, HttpServletResponse.SC_UNAUTHORIZED, "需要身份认证", "用户名或密码错误。");
      return;
    }
    chain.doFilter(request, response);
  }

  static boolean hasControlCharacters(String encoded) {
    try {
      return PlainText.hasControlCharacters(new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException notBase64) {
      return false; // the authentication filters refuse it themselves
    }
  }
}
