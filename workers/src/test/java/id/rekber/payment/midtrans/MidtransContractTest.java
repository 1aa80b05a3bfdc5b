package id.rekber.payment.midtrans;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import id.rekber.payment.PaymentMethod;
import id.rekber.payment.PaymentProvider.Invoice;
import id.rekber.payment.PaymentProvider.PayoutRequestResult;
import id.rekber.payment.PaymentStatus;
import id.rekber.payment.ProviderRefusedException;
import id.rekber.payment.ProviderUnavailableException;
import id.rekber.payment.http.ProviderHttp;
import id.rekber.payment.http.ProviderHttpProperties;
import id.rekber.payment.http.RecordingCallLog;
import id.rekber.support.ProviderStubs;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Midtrans adapter against WireMock playing Core API and Iris, with bodies from the vendor's
 * documentation (src/test/resources/wiremock/{midtrans,iris}/SOURCES.md). No Spring, no database:
 * what each call sends, what each answer becomes, and how failures are classified.
 */
class MidtransContractTest {
  static final String SERVER_KEY = "SB-Mid-server-CONTRACT-TEST";
  static final String ORDER = "PAY-RB-7KQ2M9XA";
  static final Instant NOW = Instant.parse("2026-12-03T07:05:00Z"); // 14:05 WIB
  static final Instant DEADLINE = NOW.plus(Duration.ofDays(1)).minusSeconds(300);
  static WireMockServer wiremock;

  RecordingCallLog calls;
  MidtransPaymentProvider midtrans;
  final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void start() {
    wiremock = new WireMockServer(options().dynamicPort().notifier(new ConsoleNotifier(false)));
    wiremock.start();
  }

  @AfterAll
  static void stop() {
    wiremock.stop();
  }

  @BeforeEach
  void adapter() {
    wiremock.resetAll();
    calls = new RecordingCallLog();
    midtrans = adapter(Duration.ofSeconds(10));
  }

