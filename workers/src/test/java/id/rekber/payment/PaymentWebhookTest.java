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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Payment callbacks: only a verified one moves money, and only once, in whatever order they come. */
@IntegrationTest
class PaymentWebhookTest {
  static final String WEBHOOK = "/api/webhooks/sandbox/payments";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  Deals deals;
  ApiClient provider;
  String dealId;
  String orderId;
  long amount;

  @BeforeEach
  void awaitingPayment() {
    deals = new Deals(port);
    provider = ApiClient.anonymous(port);
    dealId = deals.create(SARI, BUDI, 300_000);
    deals.act(BUDI, dealId, "accept");
    deals.awaitStatus(BUDI, dealId, "MENUNGGU_PEMBAYARAN");
    JsonNode payment = deals.as(BUDI).get("/api/deals/" + dealId + "/payment").json();
    orderId = payment.get("orderId").asText();
    amount = payment.get("amount").asLong();
  }

  @Test
  void theSandboxCheckoutIsAPageInTheBrowsersLanguageUnderTheContentSecurityPolicy() throws Exception {
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    java.net.http.HttpResponse<String> page = http.send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/sandbox/checkout/" + orderId))
            .header("Accept", "text/html").header("Accept-Language", "en").build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).startsWith("default-src 'self'"));
    assertThat(page.body()).contains("Virtual account number").contains(id.rekber.platform.Rupiah.format(amount)).contains(">Pay now<")
        .contains("/css/sandbox.css").doesNotContain("<style").doesNotContain("<script");
    java.net.http.HttpResponse<String> paid = http.send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/sandbox/checkout/" + orderId + "/pay"))
            .header("Accept", "text/html").header("Accept-Language", "id").POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(paid.statusCode()).isEqualTo(200);
    assertThat(paid.body()).contains("Pembayaran berhasil. Dana ditahan Rekber.").contains("id=\"back-to-deal\" href=\"/deals/" + dealId + "\"");
    deals.awaitStatus(BUDI, dealId, "DANA_DITAHAN");
  }

  @Test
  void aBadSignatureIsRefusedAndChangesNothing() {
    ApiClient.Response r = provider.post(WEBHOOK, Callbacks.payment(orderId, "settlement", amount + ".00", null, "not-the-server-key"));
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.contentType()).contains("application/problem+json");
    assertThat(r.json().get("code").asText()).isEqualTo("webhook.bad-signature");
    assertNothingRecorded();
  }

  @Test
  void aTamperedAmountBreaksTheSignature() {
    Map<String, Object> body = Callbacks.payment(orderId, "settlement", amount, null);
    body.put("gross_amount", "1.00");
    assertThat(provider.post(WEBHOOK, body).status()).isEqualTo(401);
    assertNothingRecorded();
  }

  @Test
  void aSignedCallbackForAnotherAmountIsRefused() {
    ApiClient.Response r = provider.post(WEBHOOK, Callbacks.payment(orderId, "settlement", amount - 1, null));
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.json().get("code").asText()).isEqualTo("payment.wrong-amount");
    assertNothingRecorded();
  }

  @Test
  void aFractionOfARupiahIsRefused() {
    ApiClient.Response r = provider.post(WEBHOOK, Callbacks.payment(orderId, "settlement", amount + ".50", null, Callbacks.DEMO_SERVER_KEY));
    assertThat(r.status()).isEqualTo(422);
    assertNothingRecorded();
  }

  @Test
  void aSignedSettlementTheProviderDoesNotConfirmIsRefusedAndKept() {
    // Signed with the right key, but the provider's status API says the order is still pending.
    ApiClient.Response r = provider.post(WEBHOOK, Callbacks.payment(orderId, "settlement", amount, "txn-unconfirmed"));
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.contentType()).contains("application/problem+json");
    assertThat(r.json().get("code").asText()).isEqualTo("payment.not-settled-at-provider");
    assertNothingRecorded();
    assertThat(jdbc.queryForObject("SELECT status FROM provider_callback WHERE reference = ? ORDER BY id DESC LIMIT 1", String.class, orderId))
        .isEqualTo("REFUSED");
  }

  @Test
  void aSignedPendingNotificationReplayedWithSettlementWrittenInIsRefused() {
    Map<String, Object> replay = Callbacks.payment(orderId, "pending", amount, "txn-replay");
    replay.put("transaction_status", "settlement"); // the signature covers status_code 201, not the word
    ApiClient.Response r = provider.post(WEBHOOK, replay);
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.json().get("code").asText()).isEqualTo("webhook.status-mismatch");
    assertNothingRecorded();
  }

  @Test
  void anUnknownOrderIsRefused() {
    ApiClient.Response r = provider.post(WEBHOOK, Callbacks.payment("PAY-RB-NOSUCH00", "settlement", amount, null));
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().get("code").asText()).isEqualTo("payment.unknown-order");
    assertNothingRecorded();
  }

  @Test
  void aDuplicateCallbackMovesMoneyOnce() {
    Callbacks.settledAtProvider(jdbc, orderId);
    Map<String, Object> settlement = Callbacks.payment(orderId, "settlement", amount, "txn-dup-1");
    assertThat(provider.post(WEBHOOK, settlement).json().get("outcome").asText()).isEqualTo("PAID");
    assertThat(provider.post(WEBHOOK, settlement).json().get("outcome").asText()).isEqualTo("DUPLICATE");
    // The provider retrying with a new notification id for the same settlement: still once.
    assertThat(provider.post(WEBHOOK, Callbacks.payment(orderId, "settlement", amount, "txn-dup-2")).json().get("outcome").asText())
        .isEqualTo("ALREADY_PAID");
    deals.awaitStatus(BUDI, dealId, "DANA_DITAHAN");
    assertThat(paymentEntries()).isEqualTo(1);
    assertThat(held()).isEqualTo(amount);
  }

  @Test
  void pendingOrExpiredArrivingAfterSettlementChangeNothing() {
    Callbacks.settledAtProvider(jdbc, orderId);
    provider.post(WEBHOOK, Callbacks.payment(orderId, "settlement", amount, "txn-ooo"));
    assertThat(provider.post(WEBHOOK, Callbacks.payment(orderId, "pending", amount, "txn-ooo")).json().get("outcome").asText())
        .isEqualTo("IGNORED_AFTER_PAYMENT");
    assertThat(provider.post(WEBHOOK, Callbacks.payment(orderId, "expire", amount, "txn-ooo")).json().get("outcome").asText())
        .isEqualTo("IGNORED_AFTER_PAYMENT");
    deals.awaitStatus(BUDI, dealId, "DANA_DITAHAN");
    assertThat(jdbc.queryForObject("SELECT status FROM payment WHERE id = ?", String.class, orderId)).isEqualTo("PAID");
    assertThat(held()).isEqualTo(amount);
  }

  @Test
  void pendingBeforeSettlementIsOnlyNoted() {
    assertThat(provider.post(WEBHOOK, Callbacks.payment(orderId, "pending", amount, "txn-early")).json().get("outcome").asText())
        .isEqualTo("NOTED");
    assertThat(deals.get(BUDI, dealId).get("status").asText()).isEqualTo("MENUNGGU_PEMBAYARAN");
    Callbacks.settledAtProvider(jdbc, orderId);
    provider.post(WEBHOOK, Callbacks.payment(orderId, "settlement", amount, "txn-early"));
    deals.awaitStatus(BUDI, dealId, "DANA_DITAHAN");
  }

  private void assertNothingRecorded() {
    assertThat(jdbc.queryForObject("SELECT status FROM payment WHERE id = ?", String.class, orderId)).isEqualTo("PENDING");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM provider_notification WHERE reference = ?", Integer.class, orderId)).isZero();
    assertThat(paymentEntries()).isZero();
    assertThat(deals.get(BUDI, dealId).get("status").asText()).isEqualTo("MENUNGGU_PEMBAYARAN");
  }

  private int paymentEntries() {
    return jdbc.queryForObject("SELECT count(*) FROM journal_entry WHERE deal_id = ? AND kind = 'PAYMENT'", Integer.class, dealId);
  }

  private long held() {
    return -jdbc.queryForObject("SELECT COALESCE(SUM(amount), 0) FROM journal_line WHERE deal_id = ? AND account = 'ESCROW_HELD'", Long.class, dealId);
  }
}
