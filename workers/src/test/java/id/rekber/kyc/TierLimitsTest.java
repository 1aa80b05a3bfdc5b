package id.rekber.kyc;

import static id.rekber.support.DemoUsers.BUDI;
import static id.rekber.support.DemoUsers.RINA;
import static id.rekber.support.DemoUsers.SARI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekber.singlenode.EmbeddedKeycloak;
import id.rekber.support.ApiClient;
import id.rekber.support.Deals;
import id.rekber.support.IntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tier limits on deals (application.yml rekber.limits: tier 0 buys up to Rp 2.000.000 per deal and
 * Rp 5.000.000 a month, never sells), checked at creation, at acceptance and again at payment.
 */
@IntegrationTest
class TierLimitsTest {
  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired EmbeddedKeycloak keycloak;

  @Test
  void aTierZeroMemberCannotSellNeitherByCreatingNorByAccepting() {
    Deals deals = new Deals(port);
    ApiClient.Response create = deals.as(RINA).inLanguage("en").post("/api/deals", Deals.terms("SELLER", 50_000, BUDI));
    assertThat(create.status()).isEqualTo(403);
    assertThat(create.json().get("code").asText()).isEqualTo("limit.seller-needs-kyc");
    assertThat(create.json().get("detail").asText()).contains("verify your identity");

    ApiClient.Response buyerFirst = deals.as(BUDI).post("/api/deals", Deals.terms("BUYER", 50_000, RINA));
    assertThat(buyerFirst.status()).isEqualTo(201);
    String id = buyerFirst.json().get("id").asText();
    ApiClient.Response accept = deals.as(RINA).post("/api/deals/" + id + "/accept", null);
    assertThat(accept.status()).isEqualTo(403);
    assertThat(accept.json().get("code").asText()).isEqualTo("limit.seller-needs-kyc");
    assertThat(deals.get(BUDI, id).get("status").asText()).isEqualTo("MENUNGGU_PERSETUJUAN");
  }

  @Test
  void aTierZeroBuyerIsRefusedOverThePerDealLimitWithAProblem() {
    Deals deals = new Deals(port);
    ApiClient.Response tooMuch = deals.as(RINA).post("/api/deals", Deals.terms("BUYER", 1_990_000, SARI));
    assertThat(tooMuch.status()).isEqualTo(422);
    assertThat(tooMuch.contentType()).contains("application/problem+json");
    assertThat(tooMuch.json().get("code").asText()).isEqualTo("limit.per-deal");
    assertThat(tooMuch.json().get("detail").asText()).contains("Rp 2.000.000");

    String invited = deals.create(SARI, RINA, 2_500_000);
    ApiClient.Response accept = deals.as(RINA).post("/api/deals/" + invited + "/accept", null);
    assertThat(accept.status()).isEqualTo(422);
    assertThat(deals.get(SARI, invited).get("status").asText()).isEqualTo("MENUNGGU_PERSETUJUAN");
    // A tier-1 buyer may.
    assertThat(deals.as(BUDI).post("/api/deals", Deals.terms("BUYER", 1_990_000, SARI)).status()).isEqualTo(201);
  }

  @Test
  void theMonthlyLimitCountsEveryOpenPurchaseOfTheMonth() {
    String buyer = KycFixtures.newMember(keycloak.logFile().getParent().toString(), "Kartika", "Sari");
    Deals deals = new Deals(port);
    for (int i = 0; i < 2; i++) {
      String id = deals.create(SARI, buyer, 1_980_000); // + Rp 20.000 shipping = Rp 2.000.000
      deals.act(buyer, id, "accept");
    }
    String third = deals.create(SARI, buyer, 1_200_000);
    ApiClient.Response over = deals.as(buyer).post("/api/deals/" + third + "/accept", null);
    assertThat(over.status()).isEqualTo(422);
    assertThat(over.json().get("code").asText()).isEqualTo("limit.per-month");
    assertThat(over.json().get("detail").asText()).contains("Rp 5.000.000").contains("Rp 1.000.000");
    String fits = deals.create(SARI, buyer, 980_000);
    deals.act(buyer, fits, "accept");
  }

  @Test
  void aPaymentOverTheLimitAtPaymentTimeIsRefundedInFull() {
    String buyer = KycFixtures.newMember(keycloak.logFile().getParent().toString(), "Lukman", "Hakim");
    Deals deals = new Deals(port);
    ApiClient.as(port, buyer).get("/api/me");
    jdbc.update("UPDATE app_user SET kyc_tier = 1 WHERE email = ?", buyer);
    String id = deals.create(SARI, buyer, 3_000_000);
    deals.act(buyer, id, "accept");
    deals.awaitStatus(buyer, id, "MENUNGGU_PEMBAYARAN");
    // Tier withdrawn between acceptance and payment (e.g. KYC revoked): the money must not be held for a deal the buyer may no longer make.
    jdbc.update("UPDATE app_user SET kyc_tier = 0 WHERE email = ?", buyer);

    deals.pay(buyer, id);

    deals.awaitStatus(buyer, id, "DIBATALKAN");
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      JsonNode payouts = deals.as(buyer).get("/api/deals/" + id + "/payouts").json();
      assertThat(payouts).anySatisfy(p -> {
        assertThat(p.get("purpose").asText()).isEqualTo("REFUND");
        assertThat(p.get("status").asText()).isEqualTo("COMPLETED");
      });
    });
    JsonNode ledger = deals.as(buyer).get("/api/deals/" + id + "/ledger").json();
    assertThat(ledger).extracting(l -> l.get("kind").asText()).contains("PAYMENT", "REFUND");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM deal_event WHERE deal_id = ? AND type = 'PAYMENT_OVER_LIMIT'", Integer.class, id)).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM payout WHERE deal_id = ? AND purpose = 'REFUND' AND status = 'COMPLETED'", Integer.class, id)).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT amount FROM payout WHERE deal_id = ? AND purpose = 'REFUND'", Long.class, id))
        .isEqualTo(jdbc.queryForObject("SELECT gross_amount FROM payment WHERE deal_id = ?", Long.class, id));
  }
}
