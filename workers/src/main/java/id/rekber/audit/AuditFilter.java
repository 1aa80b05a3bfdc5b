package id.rekber.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import id.rekber.platform.Refusal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records every state-changing request and every refusal (401/403, and the 404 that conceals a
 * refusal, with its true reason as detail) with who, what, which object and from where. Sits inside the security chain, so it knows the caller and sees refusals.
 */
@Component
public class AuditFilter extends OncePerRequestFilter {
  private static final Pattern OBJECT = Pattern.compile("^/(?:api/)?(deals|disputes|inbox/tasks)/([A-Za-z0-9-]+)");

  private final AuditTrail trail;

  AuditFilter(AuditTrail trail) {
    this.trail = trail;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } finally {
      int status = response.getStatus();
      // A concealed refusal answers 404 (a foreign deal looks like an unknown one); the trail says why.
      Object concealed = request.getAttribute(Refusal.CONCEALED_REASON);
      boolean refused = status == 401 || status == 403 || concealed != null;
      boolean changing = !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod()) && !"OPTIONS".equals(request.getMethod());
      if (refused || changing) {
        Matcher object = OBJECT.matcher(request.getRequestURI());
        boolean onObject = object.find();
        trail.record(new AuditEvent(
            null,
            actor(),
            request.getMethod() + " " + request.getRequestURI(),
            onObject ? (object.group(1).equals("inbox/tasks") ? "task" : "deal") : null,
            onObject ? object.group(2) : null,
            refused ? "REFUSED" : status >= 400 ? "FAILED" : "ALLOWED",
            status,
            request.getRemoteAddr(),
            concealed == null ? null : concealed.toString()));
      }
    }
  }

  private static String actor() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth instanceof JwtAuthenticationToken jwt) {
      Object email = jwt.getToken().getClaims().get("email");
      return email == null ? jwt.getName() : email.toString();
    }
    if (auth != null && auth.getPrincipal() instanceof OidcUser oidc) {
      return oidc.getEmail();
    }
    return "anonymous";
  }
}
