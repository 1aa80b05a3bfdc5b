package id.rekber.identity;

import id.rekber.platform.Languages;
import id.rekber.platform.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a signed-in user whom Keycloak no longer knows or has disabled, on their next request,
 * not when their token or session runs out ({@link KeycloakUserStatus}, answers remembered briefly).
 * The API answers 401 {@code auth.account-inactive}; the web UI ends the session and sends the
 * browser to Keycloak's login page (where a disabled or deleted user cannot sign in).
 *
 * <p>When Keycloak cannot be asked, requests that change something (anything but GET, HEAD, OPTIONS)
 * are refused with 503 {@code auth.identity-unavailable}: no money moves on a user we cannot vouch
 * for. Reads go on, for users Keycloak vouched for when it issued their token (docs/decisions.md #23).
 */
final class ActiveUserFilter extends OncePerRequestFilter {
  static final String LOGIN = "/oauth2/authorization/keycloak";
  private static final Logger log = LoggerFactory.getLogger(ActiveUserFilter.class);
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  private final KeycloakUserStatus users;
  private final Problems problems;
  private final boolean api;

  /** @param api true in the API's chain (bearer tokens, problem documents), false in the web UI's */
  ActiveUserFilter(KeycloakUserStatus users, Problems problems, boolean api) {
    this.users = users;
    this.problems = problems;
    this.api = api;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String subject = subjectOf(SecurityContextHolder.getContext().getAuthentication());
    if (subject == null) {
      chain.doFilter(request, response);
      return;
    }
    switch (users.of(subject)) {
      case ACTIVE -> chain.doFilter(request, response);
      case INACTIVE -> refuse(request, response);
      case UNKNOWN -> {
        if (SAFE_METHODS.contains(request.getMethod())) {
          chain.doFilter(request, response);
        } else {
          log.warn("Refused {} {} of user {}: Keycloak cannot say whether the user is still enabled", request.getMethod(), request.getRequestURI(), subject);
          unavailable(request, response);
        }
      }
    }
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (api) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"rekber\", error=\"invalid_token\", error_description=\"user disabled or deleted\"");
      problems.write(response, problems.of(HttpStatus.UNAUTHORIZED, "auth.account-inactive", Languages.of(request)));
      return;
    }
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    response.sendRedirect(request.getContextPath() + LOGIN);
  }

  private void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setHeader("Retry-After", "5");
    if (api) {
      problems.write(response, problems.of(HttpStatus.SERVICE_UNAVAILABLE, "auth.identity-unavailable", Languages.of(request)));
      return;
    }
    request.setAttribute(Problems.CODE_ATTRIBUTE, "auth.identity-unavailable");
    response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
  }

  private static String subjectOf(Authentication auth) {
    if (auth instanceof JwtAuthenticationToken jwt) {
      return jwt.getToken().getSubject();
    }
    if (auth != null && auth.getPrincipal() instanceof OidcUser oidc) {
      return oidc.getSubject();
    }
    return null;
  }
}
