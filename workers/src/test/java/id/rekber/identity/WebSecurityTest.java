package id.rekber.identity;

import static org.assertj.core.api.Assertions.assertThat;

import id.rekber.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The web UI sends strangers to Keycloak, refuses forged form posts and sets security headers. */
@IntegrationTest
class WebSecurityTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @LocalServerPort int port;

  @Test
  void pagesRequireAKeycloakLoginAndCarrySecurityHeaders() throws Exception {
    HttpResponse<String> home = send(HttpRequest.newBuilder(uri("/")).GET());
    assertThat(home.statusCode()).isEqualTo(302);
    assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/oauth2/authorization/keycloak");
    assertThat(home.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'self'").contains("frame-ancestors 'none'");
    assertThat(home.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(home.headers().firstValue("X-Content-Type-Options")).contains("nosniff");

    HttpResponse<String> authorize = send(HttpRequest.newBuilder(uri("/oauth2/authorization/keycloak")).GET());
    String location = authorize.headers().firstValue("Location").orElseThrow();
    assertThat(location).contains("/realms/rekber/protocol/openid-connect/auth").contains("code_challenge_method=S256").contains("ui_locales=id");
  }

  @Test
  void aFormPostWithoutItsCsrfTokenIsRefused() throws Exception {
    HttpResponse<String> logout = send(HttpRequest.newBuilder(uri("/logout")).POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(logout.statusCode()).isEqualTo(403);
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