  /** A short read timeout only where a test wants the first call to time out (the machine may be slow). */
  MidtransPaymentProvider adapter(Duration readTimeout) {
    ProviderHttp http = new ProviderHttp(new ProviderHttpProperties(Duration.ofSeconds(5), readTimeout), calls, json,
        Clock.fixed(NOW, ZoneOffset.UTC));
    String base = "http://localhost:" + wiremock.port();
    MidtransProperties properties = new MidtransProperties("sandbox", SERVER_KEY, base + "/midtrans", base + "/iris",
        new MidtransProperties.Iris("IRIS-CREATOR-TEST", "IRIS-APPROVER-TEST", "IRIS-MERCHANT-TEST", true),
        List.of("bca_va", "bni_va", "bri_va", "permata_va", "echannel", "qris", "gopay", "shopeepay"), Duration.ofMinutes(15));
    return new MidtransPaymentProvider(properties, http, "https://rekber.example", Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void everyDocumentedMethodIsChargedWithTheDeadlineAsExpiryAndItsInstructionsAreRead() throws Exception {
    stubCharge("bank_transfer", "bca", "charge-bca.json");
    stubCharge("bank_transfer", "bni", "charge-bni.json");
    stubCharge("bank_transfer", "bri", "charge-bri.json");
    stubCharge("bank_transfer", "permata", "charge-permata.json");
    stubCharge("echannel", null, "charge-echannel.json");
    stubCharge("qris", null, "charge-qris.json");
    stubCharge("gopay", null, "charge-gopay.json");
    stubCharge("shopeepay", null, "charge-shopeepay.json");

    assertThat(charge(PaymentMethod.BCA_VA).vaNumber()).isEqualTo("12785002530231");
    assertThat(charge(PaymentMethod.BNI_VA).vaNumber()).isEqualTo("9881278500253023");
    assertThat(charge(PaymentMethod.BRI_VA).vaNumber()).isEqualTo("127850025302310");
    Invoice permata = charge(PaymentMethod.PERMATA_VA);
    assertThat(permata.vaNumber()).isEqualTo("8778000002332015");
    assertThat(permata.chargeTransactionId()).isEqualTo("a3b75ca9-8b52-445b-99c8-c2cc742a0991");
    assertThat(permata.expiresAt()).isEqualTo(Instant.parse("2026-12-04T07:00:00Z")); // "2026-12-04 14:00:00" WIB
    Invoice mandiri = charge(PaymentMethod.ECHANNEL);
    assertThat(mandiri.billerCode()).isEqualTo("70012");
    assertThat(mandiri.vaNumber()).isEqualTo("990000000260");
    Invoice qris = charge(PaymentMethod.QRIS);
    assertThat(qris.qrisPayload()).startsWith("000201");
    assertThat(qris.deeplinkUrl()).endsWith("/qr-code");
    assertThat(charge(PaymentMethod.GOPAY).deeplinkUrl()).contains("payment-pin");
    assertThat(charge(PaymentMethod.SHOPEEPAY).deeplinkUrl()).contains("merchant-host");

    List<LoggedRequest> sent = wiremock.findAll(postRequestedFor(urlEqualTo("/midtrans/v2/charge")));
    assertThat(sent).hasSize(8);
    for (LoggedRequest request : sent) {
      assertThat(request.getHeader("Authorization"))
          .isEqualTo("Basic " + Base64.getEncoder().encodeToString((SERVER_KEY + ":").getBytes(StandardCharsets.UTF_8)));
      JsonNode body = json.readTree(request.getBodyAsString());
      assertThat(body.at("/transaction_details/order_id").asText()).isEqualTo(ORDER);
      assertThat(body.at("/transaction_details/gross_amount").isIntegralNumber()).isTrue(); // "Do not add decimal"
      assertThat(body.at("/custom_expiry/order_time").asText()).isEqualTo("2026-12-03 14:05:00 +0700");
      assertThat(body.at("/custom_expiry/unit").asText()).isEqualTo("second");
      assertThat(body.has("customer_details")).as("no personal data").isFalse();
      boolean wallet = List.of("qris", "gopay", "shopeepay").contains(body.get("payment_type").asText());
      assertThat(body.at("/custom_expiry/expiry_duration").asLong()).isEqualTo(wallet ? 900 : 86_100);
    }
    JsonNode gopay = json.readTree(sent.stream().filter(r -> r.getBodyAsString().contains("\"payment_type\":\"gopay\"")).findFirst().orElseThrow().getBodyAsString());
    assertThat(gopay.at("/gopay/callback_url").asText()).isEqualTo("https://rekber.example/deals/RB-7KQ2M9XA");
    assertThat(calls.entries).allSatisfy(e -> assertThat(e.idempotencyKey()).isEqualTo(ORDER));
  }

  @Test
  void aChargeThatTimedOutIsAskedAgainWithTheSameOrderIdAndTheFirstChargeIsReturned() {
    wiremock.stubFor(post(urlEqualTo("/midtrans/v2/charge")).inScenario("lost answer").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(201).withFixedDelay(4_000).withBody(ProviderStubs.body("midtrans/charge-bca.json")))
        .willSetStateTo("charged"));
    wiremock.stubFor(post(urlEqualTo("/midtrans/v2/charge")).inScenario("lost answer").whenScenarioStateIs("charged")
        .willReturn(aResponse().withStatus(200).withBody(ProviderStubs.body("midtrans/order-id-used.json"))));
    wiremock.stubFor(get(urlEqualTo("/midtrans/v2/" + ORDER + "/status"))
        .willReturn(aResponse().withStatus(200).withBody(ProviderStubs.body("midtrans/status-pending.json"))));

    assertThatThrownBy(() -> adapter(Duration.ofSeconds(1)).charge(ORDER, 276_750, DEADLINE, PaymentMethod.BCA_VA))
        .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> assertThat(e.mayHaveReached()).isTrue());
    Invoice retried = charge(PaymentMethod.BCA_VA); // the job's retry

    assertThat(retried.vaNumber()).isEqualTo("12785002530231");
    assertThat(retried.chargeTransactionId()).isEqualTo("be03df7d-2f97-4c8c-a53c-8959f1b67291");
    List<LoggedRequest> charges = wiremock.findAll(postRequestedFor(urlEqualTo("/midtrans/v2/charge")));
    assertThat(charges).hasSize(2)
        .allSatisfy(r -> assertThat(r.getBodyAsString()).contains("\"order_id\":\"" + ORDER + "\""));
    assertThat(calls.entries).extracting(e -> e.operation() + " " + e.httpStatus() + " " + e.providerCode())
        .containsExactly("charge null null", "charge 200 406", "status 200 201");
  }

