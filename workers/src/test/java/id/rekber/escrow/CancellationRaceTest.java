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
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The buyer cancels at the moment their payment arrives. Each order is forced rather than left to
 * thread scheduling: one step is finished (the process has reached its state) before the other
 * starts. In every order the money moves exactly once and is never stranded: either the deal goes
 * on with the funds held, or it is cancelled and refunded in full. A one-sided cancellation never
 * undoes a deal whose funds are already held. The provider repeating its callback moves nothing.
 */
@IntegrationTest
class CancellationRaceTest {
  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  Deals deals;

  @BeforeEach
  void setUp() {
    deals = new Deals(port);
  }

  @Test
  void cancelledFirstThenPaidTheMoneyIsRefundedInFullOnce() {
    String id = awaitingPayment();
    JsonNode payment = payment(id);

    deals.act(BUDI, id, "cancel");
    deals.awaitStatus(BUDI, id, "DIBATALKAN");
    String transaction = UUID.randomUUID().toString();
    assertThat(settle(payment, transaction)).isEqualTo(200);

    awaitLedgerKinds(id, List.of("PAYMENT", "PAYMENT", "REFUND", "REFUND", "PAYOUT", "PAYOUT"));
    awaitCompletedRefunds(id, payment.get("amount").asLong(), 1);
    assertThat(settle(payment, transaction)).isEqualTo(200);
    assertMovedOnce(id, "DIBATALKAN", 0, 1, payment.get("amount").asLong());
  }

  @Test
  void paidFirstThenCancelledByTheBuyerAloneTheFundsStayHeld() {
    String id = awaitingPayment();
    JsonNode payment = payment(id);
    long amount = payment.get("amount").asLong();

    String transaction = UUID.randomUUID().toString();
    assertThat(settle(payment, transaction)).isEqualTo(200);
    deals.awaitStatus(BUDI, id, "DANA_DITAHAN");
    ApiClient.Response cancel = deals.as(BUDI).post("/api/deals/" + id + "/cancel", null);
    assertThat(cancel.status()).as(cancel.toString()).isEqualTo(202);

    // The request is recorded in the same transaction (a one-sided request sends the process nothing).
    assertThat(jdbc.queryForObject("SELECT buyer_cancel_requested FROM deal WHERE id = ?", Boolean.class, id)).isTrue();
    assertThat(count("SELECT count(*) FROM deal_event WHERE deal_id = ? AND type = 'CANCELLATION_REQUESTED'", id)).isEqualTo(1);
    assertThat(settle(payment, transaction)).isEqualTo(200);
    assertMovedOnce(id, "DANA_DITAHAN", amount, 0, amount);
    assertThat(deals.as(BUDI).get("/api/deals/" + id + "/ledger").json()).extracting(l -> l.get("kind").asText())
        .containsExactly("PAYMENT", "PAYMENT");
  }

  /**
   * The narrow window between the two forced orders: the cancellation is accepted (its message is
   * on its way to the process) and the money arrives before the process has moved the deal. Which
   * side the process lands on is not under the test's control, so the assertion holds for both.
   */
  @Test
  void paidRightAfterTheCancellationWasAcceptedTheMoneyEndsUpInExactlyOnePlace() {
    String id = awaitingPayment();
    JsonNode payment = payment(id);
    long amount = payment.get("amount").asLong();

    deals.act(BUDI, id, "cancel");
    assertThat(settle(payment, UUID.randomUUID().toString())).isEqualTo(200);

    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
      String status = status(id);
      return "DANA_DITAHAN".equals(status) && held(id) == amount
          || "DIBATALKAN".equals(status) && held(id) == 0 && completedRefunds(id, amount) == 1;
    });
    if ("DIBATALKAN".equals(status(id))) {
      assertMovedOnce(id, "DIBATALKAN", 0, 1, amount);
    } else {
      assertMovedOnce(id, "DANA_DITAHAN", amount, 0, amount);
    }
  }

  private String awaitingPayment() {
    String id = deals.create(SARI, BUDI, 105_000);
    deals.act(BUDI, id, "accept");
    deals.awaitStatus(BUDI, id, "MENUNGGU_PEMBAYARAN");
    await().atMost(Duration.ofSeconds(20)).until(() -> deals.as(BUDI).get("/api/deals/" + id + "/payment").status() == 200);
    return id;
  }

  private JsonNode payment(String id) {
    return deals.as(BUDI).get("/api/deals/" + id + "/payment").json();
  }

  private int settle(JsonNode payment, String transactionId) {
    Callbacks.settledAtProvider(jdbc, payment.get("orderId").asText());
    return ApiClient.anonymous(port)
        .post("/api/webhooks/sandbox/payments",
            Callbacks.payment(payment.get("orderId").asText(), "settlement", payment.get("amount").asLong(), transactionId))
        .status();
  }

  private void assertMovedOnce(String id, String status, long held, int refunds, long amount) {
    assertThat(status(id)).isEqualTo(status);
    assertThat(held(id)).isEqualTo(held);
    assertThat(count("SELECT count(*) FROM journal_entry WHERE deal_id = ? AND kind = 'PAYMENT'", id)).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM payout WHERE deal_id = ?", id)).isEqualTo(refunds);
    assertThat(completedRefunds(id, amount)).isEqualTo(refunds);
  }

  private void awaitLedgerKinds(String id, List<String> kinds) {
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(deals.as(BUDI).get("/api/deals/" + id + "/ledger").json()).extracting(l -> l.get("kind").asText())
            .containsExactlyElementsOf(kinds));
  }

  private void awaitCompletedRefunds(String id, long amount, int expected) {
    await().atMost(Duration.ofSeconds(30)).until(() -> completedRefunds(id, amount) == expected);
  }

  private String status(String id) {
    return jdbc.queryForObject("SELECT status FROM deal WHERE id = ?", String.class, id);
  }

  private long held(String id) {
    return -jdbc.queryForObject("SELECT COALESCE(SUM(amount), 0) FROM journal_line WHERE deal_id = ? AND account = 'ESCROW_HELD'", Long.class, id);
  }

  private int completedRefunds(String id, long amount) {
    return count("SELECT count(*) FROM payout WHERE deal_id = ? AND purpose = 'REFUND' AND status = 'COMPLETED' AND amount = ?", id, amount);
  }

  private int count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Integer.class, args);
  }
}
