package cn.hrss.assessment.filing;

import cn.hrss.assessment.identity.FilterProblems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.OptionalLong;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits a kind of public POST per client (objections to public notices: they write to the database and the process;
 * token look-ups of the status pages: they must not be a way to try tokens): over the limit → 429 problem+json with
 * {@code Retry-After}, before anything is read or stored. Every post counts, refused ones too. The client is {@link HttpServletRequest#getRemoteAddr()}: the TCP peer, or — with
 * {@code server.forward-headers-strategy=native} behind a reverse proxy — the address the trusted proxy reports in
 * {@code X-Forwarded-For} (Tomcat's RemoteIpValve; proxies trusted by {@code server.tomcat.remoteip.internal-proxies}).
 * A client's own {@code X-Forwarded-For} header is never read here, so it cannot be used to dodge the limit.
 */
public class ClientRateLimitFilter extends OncePerRequestFilter {

  private final ClientRateLimiter limiter;
  private final java.util.function.Predicate<HttpServletRequest> limited;
  private final String what;

  /**
   * @param limited the POSTs that count (the filter's URL patterns may be wider)
   * @param what what the client did too often, in the refusal (e.g. 提交异议)
   */
  public ClientRateLimitFilter(ClientRateLimiter limiter, java.util.function.Predicate<HttpServletRequest> limited, String what) {
    this.limiter = limiter;
    this.limited = limited;
    this.what = what;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !limited.test(request);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    OptionalLong retryAfter = limiter.acquire(request.getRemoteAddr());
    if (retryAfter.isPresent()) {
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.getAsLong()));
      FilterProblems.write(response, 429, "请求过于频繁",
          what + "过于频繁，请在 " + retryAfter.getAsLong() + " 秒后再试。");
      return;
    }
    chain.doFilter(request, response);
  }
}
