package id.rekber.payment;

import static id.rekber.support.DemoUsers.BUDI;
import static id.rekber.support.DemoUsers.SARI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.rekber.payment.sandbox.SandboxFaults;
import id.rekber.support.ApiClient;
import id.rekber.support.Callbacks;
import id.rekber.support.Deals;
import id.rekber.support.IntegrationTest;
import id.rekber.support.LedgerAudit;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The payment provider misbehaves as real ones do — down, slow, callbacks that never come — and
 * every rupiah still arrives once. Faults are switched on the sandbox provider and always switched
 * off again.
 */
@IntegrationTest
class MoneyPathFaultTest {
  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired SandboxFaults faults;
  @Autowired PaymentReconciliation reconciliation;
  Deals deals;

  @BeforeEach
  void setUp() {
    deals = new Deals(port);
  }

  @AfterEach
  void providerBehavesAgain() {
    faults.set(false, 0, false);
  }

  @Test
  void aPaymentWhoseCallbackNeverCameIsFoundByReconciliationAndCountedOnce() {
    String id = awaitingPayment(140_000);
    faults.set(false, 0, true); // the provider's notifications do not reach us
    deals.pay(BUDI, id);
    assertThat(faults.state().heldCallbacks()).isEqualTo(1);
    assertThat(deals.get(BUDI, id).get("status").asText()).isEqualTo("MENUNGGU_PEMBAYARAN");

    assertThat(reconciliation.reconcile(Duration.ZERO).paymentsSettled()).isGreaterThanOrEqualTo(1);
    deals.awaitStatus(BUDI, id, "DANA_DITAHAN");

    faults.set(false, 0, false); // the provider's own retry arrives after all
    await().atMost(Duration.ofSeconds(20)).until(() ->
        jdbc.queryForObject("SELECT count(*) FROM provider_callback WHERE reference = ? AND status = 'APPLIED'", Integer.class, orderId(id)) == 1);
    assertThat(jdbc.queryForObject("SELECT outcome FROM provider_callback WHERE reference = ?", String.class, orderId(id)))
        .isEqualTo("ALREADY_PAID");
    assertThat(LedgerAudit.entries(jdbc, id, "PAYMENT")).isEqualTo(1);
    assertThat(reconciliation.reconcile(Duration.ZERO).paymentsSettled()).isZero(); // nothing left to find
    LedgerAudit.assertSound(jdbc);
  }

  @Test
  void aCallbackArrivingWhileTheStatusApiIsDownIsKeptAndAppliedLater() {
    String id = awaitingPayment(145_000);
    String orderId = orderId(id);
    long amount = deals.as(BUDI).get("/api/deals/" + id + "/payment").json().get("amount").asLong();
    Callbacks.settledAtProvider(jdbc, orderId);
    faults.set(true, 0, false);

    ApiClient.Response answer =
        ApiClient.anonymous(port).post("/api/webhooks/sandbox/payments", Callbacks.payment(orderId, "settlement", amount, "txn-down"));
    assertThat(answer.status()).as(answer.toString()).isGreaterThanOrEqualTo(500); // the provider will retry
    assertThat(jdbc.queryForObject("SELECT status FROM provider_callback WHERE reference = ?", String.class, orderId)).isEqualTo("RECEIVED");
    assertThat(LedgerAudit.entries(jdbc, id, "PAYMENT")).isZero();

    faults.set(false, 0, false);
    reconciliation.reconcile(Duration.ZERO);
    deals.awaitStatus(BUDI, id, "DANA_DITAHAN");
    assertThat(jdbc.queryForObject("SELECT status FROM provider_callback WHERE reference = ?", String.class, orderId)).isEqualTo("APPLIED");
    assertThat(LedgerAudit.entries(jdbc, id, "PAYMENT")).isEqualTo(1);
    LedgerAudit.assertSound(jdbc);
  }

