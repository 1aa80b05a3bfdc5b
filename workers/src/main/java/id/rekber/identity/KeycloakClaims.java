package id.rekber.identity;

import id.rekber.platform.Languages;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Reads Keycloak's token claims: realm roles become ROLE_ authorities. */
final class KeycloakClaims {
  static final List<String> KNOWN_ROLES = List.of("member", "mediator", "compliance", "admin", "analyst");

  private KeycloakClaims() {}

  static List<String> realmRoles(Map<String, Object> claims) {
    if (claims.get("realm_access") instanceof Map<?, ?> access && access.get("roles") instanceof Collection<?> roles) {
      return roles.stream().map(Object::toString).filter(KNOWN_ROLES::contains).toList();
    }
    return List.of();
  }

  static List<GrantedAuthority> authorities(Map<String, Object> claims) {
    return realmRoles(claims).stream().<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
  }

  static SignedInUser user(Map<String, Object> claims, List<String> roles) {
    String email = string(claims, "email");
    String name = string(claims, "name");
    String locale = string(claims, "locale");
    return new SignedInUser(
        string(claims, "sub"),
        email == null ? null : email.toLowerCase(Locale.ROOT),
        Boolean.TRUE.equals(claims.get("email_verified")),
        name == null ? email : name,
        Languages.supported(locale == null ? null : Locale.forLanguageTag(locale)),
        roles);
  }

  private static String string(Map<String, Object> claims, String name) {
    Object value = claims.get(name);
    return value == null ? null : value.toString();
  }
}
