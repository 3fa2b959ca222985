package cn.hrss.assessment.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Resolves who calls the domain API ({@code /api/**}) from the same Camunda identity that guards
 * {@code /engine-rest}: HTTP Basic credentials, or the session of a user logged into the webapps (so an
 * officer opens materials from a Tasklist form without a second password prompt). The caller is left as a
 * request attribute; each endpoint decides whether it needs one. Wrong credentials are refused here: 401.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

  static final String CALLER_ATTRIBUTE = Caller.class.getName();

  private final IdentityService identityService;
  private final boolean credentialsRequired;

  /**
   * @param credentialsRequired refuse requests without Basic credentials (used for the engine list
   *     {@code /engine-rest/engine}, which Camunda's own filter leaves open)
   */
  public ApiAuthenticationFilter(IdentityService identityService, boolean credentialsRequired) {
    this.identityService = identityService;
    this.credentialsRequired = credentialsRequired;
  }

  public static Optional<Caller> callerOf(HttpServletRequest request) {
    return Optional.ofNullable((Caller) request.getAttribute(CALLER_ATTRIBUTE));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      Optional<Caller> caller = basic(header.substring(6).trim());
      if (caller.isEmpty()) {
        refuse(response);
        return;
      }
      request.setAttribute(CALLER_ATTRIBUTE, caller.get());
    } else if (credentialsRequired) {
      refuse(response);
      return;
    } else if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
      // A webapp session counts for reading only: a cookie is sent by the browser on its own, so a
      // state-changing call must carry explicit credentials (no cross-site request forgery through /api).
      webappSession(request).ifPresent(caller -> request.setAttribute(CALLER_ATTRIBUTE, caller));
    }
    chain.doFilter(request, response);
  }

  private Optional<Caller> basic(String encoded) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    String userId = decoded.substring(0, colon);
    if (!identityService.checkPassword(userId, decoded.substring(colon + 1))) {
      return Optional.empty();
    }
    return Optional.of(new Caller(userId, groupsOf(userId)));
  }

  private Optional<Caller> webappSession(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    return authentications.getAuthentications().stream()
        .filter(UserAuthentication.class::isInstance)
        .map(UserAuthentication.class::cast)
        .findFirst()
        .map(auth -> new Caller(auth.getIdentityId(), new HashSet<>(auth.getGroupIds())));
  }

  private Set<String> groupsOf(String userId) {
    Set<String> groups = new HashSet<>();
    for (Group group : identityService.createGroupQuery().groupMember(userId).list()) {
      groups.add(group.getId());
    }
    return groups;
  }

  private static void refuse(HttpServletResponse response) throws IOException {
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"assessment\"");
    FilterProblems.write(response, HttpServletResponse.SC_UNAUTHORIZED, "需要身份认证", "用户名或密码错误。");
  }

}
