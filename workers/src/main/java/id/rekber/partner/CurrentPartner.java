package id.rekber.partner;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/** The partner behind the request: the Keycloak client id ({@code azp}) of its client-credentials token. */
@Component
class CurrentPartner {
  String id() {
    if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken jwt) {
      String client = jwt.getToken().getClaimAsString("azp");
      if (client == null) {
        client = jwt.getToken().getClaimAsString("client_id");
      }
      if (client != null && !client.isBlank()) {
        return client;
      }
    }
    throw new IllegalStateException("no partner client in the request's token");
  }
}
