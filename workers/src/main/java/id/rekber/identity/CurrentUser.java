package id.rekber.identity;

import id.rekber.platform.Refusal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/** The signed-in user (API bearer token or web login), resolved to our own profile. */
@Component
public class CurrentUser {
  private final UserProvisioning provisioning;

  CurrentUser(UserProvisioning provisioning) {
    this.provisioning = provisioning;
  }

  public AppUser get() {
    SignedInUser signedIn = signedIn();
    if (signedIn.email() == null || !signedIn.emailVerified()) {
      throw Refusal.forbidden("auth.email-not-verified");
    }
    return provisioning.profileOf(signedIn);
  }

  /** Realm roles from the token: these decide staff inboxes, never a column a user could edit. */
  public List<String> roles() {
    return signedIn().roles();
  }

  public SignedInUser signedIn() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth instanceof JwtAuthenticationToken jwt) {
      Map<String, Object> claims = jwt.getToken().getClaims();
      return KeycloakClaims.user(claims, KeycloakClaims.realmRoles(claims));
    }
    if (auth != null && auth.getPrincipal() instanceof OidcUser oidc) {
      List<String> roles =
          auth.getAuthorities().stream()
              .map(a -> a.getAuthority())
              .filter(a -> a.startsWith("ROLE_"))
              .map(a -> a.substring(5))
              .toList();
      return KeycloakClaims.user(oidc.getClaims(), roles);
    }
    throw Refusal.unauthenticated("auth.required");
  }
}
