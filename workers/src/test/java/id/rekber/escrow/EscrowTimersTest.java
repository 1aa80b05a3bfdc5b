package id.rekber.escrow;

import static id.rekber.support.DemoUsers.BUDI;
import static id.rekber.support.DemoUsers.SARI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekber.singlenode.TimeMachine;
import id.rekber.support.ApiClient;
import id.rekber.support.Callbacks;
import id.rekber.support.Deals;
import id.rekber.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every deadline of the deal, by moving the engine's and the application's clock together. "Not yet"
 * is never checked right after moving time (the engine fires timers asynchronously): a second deal
 * started a little later shows it, once the first deal's timer has visibly done its work.
 */
@IntegrationTest
class EscrowTimersTest {
  @LocalServerPort int port;
  @Autowired TimeMachine time;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
  Deals deals;

  @BeforeEach
  void setUp() {
    deals = new Deals(port);
  }

  @Test
  void aDealNobodyAcceptsExpiresAfterThreeDays() {
    String expiring = deals.create(SARI, BUDI, 100_000);
    time.advance(Duration.ofMinutes(10));
    String younger = deals.create(SARI, BUDI, 100_000);
    // The first deal is now 3 days and a minute old, the second 9 minutes short of 3 days.
    time.advance(Duration.ofDays(3).minusMinutes(9));
    JsonNode expired = deals.awaitStatus(SARI, expiring, "DIBATALKAN");
    assertThat(expired.get("statusReason").asText()).isEqualTo("ACCEPTANCE_EXPIRED");
    // The pass of the timers that expired the first deal left the second one open: its buyer can
    // still accept it, and the process takes the acceptance (an expired deal would refuse it or
    // end cancelled instead).
    deals.act(BUDI, younger, "accept");
    deals.awaitStatus(BUDI, younger, "MENUNGGU_PEMBAYARAN");
  }

  @Test
  void anUnpaidInvoiceExpiresAfter24HoursAndCannotBePaidLater() {
    String id = deals.create(SARI, BUDI, 100_000);
    deals.act(BUDI, id, "accept");
    JsonNode awaiting = deals.awaitStatus(BUDI, id, "MENUNGGU_PEMBAYARAN");
    Instant created = Instant.parse(awaiting.get("createdAt").asText());
    Instant payBy = Instant.parse(awaiting.get("deadlines").get("payBy").asText());
    assertThat(Duration.between(created, payBy)).isBetween(Duration.ofHours(23), Duration.ofHours(25));
    time.advance(Duration.ofHours(24).plusMinutes(1));
    JsonNode expired = deals.awaitStatus(BUDI, id, "DIBATALKAN");
    assertThat(expired.get("statusReason").asText()).isEqualTo("PAYMENT_EXPIRED");
    String orderId = deals.as(BUDI).get("/api/deals/" + id + "/payment").json().get("orderId").asText();
    assertThat(ApiClient.anonymous(port).post("/sandbox/api/orders/" + orderId + "/pay", null).status()).isEqualTo(409);
  }

  @Test
  void moneyThatArrivesAfterExpiryIsRefundedInFull() {
    String id = deals.create(SARI, BUDI, 100_000);
    deals.act(BUDI, id, "accept");
    deals.awaitStatus(BUDI, id, "MENUNGGU_PEMBAYARAN");
    JsonNode payment = deals.as(BUDI).get("/api/deals/" + id + "/payment").json();
    time.advance(Duration.ofHours(24).plusMinutes(1));
    deals.awaitStatus(BUDI, id, "DIBATALKAN");

    Callbacks.settledAtProvider(jdbc, payment.get("orderId").asText());
    ApiClient.Response late =
        ApiClient.anonymous(port)
            .post("/api/webhooks/sandbox/payments", Callbacks.payment(payment.get("orderId").asText(), "settlement", payment.get("amount").asLong(), null));
    assertThat(late.status()).as(late.toString()).isEqualTo(200);

    awaitLedgerKinds(id, List.of("PAYMENT", "PAYMENT", "REFUND", "REFUND", "PAYOUT", "PAYOUT"));
    assertThat(deals.get(BUDI, id).get("status").asText()).isEqualTo("DIBATALKAN");
  }

