package id.rekber.identity;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Web login: Keycloak puts realm roles in the access token, not the ID token, so the roles are
 * read from the (verified) access token.
 */
class KeycloakOidcUserService extends OidcUserService {
  private final JwtDecoder accessTokens;

  KeycloakOidcUserService(JwtDecoder accessTokens) {
    this.accessTokens = accessTokens;
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) {
    OidcUser user = super.loadUser(request);
    List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
    authorities.addAll(KeycloakClaims.authorities(accessTokens.decode(request.getAccessToken().getTokenValue()).getClaims()));
    return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), "email");
  }
}
