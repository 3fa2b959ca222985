package cn.hrss.assessment.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses state-changing requests that a browser sends on behalf of another site. {@code /engine-rest} and
 * {@code /api} use HTTP Basic, and a browser that once answered the Basic prompt attaches those credentials
 * to every later request to this origin, also to a form another site submits (cross-site request forgery,
 * e.g. a deployment through {@code /engine-rest/deployment/create}). Programs calling the API (a portal's
 * back end, curl) send neither {@code Origin} nor {@code Sec-Fetch-Site} and are not affected; the webapps
 * use their own API with Camunda's CSRF token.
 *
 * <p>A browser that sends {@code Origin} but not {@code Sec-Fetch-Site} (older Safari, WebViews) is compared
 * with the {@code Host} it reached and with {@code assessment.public-base-url}: behind a reverse proxy that
 * rewrites {@code Host}, the public address is the origin of our own pages.
 */
class CrossSiteRequestGuard extends OncePerRequestFilter {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  /** {@code scheme://host:port} of assessment.public-base-url, port always written; null when not a URL. */
  private final String publicOrigin;

  CrossSiteRequestGuard(String publicBaseUrl) {
    this.publicOrigin = normalisedOrigin(publicBaseUrl);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!SAFE_METHODS.contains(request.getMethod()) && isCrossSite(request)) {
      FilterProblems.write(response, HttpServletResponse.SC_FORBIDDEN, "无权执行此操作", "拒绝来自其他网站的跨站请求。");
      return;
    }
    chain.doFilter(request, response);
  }

  boolean isCrossSite(HttpServletRequest request) {
    String fetchSite = request.getHeader("Sec-Fetch-Site");
    if (fetchSite != null) {
      String site = fetchSite.toLowerCase(Locale.ROOT);
      return site.equals("cross-site") || site.equals("same-site");
    }
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    if (origin == null) {
      return false;
    }
    if (publicOrigin != null && publicOrigin.equals(normalisedOrigin(origin))) {
      return false;
    }
    String host = request.getHeader(HttpHeaders.HOST);
    try {
      URI uri = URI.create(origin);
      String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
      return host == null || !authority.equalsIgnoreCase(host) && !sameHostDefaultPort(uri, host);
    } catch (IllegalArgumentException | NullPointerException malformed) {
      return true; // "null" (sandboxed frame) or garbage: not our own page
    }
  }

  private static String normalisedOrigin(String url) {
    try {
      URI uri = URI.create(url.strip());
      if (uri.getScheme() == null || uri.getHost() == null) {
        return null;
      }
      String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
      int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
      return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    } catch (IllegalArgumentException | NullPointerException malformed) {
      return null;
    }
  }

  /** {@code Origin: https://example.org} against {@code Host: example.org:443}. */
  private static boolean sameHostDefaultPort(URI origin, String host) {
    int defaultPort = "https".equalsIgnoreCase(origin.getScheme()) ? 443 : 80;
    return origin.getPort() < 0 && host.equalsIgnoreCase(origin.getHost() + ":" + defaultPort);
  }
}
