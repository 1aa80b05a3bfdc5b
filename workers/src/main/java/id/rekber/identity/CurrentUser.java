package id.rekber.identity;

import id.rekber.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The signed-in user, resolved from the security context to our own profile. */
@Component
public class CurrentUser {
  private final AppUserRepository users;

  CurrentUser(AppUserRepository users) {
    this.users = users;
  }

  public AppUser get() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated()) {
      throw new ApiException(HttpStatus.UNAUTHORIZED, "auth.required");
    }
    return users
        .findByEmail(auth.getName())
        .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "auth.required"));
  }
}
