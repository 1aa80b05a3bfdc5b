package id.rekber.escrow;

import static id.rekber.support.DemoUsers.BUDI;
import static id.rekber.support.DemoUsers.SARI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekber.support.ApiClient;
import id.rekber.support.Callbacks;
import id.rekber.support.Deals;
import id.rekber.support.IntegrationTest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The buyer cancels at the very moment their payment arrives. Whichever wins, money is never
 * stranded: either the deal goes on with the funds held, or it is cancelled and refunded in full.
 * A one-sided cancellation never undoes a deal whose funds are already held.
 */
@IntegrationTest
class CancellationRaceTest {
  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @RepeatedTest(8)
  void cancellingWhilePayingNeverStrandsMoney() {
    Deals deals = new Deals(port);
    String id = deals.create(SARI, BUDI, 105_000);
    deals.act(BUDI, id, "accept");
    deals.awaitStatus(BUDI, id, "MENUNGGU_PEMBAYARAN");
    JsonNode payment = deals.as(BUDI).get("/api/deals/" + id + "/payment").json();

    CompletableFuture<Integer> cancel = CompletableFuture.supplyAsync(() -> deals.as(BUDI).post("/api/deals/" + id + "/cancel", null).status());
    CompletableFuture<Integer> pay =
        CompletableFuture.supplyAsync(
            () -> ApiClient.anonymous(port)
                .post("/api/webhooks/sandbox/payments", Callbacks.payment(payment.get("orderId").asText(), "settlement", payment.get("amount").asLong(), null))
                .status());
    assertThat(pay.join()).isEqualTo(200);
    cancel.join();

    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> settled(id, payment.get("amount").asLong()));
  }

  private boolean settled(String id, long amount) {
    String status = jdbc.queryForObject("SELECT status FROM deal WHERE id = ?", String.class, id);
    long held = -jdbc.queryForObject("SELECT COALESCE(SUM(amount), 0) FROM journal_line WHERE deal_id = ? AND account = 'ESCROW_HELD'", Long.class, id);
    if ("DANA_DITAHAN".equals(status)) {
      return held == amount;
    }
    if ("DIBATALKAN".equals(status)) {
      Integer refunded = jdbc.queryForObject(
          "SELECT count(*) FROM payout WHERE deal_id = ? AND purpose = 'REFUND' AND status = 'COMPLETED' AND amount = ?", Integer.class, id, amount);
      return held == 0 && refunded == 1;
    }
    return false;
  }
}
