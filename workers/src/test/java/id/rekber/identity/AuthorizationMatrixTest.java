package id.rekber.identity;

import static id.rekber.support.DemoUsers.ADMIN;
import static id.rekber.support.DemoUsers.BUDI;
import static id.rekber.support.DemoUsers.COMPLIANCE;
import static id.rekber.support.DemoUsers.MEDIATOR;
import static id.rekber.support.DemoUsers.RINA;
import static id.rekber.support.DemoUsers.SARI;
import static org.assertj.core.api.Assertions.assertThat;

import id.rekber.support.ApiClient;
import id.rekber.support.Deals;
import id.rekber.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every endpoint × every role × own or foreign deal, with real Keycloak tokens. A member acts only
 * on their own deals and only in their role there (someone else's deal answers 404, as an unknown
 * one does); staff act only through their inboxes.
 */
@IntegrationTest
class AuthorizationMatrixTest {
  static final String ANONYMOUS = null;

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @Test
  void everyRoleGetsExactlyWhatItMay() {
    Deals deals = new Deals(port);
    String id = deals.fundedDeal(SARI, BUDI, 77_000); // Budi buys, Sari sells; Rina is a stranger
    String deal = "/api/deals/" + id;
    Map<String, String> shipment = Map.of("courier", "JNE", "trackingNumber", "JNE12345678");

    List<String> failures = new ArrayList<>();
    for (String view : List.of("", "/ledger", "/timeline", "/payouts")) {
      expect(failures, "GET", deal + view, null, Map.of(BUDI, 200, SARI, 200, RINA, 404, ADMIN, 403, MEDIATOR, 403, COMPLIANCE, 403), 401);
    }
    expect(failures, "GET", deal + "/payment", null, Map.of(BUDI, 200, SARI, 403, RINA, 404, ADMIN, 403), 401);
    expect(failures, "GET", deal + "/payments", null, Map.of(BUDI, 200, SARI, 403, RINA, 404, ADMIN, 403), 401);
    // (A paid deal: the buyer may ask but there is nothing to choose any more.)
    expect(failures, "POST", deal + "/payment/method", Map.of("method", "bca_va"), Map.of(BUDI, 409, SARI, 403, RINA, 404, ADMIN, 403), 401);
    expect(failures, "POST", deal + "/ship", shipment, Map.of(BUDI, 403, RINA, 404, ADMIN, 403, MEDIATOR, 403), 401);
    expect(failures, "POST", deal + "/confirm-receipt", null, Map.of(SARI, 403, RINA, 404, ADMIN, 403, COMPLIANCE, 403), 401);
    expect(failures, "POST", deal + "/accept-goods", null, Map.of(SARI, 403, RINA, 404, MEDIATOR, 403), 401);
    expect(failures, "POST", deal + "/cancel", null, Map.of(RINA, 404, ADMIN, 403, MEDIATOR, 403), 401);
    expect(failures, "POST", deal + "/accept", null, Map.of(RINA, 404, ADMIN, 403), 401);
    expect(failures, "POST", deal + "/decline", null, Map.of(RINA, 404, COMPLIANCE, 403), 401);
    expect(failures, "POST", "/api/deals", Deals.terms("BUYER", 10_000, SARI), Map.of(ADMIN, 403, MEDIATOR, 403, COMPLIANCE, 403), 401);
    expect(failures, "GET", "/api/deals", null, Map.of(BUDI, 200, RINA, 200, ADMIN, 403), 401);
    expect(failures, "GET", "/api/inbox/tasks", null, Map.of(ADMIN, 200, MEDIATOR, 200, COMPLIANCE, 200, BUDI, 403, SARI, 403), 401);
    expect(failures, "POST", "/api/inbox/tasks/1/complete", Map.of(), Map.of(BUDI, 403, RINA, 403), 401);
    expect(failures, "GET", "/api/admin/audit", null, Map.of(ADMIN, 200, BUDI, 403, MEDIATOR, 403, COMPLIANCE, 403), 401);
    expect(failures, "GET", "/api/me", null, Map.of(BUDI, 200, ADMIN, 200, MEDIATOR, 200), 401);
    expect(failures, "PUT", "/api/me/payout-account", Map.of("bankCode", "X"), Map.of(), 401);
    assertThat(failures).isEmpty();

    // The deal is untouched by all those refusals.
    assertThat(deals.get(BUDI, id).get("status").asText()).isEqualTo("DANA_DITAHAN");
    // And every refusal is in the audit trail, with who and on which object; the 404s that hide
    // someone else's deal keep their true reason there.
    Integer refusedForRina =
        jdbc.queryForObject(
            "SELECT count(*) FROM audit_event WHERE actor = ? AND object_id = ? AND outcome = 'REFUSED' AND http_status = 404"
                + " AND detail = 'deal.not-a-party'",
            Integer.class, RINA, id);
    assertThat(refusedForRina).isGreaterThanOrEqualTo(11);
    Integer refusedForStaff =
        jdbc.queryForObject(
            "SELECT count(*) FROM audit_event WHERE actor = ? AND object_id = ? AND outcome = 'REFUSED' AND http_status = 403",
            Integer.class, ADMIN, id);
    assertThat(refusedForStaff).isGreaterThanOrEqualTo(8);
    assertThat(ApiClient.as(port, ADMIN).get("/api/admin/audit?limit=500").json())
        .anySatisfy(e -> {
          assertThat(e.get("actor").asText()).isEqualTo(RINA);
          assertThat(e.get("outcome").asText()).isEqualTo("REFUSED");
          assertThat(e.get("remoteAddr").asText()).isEqualTo("127.0.0.1");
        });
  }

  @Test
  void theAuditTrailCannotBeRewritten() {
    ApiClient.as(port, RINA).get("/api/admin/audit");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_event"))
        .rootCause()
        .hasMessageContaining("append-only");
  }

  private void expect(List<String> failures, String method, String path, Object body, Map<String, Integer> byUser, int anonymous) {
    byUser.forEach((user, status) -> check(failures, method, path, body, user, status));
    check(failures, method, path, body, ANONYMOUS, anonymous);
  }

  private void check(List<String> failures, String method, String path, Object body, String user, int expected) {
    ApiClient client = user == null ? ApiClient.anonymous(port) : ApiClient.as(port, user);
    ApiClient.Response response = client.send(method, path, body);
    if (response.status() != expected) {
      failures.add(method + " " + path + " as " + user + ": expected " + expected + " got " + response);
    } else if (expected >= 400) {
      assertThat(response.contentType()).as(method + " " + path).contains("application/problem+json");
    }
  }
}
