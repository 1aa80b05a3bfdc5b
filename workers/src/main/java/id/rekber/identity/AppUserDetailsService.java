package id.rekber.identity;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Interim HTTP Basic login against the demo users seeded by a migration (see issue on identity). */
@Service
class AppUserDetailsService implements UserDetailsService {
  private final AppUserRepository users;

  AppUserDetailsService(AppUserRepository users) {
    this.users = users;
  }

  @Override
  public UserDetails loadUserByUsername(String email) {
    AppUser user =
        users
            .findByEmail(email)
            .filter(u -> u.getPasswordHash() != null)
            .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    return User.withUsername(user.getEmail())
        .password(user.getPasswordHash())
        .authorities(
            user.getRoles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList())
        .build();
  }
}
