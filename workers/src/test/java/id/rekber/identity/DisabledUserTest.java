package id.rekber.identity;

import static id.rekber.support.DemoUsers.SARI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.rekber.singlenode.EmbeddedKeycloak;
import id.rekber.support.ApiClient;
import id.rekber.support.Deals;
import id.rekber.support.IntegrationTest;
import id.rekber.support.KeycloakAdmin;
import id.rekber.support.Tokens;
import id.rekber.support.WebSession;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A user an admin disables or deletes in Keycloak is refused on their next request, although their
 * access token would stay valid for minutes and their web session for longer. (The test profile
 * remembers Keycloak's answer for 2 s instead of 15 s, so "next" means within 2 s here.)
 */
@IntegrationTest
class DisabledUserTest {
  /** The test profile's rekber.identity.user-check.cache-for, plus time for the request itself. */
  private static final Duration CACHE_PERIOD = Duration.ofSeconds(5);

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @Autowired EmbeddedKeycloak embeddedKeycloak;
  KeycloakAdmin keycloak;

  @BeforeEach
  void admin() {
    keycloak = new KeycloakAdmin(embeddedKeycloak);
  }

  @Test
  void aTokenIssuedBeforeTheUserWasDisabledIsRefusedAtOnce() {
    String member = keycloak.newMember("Dewi", "Lestari");
    String token = Tokens.of(member); // issued while the user is enabled, valid for 5 minutes
    keycloak.setEnabled(member, false);

    ApiClient.Response refused = ApiClient.withAuthorization(port, "Bearer " + token).get("/api/me");
    assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
    assertThat(refused.contentType()).contains("application/problem+json");
    assertThat(refused.json().get("code").asText()).isEqualTo("auth.account-inactive");
    assertThat(refused.json().get("type").asText()).isEqualTo("urn:rekber:problem:auth.account-inactive");
    assertThat(refused.json().get("detail").asText()).isEqualTo("Akun Anda sudah dinonaktifkan atau dihapus. Silakan hubungi Rekber.");
    ApiClient.Response english = ApiClient.withAuthorization(port, "Bearer " + token).inLanguage("en").get("/api/me");
    assertThat(english.json().get("detail").asText()).isEqualTo("Your account has been disabled or deleted. Please contact Rekber.");

    // The refusal is in the audit trail under the user's name.
    assertThat(jdbc.queryForObject(
            "SELECT count(*) FROM audit_event WHERE actor = ? AND outcome = 'REFUSED' AND http_status = 401", Integer.class, member))
        .isGreaterThanOrEqualTo(1);

    // Enabled again, the same token works again.
    keycloak.setEnabled(member, true);
    await().atMost(CACHE_PERIOD).pollInterval(Duration.ofMillis(200))
        .until(() -> ApiClient.withAuthorization(port, "Bearer " + token).get("/api/me").status() == 200);
  }

  @Test
  void aUserWhoWasActingALittleAgoIsRefusedWithinTheCachePeriod() {
    String member = keycloak.newMember("Eko", "Prasetyo");
    String token = Tokens.of(member);
    ApiClient client = ApiClient.withAuthorization(port, "Bearer " + token);
    assertThat(client.get("/api/me").status()).isEqualTo(200);
    long dealsBefore = jdbc.queryForObject("SELECT count(*) FROM deal", Long.class);

    keycloak.setEnabled(member, false);
    await().atMost(CACHE_PERIOD).pollInterval(Duration.ofMillis(200)).until(() -> client.get("/api/me").status() == 401);
    ApiClient.Response create = client.post("/api/deals", Deals.terms("BUYER", 50_000, SARI));
    assertThat(create.status()).as(create.toString()).isEqualTo(401);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM deal", Long.class)).isEqualTo(dealsBefore);
  }

  @Test
  void aDeletedUserIsRefused() {
    String member = keycloak.newMember("Fajar", "Nugroho");
    String token = Tokens.of(member);
    assertThat(ApiClient.withAuthorization(port, "Bearer " + token).get("/api/me").status()).isEqualTo(200);
    keycloak.delete(member);
    await().atMost(CACHE_PERIOD).pollInterval(Duration.ofMillis(200))
        .untilAsserted(() -> {
          ApiClient.Response refused = ApiClient.withAuthorization(port, "Bearer " + token).get("/api/me");
          assertThat(refused.status()).isEqualTo(401);
          assertThat(refused.json().get("code").asText()).isEqualTo("auth.account-inactive");
        });
  }

  @Test
  void aDisabledUsersWebSessionEndsAndTheBrowserGoesToTheLoginPage() {
    String member = keycloak.newMember("Gita", "Purnama");
    WebSession browser = WebSession.signIn(port, member);
    assertThat(browser.get("/profile").status()).isEqualTo(200);

    keycloak.setEnabled(member, false);
    await().atMost(CACHE_PERIOD).pollInterval(Duration.ofMillis(200))
        .until(() -> browser.get("/profile").body().contains("id=\"kc-form-login\""));
    // Keycloak does not let the disabled user in again: the session stays ended.
    WebSession.Page again = browser.get("/");
    assertThat(again.body()).contains("id=\"kc-form-login\"").doesNotContain("id=\"logout\"");
    assertThat(browser.post("/profile/phone", Map.of("phone", "081234567890")).body()).doesNotContain("id=\"logout\"");
  }
}
