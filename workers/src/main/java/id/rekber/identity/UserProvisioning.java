package id.rekber.identity;

import java.time.Clock;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keycloak is the identity; PostgreSQL keeps the profile. On a user's first request their profile
 * is found by Keycloak subject, else linked by verified e-mail (seeded or invited users), else
 * created as a tier-0 member.
 */
@Service
class UserProvisioning {
  private final AppUserRepository users;
  private final Clock clock;

  UserProvisioning(AppUserRepository users, Clock clock) {
    this.users = users;
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public AppUser profileOf(SignedInUser signedIn) {
    return users
        .findByIdpSubject(signedIn.subject())
        .or(() -> users.findByEmail(signedIn.email()).map(u -> link(u, signedIn)))
        .orElseGet(() -> create(signedIn));
  }

  private AppUser link(AppUser user, SignedInUser signedIn) {
    user.linkIdentity(signedIn.subject());
    return user;
  }

  private AppUser create(SignedInUser signedIn) {
    try {
      return users.saveAndFlush(new AppUser(signedIn.subject(), signedIn.email(), signedIn.name(), signedIn.locale(), clock.instant()));
    } catch (DataIntegrityViolationException raced) {
      // Two first requests at once: the other one created it.
      return users.findByIdpSubject(signedIn.subject()).orElseThrow(() -> raced);
    }
  }
}