  @Test
  void aSellerWhoDoesNotShipInTimeLosesTheDealAndTheBuyerIsRefunded() {
    String id = deals.fundedDeal(SARI, BUDI, 150_000);
    JsonNode held = deals.get(SARI, id);
    assertThat(held.get("deadlines").get("shipBy").asText()).isNotEmpty();
    time.advance(Duration.ofDays(3).plusMinutes(1));
    JsonNode cancelled = deals.awaitStatus(BUDI, id, "DIBATALKAN");
    assertThat(cancelled.get("statusReason").asText()).isEqualTo("CANCELLED_AFTER_PAYMENT");
    awaitLedgerKinds(id, List.of("PAYMENT", "PAYMENT", "REFUND", "REFUND", "PAYOUT", "PAYOUT"));
    JsonNode payouts = deals.as(BUDI).get("/api/deals/" + id + "/payouts").json();
    assertThat(payouts.get(0).get("purpose").asText()).isEqualTo("REFUND");
    assertThat(payouts.get(0).get("amount").asLong()).isEqualTo(cancelled.get("buyerPays").asLong());
  }

  @Test
  void deliveryIsAssumedSevenDaysAfterShippingAndThenInspectionRuns() {
    String id = deals.fundedDeal(SARI, BUDI, 150_000);
    deals.ship(SARI, id);
    deals.awaitStatus(BUDI, id, "DIKIRIM");
    time.advance(Duration.ofDays(7).plusMinutes(1));
    await().atMost(Duration.ofSeconds(20)).until(() -> deals.get(BUDI, id).get("deadlines").hasNonNull("inspectionEndsAt"));
    time.advance(Duration.ofDays(3).plusMinutes(1));
    deals.awaitStatus(SARI, id, "SELESAI");
  }

  @Test
  void fundsAreReleasedAutomaticallyWhenInspectionEndsWithoutDispute() {
    String releasing = receivedDeal();
    time.advance(Duration.ofMinutes(10));
    String inspecting = receivedDeal();
    // The first inspection (3 days) has ended a minute ago, the second ends in 9 minutes.
    time.advance(Duration.ofDays(3).minusMinutes(9));
    deals.awaitStatus(SARI, releasing, "SELESAI");
    awaitLedgerKinds(releasing, List.of("PAYMENT", "PAYMENT", "RELEASE", "RELEASE", "RELEASE", "PAYOUT", "PAYOUT"));
    // The same pass of the timers left the second inspection running: its buyer may still dispute.
    ApiClient.Response dispute = deals.as(BUDI).post("/api/deals/" + inspecting + "/dispute", Map.of("reason", "Ukurannya tidak sesuai iklan."));
    assertThat(dispute.status()).as(dispute.toString()).isEqualTo(202);
    deals.awaitStatus(BUDI, inspecting, "SENGKETA");
    assertThat(deals.as(BUDI).get("/api/deals/" + inspecting + "/ledger").json()).extracting(l -> l.get("kind").asText())
        .containsExactly("PAYMENT", "PAYMENT");
  }

  /** Paid, shipped and received: the inspection period runs from now (the app clock). */
  private String receivedDeal() {
    String id = deals.fundedDeal(SARI, BUDI, 150_000);
    deals.ship(SARI, id);
    deals.awaitStatus(BUDI, id, "DIKIRIM");
    deals.act(BUDI, id, "confirm-receipt");
    await().atMost(Duration.ofSeconds(20)).until(() -> deals.get(BUDI, id).get("deadlines").hasNonNull("inspectionEndsAt"));
    return id;
  }

  private void awaitLedgerKinds(String id, List<String> kinds) {
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(deals.as(BUDI).get("/api/deals/" + id + "/ledger").json())
                    .extracting(l -> l.get("kind").asText())
                    .containsExactlyElementsOf(kinds));
  }
}
