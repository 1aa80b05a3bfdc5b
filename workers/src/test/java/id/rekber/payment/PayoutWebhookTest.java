package id.rekber.payment;

import static id.rekber.support.DemoUsers.BUDI;
import static id.rekber.support.DemoUsers.SARI;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekber.support.ApiClient;
import id.rekber.support.Callbacks;
import id.rekber.support.Deals;
import id.rekber.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Payout results from the bank: late, repeated or contradictory callbacks never pay twice. */
@IntegrationTest
class PayoutWebhookTest {
  static final String WEBHOOK = "/api/webhooks/sandbox/payouts";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @Test
  void repeatedAndContradictoryResultsForAFinishedPayoutChangeNothing() {
    Deals deals = new Deals(port);
    String id = deals.fundedDeal(SARI, BUDI, 64_000);
    deals.ship(SARI, id);
    deals.awaitStatus(BUDI, id, "DIKIRIM");
    deals.act(BUDI, id, "accept-goods");
    deals.awaitStatus(SARI, id, "SELESAI");
    JsonNode payout = deals.as(SARI).get("/api/deals/" + id + "/payouts").json().get(0);
    String payoutId = payout.get("id").asText();
    long amount = payout.get("amount").asLong();
    ApiClient bank = ApiClient.anonymous(port);

    assertThat(bank.post(WEBHOOK, Callbacks.payout(payoutId, "COMPLETED", amount, "late-1")).json().get("outcome").asText())
        .isEqualTo("COMPLETED");
    assertThat(bank.post(WEBHOOK, Callbacks.payout(payoutId, "COMPLETED", amount, "late-1")).json().get("outcome").asText())
        .isEqualTo("DUPLICATE");
    assertThat(bank.post(WEBHOOK, Callbacks.payout(payoutId, "FAILED", amount, "late-2")).json().get("outcome").asText())
        .isEqualTo("COMPLETED");

    assertThat(jdbc.queryForObject("SELECT count(*) FROM journal_entry WHERE deal_id = ? AND kind = 'PAYOUT'", Integer.class, id)).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT status FROM payout WHERE id = ?", String.class, payoutId)).isEqualTo("COMPLETED");
    assertThat(deals.get(SARI, id).get("status").asText()).isEqualTo("SELESAI");
  }

  @Test
  void unsignedOrUnknownPayoutResultsAreRefused() {
    ApiClient bank = ApiClient.anonymous(port);
    Map<String, Object> forged = Callbacks.payout("PO-RB-NOSUCH00-R1", "COMPLETED", 1000, "forged");
    forged.put("signature_key", "0".repeat(128));
    assertThat(bank.post(WEBHOOK, forged).status()).isEqualTo(401);
    assertThat(bank.post(WEBHOOK, Callbacks.payout("PO-RB-NOSUCH00-R1", "COMPLETED", 1000, "unknown")).status()).isEqualTo(404);
  }

  @Test
  void theApiDocumentAndHealthAreServed() {
    ApiClient anyone = ApiClient.anonymous(port);
    ApiClient.Response docs = anyone.get("/v3/api-docs");
    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.json().get("paths").has("/api/deals/{id}/ship")).isTrue();
    assertThat(anyone.get("/actuator/health").json().get("status").asText()).isEqualTo("UP");
  }
}
