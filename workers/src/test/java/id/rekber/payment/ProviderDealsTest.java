package id.rekber.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static id.rekber.support.DemoUsers.ADMIN;
import static id.rekber.support.DemoUsers.BUDI;
import static id.rekber.support.DemoUsers.RINA;
import static id.rekber.support.DemoUsers.SARI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import id.rekber.payment.midtrans.MidtransSignature;
import id.rekber.support.ApiClient;
import id.rekber.support.Deals;
import id.rekber.support.IntegrationTest;
import id.rekber.support.LedgerAudit;
import id.rekber.support.ProviderStubs;
import id.rekber.support.WebSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whole deals with Midtrans (Core API + Iris) and Xendit played by WireMock instead of the sandbox,
 * in the shared context: the payment row records its provider, so switching the provider for new
 * deals ({@link PaymentProviders#activate}) is all a test needs (decision 33). Callbacks are the
 * documented bodies, signed as each provider signs them.
 */
@IntegrationTest
class ProviderDealsTest {
  static final String SERVER_KEY = "SB-Mid-server-TEST-ONLY";
  static final String IRIS_MERCHANT_KEY = "IRIS-MERCHANT-TEST-ONLY";
  static final String XENDIT_TOKEN = "XENDIT-CALLBACK-TOKEN-TEST-ONLY";

  @LocalServerPort int port;
  @Autowired PaymentProviders providers;
  @Autowired PaymentReconciliation reconciliation;
  @Autowired JdbcTemplate jdbc;
  final ObjectMapper json = new ObjectMapper();
  final WireMockServer wiremock = ProviderStubs.server();

  @AfterEach
  void sandboxAgain() {
    providers.activate("sandbox");
  }

  @Test
  void aDealPaidByVirtualAccountAtMidtransAndReleasedThroughIris() throws Exception {
    providers.activate("midtrans");
    Deals deals = new Deals(port);
    String id = awaitingPayment(deals, 171_000);
    String order = "PAY-" + id;
    JsonNode payment = deals.as(BUDI).get("/api/deals/" + id + "/payment").json();
    assertThat(payment.get("methods")).extracting(JsonNode::asText).contains("bca_va", "qris", "gopay");
    assertThat(payment.get("checkoutUrl").asText()).isEqualTo("/deals/" + id);
    String gross = payment.get("amount").asLong() + ".00";
    Map<String, String> ids = Map.of("PAY-RB-7KQ2M9XA", order, "276750.00", gross, "be03df7d-2f97-4c8c-a53c-8959f1b67291", "mt-" + id);
    wiremock.stubFor(post(urlEqualTo("/midtrans/v2/charge")).withRequestBody(matchingJsonPath("$.transaction_details.order_id", equalTo(order)))
        .willReturn(aResponse().withStatus(200).withBody(ProviderStubs.body("midtrans/charge-bca.json", ids))));

    // Only the buyer picks the method.
    assertThat(deals.as(SARI).post("/api/deals/" + id + "/payment/method", Map.of("method", "bca_va")).status()).isEqualTo(403);
    assertThat(deals.as(RINA).post("/api/deals/" + id + "/payment/method", Map.of("method", "bca_va")).status()).isEqualTo(404);
    assertThat(deals.as(BUDI).post("/api/deals/" + id + "/payment/method", Map.of("method", "alipay")).status()).isEqualTo(422);
    ApiClient.Response chosen = deals.as(BUDI).post("/api/deals/" + id + "/payment/method", Map.of("method", "bca_va"));
    assertThat(chosen.status()).as(chosen.toString()).isEqualTo(200);
    assertThat(chosen.json().get("virtualAccount").asText()).isEqualTo("12785002530231");
    assertThat(chosen.json().get("method").asText()).isEqualTo("bca_va");

    ObjectNode settlement = (ObjectNode) json.readTree(ProviderStubs.body("midtrans/notification-settlement.json", ids));
    settlement.put("signature_key", MidtransSignature.payment(order, "200", gross, "another key"));
    assertThat(webhook("/api/webhooks/midtrans/payments", settlement, Map.of()).statusCode()).isEqualTo(401);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM provider_callback WHERE reference = ?", Integer.class, order)).isZero();

    // A signed settlement the status API does not confirm yet: kept, refused, nothing recorded.
    settlement.put("signature_key", MidtransSignature.payment(order, "200", gross, SERVER_KEY));
    stubStatus(order, "midtrans/status-pending.json", ids);
    assertThat(webhook("/api/webhooks/midtrans/payments", settlement, Map.of()).statusCode()).isEqualTo(409);
    assertThat(LedgerAudit.entries(jdbc, id, "PAYMENT")).isZero();
    // The status API catches up: reconciliation finds the money, once.
    stubStatus(order, "midtrans/status-settlement.json", ids);
    reconciliation.reconcile(Duration.ZERO);
    deals.awaitStatus(BUDI, id, "DANA_DITAHAN");
    assertThat(outcome(webhook("/api/webhooks/midtrans/payments", settlement, Map.of()))).isEqualTo("ALREADY_PAID");
    assertThat(outcome(webhook("/api/webhooks/midtrans/payments", settlement, Map.of()))).isEqualTo("DUPLICATE");
    assertThat(LedgerAudit.entries(jdbc, id, "PAYMENT")).isEqualTo(1);

    String payoutId = "PO-" + id + "-RELEASE-1";
    wiremock.stubFor(post(urlEqualTo("/iris/api/v1/payouts")).withRequestBody(matchingJsonPath("$.payouts[0].notes", equalTo(payoutId)))
        .willReturn(aResponse().withStatus(201).withBody(ProviderStubs.body("iris/payout-created.json", Map.of("1d4f8c2b3aaed", "ref-" + id)))));
    wiremock.stubFor(post(urlEqualTo("/iris/api/v1/payouts/approve")).willReturn(aResponse().withStatus(202).withBody("{\"status\":\"ok\"}")));
    release(deals, id);
    await().atMost(Duration.ofSeconds(20)).until(() -> ("ref-" + id).equals(providerReference(payoutId)));

    long amount = jdbc.queryForObject("SELECT amount FROM payout WHERE id = ?", Long.class, payoutId);
    byte[] completed = ProviderStubs.body("iris/notification-completed.json", Map.of("1d4f8c2b3aaed", "ref-" + id, "270000.00", amount + ".00"))
        .getBytes(StandardCharsets.UTF_8);
    assertThat(webhook("/api/webhooks/midtrans/payouts", completed, Map.of("Iris-Signature", "0".repeat(128))).statusCode()).isEqualTo(401);
    Map<String, String> signed = Map.of("Iris-Signature", MidtransSignature.iris(completed, IRIS_MERCHANT_KEY));
    assertThat(outcome(webhook("/api/webhooks/midtrans/payouts", completed, signed))).isEqualTo("COMPLETED");
    assertThat(outcome(webhook("/api/webhooks/midtrans/payouts", completed, signed))).isEqualTo("DUPLICATE");
    deals.awaitStatus(SARI, id, "SELESAI");
    assertThat(LedgerAudit.entries(jdbc, id, "PAYOUT")).isEqualTo(1);
    wiremock.verify(1, postRequestedFor(urlEqualTo("/iris/api/v1/payouts")).withRequestBody(matchingJsonPath("$.payouts[0].notes", equalTo(payoutId))));
    // Every call audited with our reference; the keys never.
    assertThat(jdbc.queryForList("SELECT operation FROM provider_call WHERE reference IN (?, ?)", String.class, order, payoutId))
        .contains("charge", "status", "payout-create", "payout-approve");
    LedgerAudit.assertSound(jdbc);
  }

  @Test
  void aPayoutIrisRefusesReachesTheAdminsFailedPayoutTaskAndTheDealPageOffersTheMethods() throws Exception {
    providers.activate("midtrans");
    Deals deals = new Deals(port);
    String id = awaitingPayment(deals, 172_000);
    String order = "PAY-" + id;
    String gross = deals.as(BUDI).get("/api/deals/" + id + "/payment").json().get("amount").asLong() + ".00";
    Map<String, String> ids = Map.of("PAY-RB-7KQ2M9XA", order, "276750.00", gross, "be03df7d-2f97-4c8c-a53c-8959f1b67291", "mt-" + id);
    wiremock.stubFor(post(urlEqualTo("/midtrans/v2/charge")).withRequestBody(matchingJsonPath("$.transaction_details.order_id", equalTo(order)))
        .willReturn(aResponse().withStatus(200).withBody(ProviderStubs.body("midtrans/charge-bca.json", ids))));
    // On the deal page: the buyer picks a method and sees the virtual account.
    WebSession budi = WebSession.signIn(port, BUDI);
    WebSession.Page page = budi.get("/deals/" + id);
    assertThat(page.body()).contains("id=\"payment-method\"", "value=\"bca_va\"", "value=\"gopay\"");
    WebSession.Page charged = budi.post("/deals/" + id + "/payment/method", Map.of("method", "bca_va"));
    assertThat(charged.status()).isEqualTo(200);
    assertThat(charged.text("virtual-account")).isEqualTo("12785002530231");
    stubStatus(order, "midtrans/status-settlement.json", ids);
    ObjectNode settlement = (ObjectNode) json.readTree(ProviderStubs.body("midtrans/notification-settlement.json", ids));
    settlement.put("signature_key", MidtransSignature.payment(order, "200", gross, SERVER_KEY));
    assertThat(outcome(webhook("/api/webhooks/midtrans/payments", settlement, Map.of()))).isEqualTo("PAID");
    deals.awaitStatus(BUDI, id, "DANA_DITAHAN");

    String payoutId = "PO-" + id + "-RELEASE-1";
    wiremock.stubFor(post(urlEqualTo("/iris/api/v1/payouts")).withRequestBody(matchingJsonPath("$.payouts[0].notes", equalTo(payoutId)))
        .willReturn(aResponse().withStatus(400).withBody(ProviderStubs.body("iris/payout-refused.json"))));
    release(deals, id);

    JsonNode task = awaitFailedPayoutTask(id);
    assertThat(task.get("variablesJson").asText()).contains("An error occurred when creating payouts");
    assertThat(jdbc.queryForObject("SELECT provider_message FROM provider_call WHERE reference = ? AND operation = 'payout-create'",
        String.class, payoutId)).isEqualTo("An error occurred when creating payouts");
    assertThat(LedgerAudit.entries(jdbc, id, "PAYOUT")).isZero();
  }

  /**
   * Iris documents no idempotency for creating a payout: an answer lost in a 5xx is never followed
   * by a second create, not even by a redelivered job; the job fails with no retries (an incident)
   * and an admin looks the payout up in the Iris dashboard.
   */
  @Test
  void anIrisPayoutWhoseAnswerWasLostIsNeverCreatedTwice() throws Exception {
    providers.activate("midtrans");
    Deals deals = new Deals(port);
    String id = awaitingPayment(deals, 174_000);
    String order = "PAY-" + id;
    String gross = deals.as(BUDI).get("/api/deals/" + id + "/payment").json().get("amount").asLong() + ".00";
    Map<String, String> ids = Map.of("PAY-RB-7KQ2M9XA", order, "276750.00", gross, "be03df7d-2f97-4c8c-a53c-8959f1b67291", "mt-" + id);
    wiremock.stubFor(post(urlEqualTo("/midtrans/v2/charge")).withRequestBody(matchingJsonPath("$.transaction_details.order_id", equalTo(order)))
        .willReturn(aResponse().withStatus(200).withBody(ProviderStubs.body("midtrans/charge-permata.json", ids))));
    assertThat(deals.as(BUDI).post("/api/deals/" + id + "/payment/method", Map.of("method", "permata_va")).json().get("virtualAccount").asText())
        .isEqualTo("8778000002332015");
    stubStatus(order, "midtrans/status-settlement.json", ids);
    ObjectNode settlement = (ObjectNode) json.readTree(ProviderStubs.body("midtrans/notification-settlement.json", ids));
    settlement.put("signature_key", MidtransSignature.payment(order, "200", gross, SERVER_KEY));
    assertThat(outcome(webhook("/api/webhooks/midtrans/payments", settlement, Map.of()))).isEqualTo("PAID");
    deals.awaitStatus(BUDI, id, "DANA_DITAHAN");

    String payoutId = "PO-" + id + "-RELEASE-1";
    var create = postRequestedFor(urlEqualTo("/iris/api/v1/payouts")).withRequestBody(matchingJsonPath("$.payouts[0].notes", equalTo(payoutId)));
    wiremock.stubFor(post(urlEqualTo("/iris/api/v1/payouts")).withRequestBody(matchingJsonPath("$.payouts[0].notes", equalTo(payoutId)))
        .willReturn(aResponse().withStatus(503)));
    release(deals, id);
    await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForList(
        "SELECT provider_status FROM payout WHERE id = ? AND provider_status = 'SENDING'", String.class, payoutId).size() == 1
        && wiremock.findAll(create).size() == 1);

    // The engine delivers the job again (or an admin retries the incident): still no second create.
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> payoutWorker.sendPayout(id, "RELEASE", null))
        .isInstanceOf(io.camunda.client.exception.JobError.class).hasMessageContaining("state unknown at midtrans");
    assertThat(wiremock.findAll(create)).hasSize(1);
    assertThat(jdbc.queryForObject("SELECT status FROM payout WHERE id = ?", String.class, payoutId)).isEqualTo("REQUESTED");
    assertThat(LedgerAudit.entries(jdbc, id, "PAYOUT")).isZero();
  }

  @Autowired PayoutWorker payoutWorker;

  @Test
  void aDealPaidOnAXenditInvoiceWhosePayoutFailsFirstAndSucceedsAfterTheAdminsRetry() throws Exception {
    providers.activate("xendit");
    assertThat(ApiClient.anonymous(port).get("/actuator/info").json().at("/payment/provider").asText()).isEqualTo("xendit");
    Deals deals = new Deals(port);
    String id = deals.create(SARI, BUDI, 173_000);
    String order = "PAY-" + id;
    String invoiceId = "inv-" + id;
    wiremock.stubFor(get(urlEqualTo("/xendit/v2/invoices?external_id=" + order)).willReturn(aResponse().withStatus(200).withBody("[]")));
    wiremock.stubFor(post(urlEqualTo("/xendit/v2/invoices")).withRequestBody(matchingJsonPath("$.external_id", equalTo(order)))
        .willReturn(aResponse().withStatus(200).withBody(ProviderStubs.body("xendit/invoice-created.json",
            Map.of("PAY-RB-7KQ2M9XA", order, "579c8d61f23fa4ca35e52da4", invoiceId)))));
    deals.act(BUDI, id, "accept");
    deals.awaitStatus(BUDI, id, "MENUNGGU_PEMBAYARAN");
    await().atMost(Duration.ofSeconds(20)).until(() -> deals.as(BUDI).get("/api/deals/" + id + "/payment").status() == 200);
    long gross = deals.as(BUDI).get("/api/deals/" + id + "/payment").json().get("amount").asLong();
    Map<String, String> ids = Map.of("PAY-RB-7KQ2M9XA", order, "276750", String.valueOf(gross), "579c8d61f23fa4ca35e52da4", invoiceId);
    assertThat(deals.as(BUDI).get("/api/deals/" + id + "/payment").json().get("checkoutUrl").asText())
        .isEqualTo("https://checkout-staging.xendit.co/web/" + invoiceId);

    JsonNode paid = json.readTree(ProviderStubs.body("xendit/invoice-callback-paid.json", ids));
    assertThat(webhook("/api/webhooks/xendit/invoices", paid, Map.of()).statusCode()).isEqualTo(401);
    assertThat(webhook("/api/webhooks/xendit/invoices", paid, Map.of("x-callback-token", "guess")).statusCode()).isEqualTo(401);
    Map<String, String> token = Map.of("x-callback-token", XENDIT_TOKEN);
    // The invoice API still says PENDING: refused, nothing recorded; then it says PAID and reconciliation applies it once.
    wiremock.stubFor(get(urlEqualTo("/xendit/v2/invoices?external_id=" + order))
        .willReturn(aResponse().withStatus(200).withBody("[" + ProviderStubs.body("xendit/invoice-created.json", ids) + "]")));
    assertThat(webhook("/api/webhooks/xendit/invoices", paid, token).statusCode()).isEqualTo(409);
    wiremock.stubFor(get(urlEqualTo("/xendit/v2/invoices?external_id=" + order))
        .willReturn(aResponse().withStatus(200).withBody("[" + ProviderStubs.body("xendit/invoice-paid.json", ids) + "]")));
    reconciliation.reconcile(Duration.ZERO);
    deals.awaitStatus(BUDI, id, "DANA_DITAHAN");
    assertThat(outcome(webhook("/api/webhooks/xendit/invoices", paid, token))).isEqualTo("ALREADY_PAID");
    assertThat(outcome(webhook("/api/webhooks/xendit/invoices", paid, token))).isEqualTo("DUPLICATE");
    assertThat(LedgerAudit.entries(jdbc, id, "PAYMENT")).isEqualTo(1);

    String first = "PO-" + id + "-RELEASE-1";
    stubPayout(first, "disb-1-" + id);
    release(deals, id);
    await().atMost(Duration.ofSeconds(20)).until(() -> ("disb-1-" + id).equals(providerReference(first)));
    long amount = jdbc.queryForObject("SELECT amount FROM payout WHERE id = ?", Long.class, first);
    JsonNode failed = json.readTree(ProviderStubs.body("xendit/payout-webhook-failed.json",
        Map.of("PO-RB-7KQ2M9XA-RELEASE-1", first, "disb-571f3644d2b4edf0745e9703", "disb-1-" + id, "270000", String.valueOf(amount))));
    assertThat(webhook("/api/webhooks/xendit/payouts", failed, Map.of("x-callback-token", "guess")).statusCode()).isEqualTo(401);
    assertThat(outcome(webhook("/api/webhooks/xendit/payouts", failed, token))).isEqualTo("FAILED");
    assertThat(outcome(webhook("/api/webhooks/xendit/payouts", failed, token))).isEqualTo("DUPLICATE");

    JsonNode task = awaitFailedPayoutTask(id);
    assertThat(task.get("variablesJson").asText()).contains("INVALID_DESTINATION");
    String second = "PO-" + id + "-RELEASE-2";
    stubPayout(second, "disb-2-" + id);
    assertThat(ApiClient.as(port, ADMIN).post("/api/inbox/tasks/" + task.get("key").asLong() + "/complete",
        Map.of("payoutAction", "RETRY", "adminNote", "Seller confirmed the account")).status()).isEqualTo(204);
    await().atMost(Duration.ofSeconds(20)).until(() -> ("disb-2-" + id).equals(providerReference(second)));
    JsonNode succeeded = json.readTree(ProviderStubs.body("xendit/payout-webhook-succeeded.json",
        Map.of("PO-RB-7KQ2M9XA-RELEASE-1", second, "disb-571f3644d2b4edf0745e9703", "disb-2-" + id, "270000", String.valueOf(amount))));
    assertThat(outcome(webhook("/api/webhooks/xendit/payouts", succeeded, token))).isEqualTo("COMPLETED");
    deals.awaitStatus(SARI, id, "SELESAI");
    assertThat(LedgerAudit.entries(jdbc, id, "PAYOUT")).isEqualTo(1);
    wiremock.verify(1, postRequestedFor(urlEqualTo("/xendit/v2/payouts")).withHeader("Idempotency-key", equalTo(first)));
    wiremock.verify(1, postRequestedFor(urlEqualTo("/xendit/v2/payouts")).withHeader("Idempotency-key", equalTo(second)));
    LedgerAudit.assertSound(jdbc);
  }

  /** Empty until the payout row exists and its create call was answered. */
  private String providerReference(String payoutId) {
    return jdbc.queryForList("SELECT coalesce(provider_reference, '') FROM payout WHERE id = ?", String.class, payoutId)
        .stream().findFirst().orElse("");
  }

  private String awaitingPayment(Deals deals, long price) {
    String id = deals.create(SARI, BUDI, price);
    deals.act(BUDI, id, "accept");
    deals.awaitStatus(BUDI, id, "MENUNGGU_PEMBAYARAN");
    await().atMost(Duration.ofSeconds(20)).until(() -> deals.as(BUDI).get("/api/deals/" + id + "/payment").status() == 200);
    return id;
  }

  private static void release(Deals deals, String id) {
    deals.ship(SARI, id);
    deals.awaitStatus(BUDI, id, "DIKIRIM");
    deals.act(BUDI, id, "accept-goods");
  }

  private void stubStatus(String order, String file, Map<String, String> ids) {
    wiremock.stubFor(get(urlEqualTo("/midtrans/v2/" + order + "/status"))
        .willReturn(aResponse().withStatus(200).withBody(ProviderStubs.body(file, ids))));
  }

  private void stubPayout(String payoutId, String providerId) {
    wiremock.stubFor(post(urlEqualTo("/xendit/v2/payouts")).withHeader("Idempotency-key", equalTo(payoutId))
        .willReturn(aResponse().withStatus(200).withBody(ProviderStubs.body("xendit/payout-accepted.json",
            Map.of("PO-RB-7KQ2M9XA-RELEASE-1", payoutId, "disb-571f3644d2b4edf0745e9703", providerId)))));
  }

  private JsonNode awaitFailedPayoutTask(String dealId) {
    JsonNode[] found = new JsonNode[1];
    await().atMost(Duration.ofSeconds(20)).until(() -> {
      for (JsonNode t : ApiClient.as(port, ADMIN).get("/api/inbox/tasks").json()) {
        if (dealId.equals(t.path("dealId").asText()) && "Review failed payout".equals(t.path("name").asText())) {
          found[0] = t;
          return true;
        }
      }
      return false;
    });
    return found[0];
  }

  private HttpResponse<String> webhook(String path, Object body, Map<String, String> headers) throws Exception {
    byte[] bytes = body instanceof byte[] raw ? raw : json.writeValueAsBytes(body);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
    headers.forEach(request::header);
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  private String outcome(HttpResponse<String> answer) throws Exception {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return json.readTree(answer.body()).get("outcome").asText();
  }
}