  @Test
  void anInvoiceCreatedWhileTheProviderIsDownIsCreatedWhenItIsBack() {
    int refusedBefore = faults.state().refusedCalls();
    faults.set(true, 0, false);
    String id = deals.create(SARI, BUDI, 150_000);
    deals.act(BUDI, id, "accept");
    await().atMost(Duration.ofSeconds(20)).until(() -> faults.state().refusedCalls() > refusedBefore);
    // The invoice comes before "awaiting payment": the deal waits, the job is retried.
    assertThat(deals.get(BUDI, id).get("status").asText()).isEqualTo("MENUNGGU_PERSETUJUAN");

    faults.set(false, 0, false);
    deals.awaitStatus(BUDI, id, "MENUNGGU_PEMBAYARAN");
    deals.pay(BUDI, id);
    deals.awaitStatus(BUDI, id, "DANA_DITAHAN");
  }

  @Test
  void aPayoutRequestedWhileTheProviderIsDownIsSentOnceWhenItIsBack() {
    String id = deals.fundedDeal(SARI, BUDI, 155_000);
    deals.ship(SARI, id);
    deals.awaitStatus(BUDI, id, "DIKIRIM");
    int refusedBefore = faults.state().refusedCalls();
    faults.set(true, 0, false);
    deals.act(BUDI, id, "accept-goods");
    await().atMost(Duration.ofSeconds(20)).until(() -> faults.state().refusedCalls() > refusedBefore);

    faults.set(false, 0, false);
    deals.awaitStatus(SARI, id, "SELESAI");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM sandbox_payout WHERE payout_id LIKE ?", Integer.class, "PO-" + id + "-%"))
        .isEqualTo(1);
    assertThat(LedgerAudit.entries(jdbc, id, "PAYOUT")).isEqualTo(1);
    LedgerAudit.assertSound(jdbc);
  }

  @Test
  void aSlowProviderSlowsTheDealDownButMovesEachRupiahOnce() {
    faults.set(false, 700, false);
    String id = deals.fundedDeal(SARI, BUDI, 160_000);
    deals.ship(SARI, id);
    deals.awaitStatus(BUDI, id, "DIKIRIM");
    deals.act(BUDI, id, "accept-goods");
    deals.awaitStatus(SARI, id, "SELESAI");
    assertThat(LedgerAudit.entries(jdbc, id, "PAYMENT")).isEqualTo(1);
    assertThat(LedgerAudit.entries(jdbc, id, "RELEASE")).isEqualTo(1);
    assertThat(LedgerAudit.entries(jdbc, id, "PAYOUT")).isEqualTo(1);
    LedgerAudit.assertSound(jdbc);
  }

  @Test
  void everyMoneyJobDeliveredAgainAfterTheDealCompletedMovesNothing() {
    String id = deals.fundedDeal(SARI, BUDI, 165_000);
    deals.ship(SARI, id);
    deals.awaitStatus(BUDI, id, "DIKIRIM");
    deals.act(BUDI, id, "accept-goods");
    deals.awaitStatus(SARI, id, "SELESAI");

    // The engine delivers jobs at least once: each worker runs again as if its completion was lost.
    invoiceWorker.createInvoice(id);
    ledgerWorkers.release(id);
    payoutWorker.sendPayout(id, "RELEASE", null);

    assertThat(LedgerAudit.entries(jdbc, id, "PAYMENT")).isEqualTo(1);
    assertThat(LedgerAudit.entries(jdbc, id, "RELEASE")).isEqualTo(1);
    assertThat(LedgerAudit.entries(jdbc, id, "PAYOUT")).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM payout WHERE deal_id = ?", Integer.class, id)).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM sandbox_payout WHERE payout_id LIKE ?", Integer.class, "PO-" + id + "-%")).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM sandbox_invoice WHERE order_id = ?", Integer.class, "PAY-" + id)).isEqualTo(1);
    LedgerAudit.assertSound(jdbc);
  }

  @Autowired InvoiceWorker invoiceWorker;
  @Autowired id.rekber.ledger.LedgerWorkers ledgerWorkers;
  @Autowired PayoutWorker payoutWorker;

  private String awaitingPayment(long price) {
    String id = deals.create(SARI, BUDI, price);
    deals.act(BUDI, id, "accept");
    deals.awaitStatus(BUDI, id, "MENUNGGU_PEMBAYARAN");
    await().atMost(Duration.ofSeconds(20)).until(() -> deals.as(BUDI).get("/api/deals/" + id + "/payment").status() == 200);
    return id;
  }

  private String orderId(String dealId) {
    return deals.as(BUDI).get("/api/deals/" + dealId + "/payment").json().get("orderId").asText();
  }
}