  @Test
  void aStormOf5xxIsAlwaysTechnicalAndEveryAttemptCarriesTheSameKey() {
    wiremock.stubFor(post(urlEqualTo("/midtrans/v2/charge")).willReturn(aResponse().withStatus(503).withBody("{\"status_message\":\"busy\"}")));
    wiremock.stubFor(post(urlEqualTo("/iris/api/v1/payouts")).willReturn(aResponse().withStatus(502)));
    for (int attempt = 0; attempt < 5; attempt++) {
      assertThatThrownBy(() -> charge(PaymentMethod.BCA_VA)).isInstanceOf(ProviderUnavailableException.class);
      assertThatThrownBy(() -> midtrans.requestPayout("PO-RB-7KQ2M9XA-RELEASE-1", 270_000, "BCA:1234567890:BUDI SANTOSO"))
          .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> assertThat(e.mayHaveReached()).isTrue());
    }
    assertThat(wiremock.findAll(postRequestedFor(urlEqualTo("/midtrans/v2/charge"))))
        .hasSize(5).allSatisfy(r -> assertThat(r.getBodyAsString()).contains(ORDER));
    assertThat(calls.entries).hasSize(10).allSatisfy(e -> {
      assertThat(e.httpStatus()).isIn(502, 503);
      assertThat(e.toString()).doesNotContain(SERVER_KEY, "IRIS-CREATOR-TEST", "1234567890");
    });
  }

  @Test
  void theStatusApiDecidesWhatAnOrderIs() {
    wiremock.stubFor(get(urlEqualTo("/midtrans/v2/" + ORDER + "/status"))
        .willReturn(aResponse().withStatus(200).withBody(ProviderStubs.body("midtrans/status-settlement.json"))));
    wiremock.stubFor(get(urlEqualTo("/midtrans/v2/PAY-UNKNOWN/status"))
        .willReturn(aResponse().withStatus(200).withBody(ProviderStubs.body("midtrans/status-not-found.json"))));

    var paid = midtrans.paymentStatus(ORDER).orElseThrow();
    assertThat(paid.status()).isEqualTo(PaymentStatus.PAID);
    assertThat(paid.grossAmount()).isEqualTo(276_750);
    assertThat(paid.transactionId()).isEqualTo("be03df7d-2f97-4c8c-a53c-8959f1b67291");
    assertThat(midtrans.paymentStatus("PAY-UNKNOWN")).isEmpty();
  }

  @Test
  void closingAPendingChargeExpiresIt() {
    wiremock.stubFor(post(urlEqualTo("/midtrans/v2/" + ORDER + "/expire"))
        .willReturn(aResponse().withStatus(200).withBody(ProviderStubs.body("midtrans/expire.json"))));
    assertThat(midtrans.closeInvoice(ORDER).orElseThrow().status()).isEqualTo(PaymentStatus.EXPIRED);
  }

  @Test
  void aPayoutIsCreatedByTheMakerAndApprovedByTheChecker() throws Exception {
    wiremock.stubFor(post(urlEqualTo("/iris/api/v1/payouts"))
        .willReturn(aResponse().withStatus(201).withBody(ProviderStubs.body("iris/payout-created.json"))));
    wiremock.stubFor(post(urlEqualTo("/iris/api/v1/payouts/approve"))
        .willReturn(aResponse().withStatus(202).withBody(ProviderStubs.body("iris/payout-approved.json"))));

    PayoutRequestResult result = midtrans.requestPayout("PO-RB-7KQ2M9XA-RELEASE-1", 270_000, "BCA:1234567890:BUDI SANTOSO");

    assertThat(result).isEqualTo(new PayoutRequestResult.Accepted("1d4f8c2b3aaed"));
    LoggedRequest create = wiremock.findAll(postRequestedFor(urlEqualTo("/iris/api/v1/payouts"))).getFirst();
    JsonNode payout = json.readTree(create.getBodyAsString()).at("/payouts/0");
    assertThat(payout.get("beneficiary_bank").asText()).isEqualTo("bca");
    assertThat(payout.get("amount").asText()).isEqualTo("270000.00");
    assertThat(payout.get("notes").asText()).isEqualTo("PO-RB-7KQ2M9XA-RELEASE-1");
    assertThat(create.getHeader("Authorization")).isEqualTo(ProviderHttp.basic("IRIS-CREATOR-TEST"));
    LoggedRequest approve = wiremock.findAll(postRequestedFor(urlEqualTo("/iris/api/v1/payouts/approve"))).getFirst();
    assertThat(approve.getHeader("Authorization")).isEqualTo(ProviderHttp.basic("IRIS-APPROVER-TEST"));
    assertThat(json.readTree(approve.getBodyAsString()).at("/reference_nos/0").asText()).isEqualTo("1d4f8c2b3aaed");
  }

  @Test
  void aPayoutIrisRefusesIsABusinessRefusalWithItsMessage() {
    wiremock.stubFor(post(urlEqualTo("/iris/api/v1/payouts"))
        .willReturn(aResponse().withStatus(400).withBody(ProviderStubs.body("iris/payout-refused.json"))));

    assertThat(midtrans.requestPayout("PO-RB-7KQ2M9XA-RELEASE-1", 270_000, "BCA:1234567890:BUDI SANTOSO"))
        .isEqualTo(new PayoutRequestResult.Refused("An error occurred when creating payouts"));
    assertThat(calls.entries.getFirst().providerMessage()).isEqualTo("An error occurred when creating payouts");
    assertThat(midtrans.requestPayout("PO-RB-7KQ2M9XA-RELEASE-2", 270_000, "NONE"))
        .isEqualTo(new PayoutRequestResult.Refused("no payout account"));
  }

  @Test
  void aRefundGoesBackToAWalletButNotToAVirtualAccount() throws Exception {
    wiremock.stubFor(get(urlEqualTo("/midtrans/v2/PAY-RB-BANK/status"))
        .willReturn(aResponse().withStatus(200).withBody(ProviderStubs.body("midtrans/status-settlement.json", Map.of(ORDER, "PAY-RB-BANK")))));
    wiremock.stubFor(get(urlEqualTo("/midtrans/v2/PAY-RB-WALLET/status")).willReturn(aResponse().withStatus(200).withBody(
        ProviderStubs.body("midtrans/status-settlement.json", Map.of(ORDER, "PAY-RB-WALLET", "bank_transfer", "gopay")))));
    wiremock.stubFor(post(urlEqualTo("/midtrans/v2/PAY-RB-WALLET/refund/online/direct")).willReturn(aResponse().withStatus(200)
        .withBody("{\"status_code\":\"200\",\"status_message\":\"Success, refund request is approved\",\"refund_chargeback_id\":7,"
            + "\"refund_amount\":\"276750.00\",\"refund_key\":\"PO-RB-WALLET-REFUND-1\"}")));

    assertThat(midtrans.requestPayout("PO-RB-BANK-REFUND-1", 276_750, "SOURCE:PAY-RB-BANK"))
        .isInstanceOfSatisfying(PayoutRequestResult.Refused.class, r -> assertThat(r.reason()).contains("bank_transfer"));
    assertThat(midtrans.requestPayout("PO-RB-WALLET-REFUND-1", 276_750, "SOURCE:PAY-RB-WALLET"))
        .isEqualTo(new PayoutRequestResult.Completed("7"));
    JsonNode refund = json.readTree(wiremock.findAll(postRequestedFor(urlPathEqualTo("/midtrans/v2/PAY-RB-WALLET/refund/online/direct")))
        .getFirst().getBodyAsString());
    assertThat(refund.get("refund_key").asText()).isEqualTo("PO-RB-WALLET-REFUND-1");
    assertThat(refund.get("amount").asLong()).isEqualTo(276_750);
  }

  @Test
  void theAccountHolderComesFromIrisAndTheAccountIsMaskedInTheAudit() {
    wiremock.stubFor(get(urlEqualTo("/iris/api/v1/account_validation?bank=bca&account=1234567890"))
        .willReturn(aResponse().withStatus(200).withBody(ProviderStubs.body("iris/account-validation.json"))));
    wiremock.stubFor(get(urlEqualTo("/iris/api/v1/account_validation?bank=bca&account=999"))
        .willReturn(aResponse().withStatus(404).withBody("{\"error_message\":\"Account not found\"}")));
    wiremock.stubFor(get(urlEqualTo("/iris/api/v1/account_validation?bank=xyz&account=1234567890"))
        .willReturn(aResponse().withStatus(400).withBody("{\"error_message\":\"Bank is not supported\"}")));

    assertThat(midtrans.accountHolder("BCA", "1234567890")).contains("BUDI SANTOSO");
    assertThat(midtrans.accountHolder("BCA", "999")).isEmpty();
    assertThatThrownBy(() -> midtrans.accountHolder("XYZ", "1234567890"))
        .isInstanceOfSatisfying(ProviderRefusedException.class, e -> assertThat(e.providerMessage()).isEqualTo("Bank is not supported"));
    assertThat(calls.entries.getFirst().reference()).isEqualTo("BCA ******7890");
  }

  @Test
  void wrongKeysAreAConfigurationRefusalNotARetry() {
    wiremock.stubFor(get(urlEqualTo("/midtrans/v2/" + ORDER + "/status"))
        .willReturn(aResponse().withStatus(401).withBody("{\"status_code\":\"401\",\"status_message\":\"Access denied due to unauthorized transaction\"}")));
    assertThatThrownBy(() -> midtrans.paymentStatus(ORDER))
        .isInstanceOfSatisfying(ProviderRefusedException.class, e -> assertThat(e.configuration()).isTrue());
  }

  @Test
  void notificationSignaturesAreCheckedOverTheStringsAsReceived() {
    String signature = MidtransSignature.payment(ORDER, "200", "276750.00", SERVER_KEY);
    assertThat(MidtransSignature.same(MidtransSignature.payment(ORDER, "200", "276750.00", SERVER_KEY), signature)).isTrue();
    assertThat(MidtransSignature.same(MidtransSignature.payment(ORDER, "200", "276750", SERVER_KEY), signature)).isFalse();
    byte[] body = ProviderStubs.body("iris/notification-completed.json").getBytes(StandardCharsets.UTF_8);
    String iris = MidtransSignature.iris(body, "IRIS-MERCHANT-TEST");
    assertThat(MidtransSignature.same(MidtransSignature.iris(body, "IRIS-MERCHANT-TEST"), iris.toUpperCase())).isTrue();
    assertThat(MidtransSignature.same(MidtransSignature.iris(body, "another key"), iris)).isFalse();
    assertThat(MidtransStatuses.codeFits("settlement", "201")).isFalse();
    assertThat(MidtransStatuses.codeFits("expire", "202")).isTrue();
  }

  @Test
  void keysThatContradictTheEnvironmentStopTheStart() {
    MidtransProperties.Iris iris = new MidtransProperties.Iris("c", "a", "m", false);
    assertThatThrownBy(() -> new MidtransProperties("production", "SB-Mid-server-x", null, null, iris, List.of(), Duration.ZERO).validate())
        .hasMessageContaining("does not fit environment production");
    assertThatThrownBy(() -> new MidtransProperties("sandbox", "Mid-server-x", null, null, iris, List.of(), Duration.ZERO).validate())
        .hasMessageContaining("does not fit environment sandbox");
    assertThatThrownBy(() -> new MidtransProperties("sandbox", "SB-Mid-server-x", null, null, new MidtransProperties.Iris(null, null, null, false),
        List.of(), Duration.ZERO).validate()).hasMessageContaining("REKBER_PAYMENT_MIDTRANS_IRIS_CREATOR_KEY");
  }

  private Invoice charge(PaymentMethod method) {
    return midtrans.charge(ORDER, 276_750, DEADLINE, method);
  }

  private void stubCharge(String type, String bank, String file) {
    var request = post(urlEqualTo("/midtrans/v2/charge")).withRequestBody(matchingJsonPath("$.payment_type", equalTo(type)));
    if (bank != null) {
      request = request.withRequestBody(matchingJsonPath("$.bank_transfer.bank", equalTo(bank)));
    }
    wiremock.stubFor(request.willReturn(aResponse().withStatus(200).withBody(ProviderStubs.body("midtrans/" + file))));
  }
}
