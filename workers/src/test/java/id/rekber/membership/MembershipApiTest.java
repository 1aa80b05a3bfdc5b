package id.rekber.membership;

import static id.rekber.support.DemoUsers.ADMIN;
import static id.rekber.support.DemoUsers.SARI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekber.singlenode.EmbeddedKeycloak;
import id.rekber.support.ApiClient;
import id.rekber.support.Deals;
import id.rekber.support.IntegrationTest;
import id.rekber.support.KeycloakAdmin;
import id.rekber.support.WebSession;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A fresh member subscribes, pays the membership invoice at the sandbox provider (the callback is
 * routed by its MEM- order id), the fee is revenue on the ledger, and the member's next deal costs
 * the member fee. Staff and non-members are refused.
 */
@IntegrationTest
class MembershipApiTest {
  @LocalServerPort int port;
  @Autowired EmbeddedKeycloak keycloak;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aPaidMembershipIsRevenueAndLowersTheFeeOfTheMembersNextDeal() {
    String member = new KeycloakAdmin(keycloak).newMember("Wulan", "Sari");
    ApiClient api = ApiClient.as(port, member);
    assertThat(api.get("/api/membership").json().get("status").asText()).isEqualTo("NONE");
    assertThat(api.post("/api/membership/cancel", null).status()).isEqualTo(409);
    assertThat(ApiClient.as(port, ADMIN).get("/api/membership").status()).isEqualTo(403);
    // Before: the normal minimum fee.
    assertThat(api.post("/api/deals", Deals.terms("BUYER", 150_000, SARI)).json().get("fee").asLong()).isEqualTo(5_000);

    // Ordered on the profile page, as a member would.
    WebSession web = WebSession.signIn(port, member);
    WebSession.Page profile = web.get("/profile");
    assertThat(profile.status()).isEqualTo(200);
    assertThat(profile.text("membership-none")).isNotBlank();
    // What each plan gives, from membership-benefits.dmn, before anyone pays.
    assertThat(profile.text("membership-offer-MONTHLY")).startsWith("Bulanan: Manfaat: biaya transaksi 1.5 %").contains("Rp 250.000", "48 jam");
    assertThat(profile.text("membership-offer-YEARLY")).contains("1.25 %", "24 jam");
    web.post("/profile/membership", Map.of("action", "order", "plan", "MONTHLY"));
    assertThat(api.get("/api/membership").json().get("status").asText()).isEqualTo("PENDING");
    assertThat(api.post("/api/membership", Map.of("plan", "WEEKLY")).status()).isEqualTo(400);
    JsonNode withCheckout = await().atMost(Duration.ofSeconds(30))
        .until(() -> api.get("/api/membership").json(), m -> !m.path("checkoutUrl").isNull());
    String orderId = withCheckout.get("history").get(0).get("orderId").asText();
    assertThat(orderId).startsWith("MEM-");
    assertThat(withCheckout.get("history").get(0).get("amount").asLong()).isEqualTo(49_000);
    assertThat(api.post("/api/membership", Map.of("plan", "YEARLY")).json().get("history")).hasSize(1); // the open order again

    assertThat(ApiClient.anonymous(port).post("/sandbox/api/orders/" + orderId + "/pay", null).status()).isBetween(200, 299);
    JsonNode active = await().atMost(Duration.ofSeconds(30))
        .until(() -> api.get("/api/membership").json(), m -> "ACTIVE".equals(m.get("status").asText()));
    assertThat(active.get("nextRenewal").asText()).isEqualTo(active.get("periodEnd").asText());
    assertThat(active.get("benefits").get("feeRate").asText()).isEqualTo("0.015");
    assertThat(jdbc.queryForObject(
        "SELECT -SUM(l.amount) FROM journal_entry e JOIN journal_line l ON l.entry_id = e.id WHERE e.idempotency_key = ? AND l.account = 'FEE_REVENUE'",
        Long.class, "membership:" + orderId)).isEqualTo(49_000L);
    assertThat(api.post("/api/membership", Map.of("plan", "MONTHLY")).status()).isEqualTo(409);
    WebSession.Page premium = web.get("/profile");
    assertThat(premium.text("membership-status")).isEqualTo("Aktif");
    assertThat(premium.text("membership-renewal")).isNotBlank();
    assertThat(premium.text("membership-benefits")).contains("1.5 %");
    assertThat(premium.body()).contains("id=\"membership-history\"").contains("Rp 49.000");

    // After: 1.5 % of Rp 150.000 is below the member minimum of Rp 3.000.
    assertThat(api.post("/api/deals", Deals.terms("BUYER", 150_000, SARI)).json().get("fee").asLong()).isEqualTo(3_000);

    JsonNode cancelled = api.post("/api/membership/cancel", null).json();
    assertThat(cancelled.get("cancelAtPeriodEnd").asBoolean()).isTrue();
    assertThat(cancelled.get("nextRenewal").isNull()).isTrue();
    assertThat(cancelled.get("status").asText()).isEqualTo("ACTIVE");
  }
}
