package id.rekber.payment.xendit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
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
import id.rekber.payment.ProviderReports;
import id.rekber.payment.ProviderUnavailableException;
import id.rekber.payment.http.ProviderHttp;
import id.rekber.payment.http.ProviderHttpProperties;
import id.rekber.payment.http.RecordingCallLog;
import id.rekber.platform.Refusal;
import id.rekber.support.ProviderStubs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Xendit adapter against WireMock, with bodies from Xendit's documentation
 * (src/test/resources/wiremock/xendit/SOURCES.md). No Spring, no database.
 */
class XenditContractTest {
  static final String KEY = "xnd_development_CONTRACT_TEST";
  static final String ORDER = "PAY-RB-7KQ2M9XA";
  static final String PAYOUT = "PO-RB-7KQ2M9XA-RELEASE-1";
  static final String LOOKUP = "/xendit/v2/invoices?external_id=" + ORDER;
  static final Instant NOW = Instant.parse("2026-12-03T07:05:00Z");
  static WireMockServer wiremock;

  RecordingCallLog calls;
  XenditPaymentProvider xendit;
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
    xendit = adapter(Duration.ofSeconds(10));
  }

  /** A short read timeout only where a test wants the first call to time out (the machine may be slow). */
  XenditPaymentProvider adapter(Duration readTimeout) {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    ProviderHttp http = new ProviderHttp(new ProviderHttpProperties(Duration.ofSeconds(5), readTimeout), calls, json, clock);
    XenditProperties properties = new XenditProperties(KEY, "TOKEN", false, List.of("BCA", "QRIS", "OVO"),
        "http://localhost:" + wiremock.port() + "/xendit");
    return new XenditPaymentProvider(properties, http, "https://rekber.example", clock);
  }

  @Test
  void anInvoiceIsLookedUpByExternalIdThenCreatedForTheTimeLeft() throws Exception {
    wiremock.stubFor(get(urlEqualTo(LOOKUP)).willReturn(aResponse().withStatus(200).withBody("[]")));
    wiremock.stubFor(post(urlEqualTo("/xendit/v2/invoices"))
        .willReturn(aResponse().withStatus(200).withBody(ProviderStubs.body("xendit/invoice-created.json"))));

    Invoice invoice = xendit.createInvoice(ORDER, 276_750, NOW.plusSeconds(86_100));

    assertThat(invoice.method()).isEqualTo(PaymentMethod.INVOICE);
    assertThat(invoice.checkoutUrl()).isEqualTo("https://checkout-staging.xendit.co/web/579c8d61f23fa4ca35e52da4");
    assertThat(invoice.chargeTransactionId()).isEqualTo("579c8d61f23fa4ca35e52da4");
    LoggedRequest create = wiremock.findAll(postRequestedFor(urlEqualTo("/xendit/v2/invoices"))).getFirst();
    JsonNode body = json.readTree(create.getBodyAsString());
    assertThat(body.get("external_id").asText()).isEqualTo(ORDER);
    assertThat(body.get("amount").asLong()).isEqualTo(276_750);
    assertThat(body.get("invoice_duration").asLong()).isEqualTo(86_100);
    assertThat(body.get("should_send_email").asBoolean()).isFalse();
    assertThat(body.has("payer_email") || body.has("customer")).as("no personal data").isFalse();
    assertThat(create.getHeader("Authorization")).isEqualTo(ProviderHttp.basic(KEY));
  }

  @Test
  void aRetryAfterATimedOutCreateFindsTheFirstInvoiceInsteadOfMakingASecond() {
    wiremock.stubFor(get(urlEqualTo(LOOKUP)).inScenario("lost").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(200).withBody("[]")));
    wiremock.stubFor(post(urlEqualTo("/xendit/v2/invoices")).inScenario("lost").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(200).withFixedDelay(4_000).withBody(ProviderStubs.body("xendit/invoice-created.json")))
        .willSetStateTo("created"));
    wiremock.stubFor(get(urlEqualTo(LOOKUP)).inScenario("lost").whenScenarioStateIs("created")
        .willReturn(aResponse().withStatus(200).withBody("[" + ProviderStubs.body("xendit/invoice-created.json") + "]")));

    assertThatThrownBy(() -> adapter(Duration.ofSeconds(1)).createInvoice(ORDER, 276_750, NOW.plusSeconds(86_100)))
        .isInstanceOf(ProviderUnavailableException.class);
    Invoice retried = xendit.createInvoice(ORDER, 276_750, NOW.plusSeconds(86_100));

    assertThat(retried.chargeTransactionId()).isEqualTo("579c8d61f23fa4ca35e52da4");
    wiremock.verify(1, postRequestedFor(urlEqualTo("/xendit/v2/invoices")));
    wiremock.verify(2, getRequestedFor(urlEqualTo(LOOKUP)));
  }

  @Test
  void aPayoutRetriedAfterATimeoutCarriesTheSameIdempotencyKey() throws Exception {
    wiremock.stubFor(post(urlEqualTo("/xendit/v2/payouts")).inScenario("slow").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(200).withFixedDelay(4_000).withBody(ProviderStubs.body("xendit/payout-accepted.json")))
        .willSetStateTo("answered"));
    wiremock.stubFor(post(urlEqualTo("/xendit/v2/payouts")).inScenario("slow").whenScenarioStateIs("answered")
        .willReturn(aResponse().withStatus(200).withBody(ProviderStubs.body("xendit/payout-accepted.json"))));

    assertThatThrownBy(() -> adapter(Duration.ofSeconds(1)).requestPayout(PAYOUT, 270_000, "BCA:1234567890:BUDI SANTOSO"))
        .isInstanceOf(ProviderUnavailableException.class);
    assertThat(payout()).isEqualTo(new PayoutRequestResult.Accepted("disb-571f3644d2b4edf0745e9703"));

    List<LoggedRequest> sent = wiremock.findAll(postRequestedFor(urlEqualTo("/xendit/v2/payouts")));
    assertThat(sent).hasSize(2).allSatisfy(r -> assertThat(r.getHeader("Idempotency-key")).isEqualTo(PAYOUT));
    JsonNode body = json.readTree(sent.getFirst().getBodyAsString());
    assertThat(body.get("reference_id").asText()).isEqualTo(PAYOUT);
    assertThat(body.get("channel_code").asText()).isEqualTo("ID_BCA");
    assertThat(body.at("/channel_properties/account_holder_name").asText()).isEqualTo("BUDI SANTOSO");
    assertThat(calls.entries).allSatisfy(e -> assertThat(e.toString()).doesNotContain(KEY, "1234567890", "BUDI"));
  }

  @Test
  void aStormOf5xxIsTechnicalEveryTimeWithTheSameKey() {
    wiremock.stubFor(post(urlEqualTo("/xendit/v2/payouts")).willReturn(aResponse().withStatus(503)));
    for (int attempt = 0; attempt < 5; attempt++) {
      assertThatThrownBy(this::payout).isInstanceOf(ProviderUnavailableException.class);
    }
    wiremock.verify(5, postRequestedFor(urlEqualTo("/xendit/v2/payouts")).withHeader("Idempotency-key", equalTo(PAYOUT)));
    assertThat(calls.entries).hasSize(5).allSatisfy(e -> assertThat(e.httpStatus()).isEqualTo(503));
  }

  @Test
  void aPayoutXenditRefusesIsABusinessRefusalWithItsMessage() {
    wiremock.stubFor(post(urlEqualTo("/xendit/v2/payouts"))
        .willReturn(aResponse().withStatus(400).withBody(ProviderStubs.body("xendit/payout-refused.json"))));
    assertThat(payout()).isInstanceOfSatisfying(PayoutRequestResult.Refused.class,
        r -> assertThat(r.reason()).contains("does not match the registered account name"));
    assertThat(calls.entries.getFirst().providerCode()).isEqualTo("API_VALIDATION_ERROR");
    assertThat(xendit.requestPayout("PO-X-REFUND-1", 1_000, "SOURCE:PAY-X")).isInstanceOf(PayoutRequestResult.Refused.class);
  }

  @Test
  void aPaidInvoiceIsPaidWhateverNewerInvoicesSay() {
    wiremock.stubFor(get(urlEqualTo(LOOKUP)).willReturn(aResponse().withStatus(200).withBody("[" + ProviderStubs.body("xendit/invoice-paid.json") + "]")));
    var paid = xendit.paymentStatus(ORDER).orElseThrow();
    assertThat(paid.status()).isEqualTo(PaymentStatus.PAID);
    assertThat(paid.grossAmount()).isEqualTo(276_750);
    assertThat(paid.transactionId()).isEqualTo("579c8d61f23fa4ca35e52da4");
  }

  @Test
  void theNameValidatorAnswersTheHolderNoneOrPleaseWait() {
    wiremock.stubFor(post(urlEqualTo("/xendit/bank_account_data_requests"))
        .willReturn(aResponse().withStatus(200).withBody(ProviderStubs.body("xendit/name-validation-success.json"))));
    assertThat(xendit.accountHolder("BCA", "1234567890")).contains("BUDI SANTOSO");

    wiremock.stubFor(post(urlEqualTo("/xendit/bank_account_data_requests"))
        .willReturn(aResponse().withStatus(200).withBody("{\"status\":\"FAILURE\",\"failure_reason\":\"BANK_ACCOUNT_NOT_FOUND\"}")));
    assertThat(xendit.accountHolder("BCA", "1234567890")).isEmpty();

    wiremock.stubFor(post(urlEqualTo("/xendit/bank_account_data_requests"))
        .willReturn(aResponse().withStatus(200).withBody("{\"status\":\"PENDING\"}")));
    assertThatThrownBy(() -> xendit.accountHolder("BCA", "1234567890"))
        .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("kyc.payout-account.checking"));
    assertThat(calls.entries).allSatisfy(e -> assertThat(e.reference()).isEqualTo("BCA ******7890"));
  }

  @Test
  void theDaysTransactionsComeFromTheTransactionsListWithFees() {
    wiremock.stubFor(get(urlPathEqualTo("/xendit/transactions"))
        .willReturn(aResponse().withStatus(200).withBody(ProviderStubs.body("xendit/transactions.json"))));

    List<ProviderReports.ProviderTransaction> day = new XenditReports(xendit).transactionsOn(LocalDate.of(2026, 12, 3));

    assertThat(day).extracting(t -> t.kind() + " " + t.reference() + " " + t.amount() + " " + t.fee())
        .containsExactly("PAYMENT PAY-RB-7KQ2M9XA 276750 4440", "PAYOUT PO-RB-7KQ2M9XA-RELEASE-1 270000 2775");
    LoggedRequest asked = wiremock.findAll(getRequestedFor(urlPathEqualTo("/xendit/transactions"))).getFirst();
    assertThat(asked.queryParameter("created[gte]").firstValue()).isEqualTo("2026-12-02T17:00:00Z"); // 00:00 WIB
    assertThat(asked.queryParameter("statuses").firstValue()).isEqualTo("SUCCESS");
  }

  @Test
  void aKeyOfTheOtherModeStopsTheStart() {
    assertThatThrownBy(() -> new XenditProperties("xnd_development_x", "t", true, List.of(), "http://x").validate())
        .hasMessageContaining("expect-live=true");
    assertThatThrownBy(() -> new XenditProperties("xnd_development_x", null, false, List.of(), "http://x").validate())
        .hasMessageContaining("REKBER_PAYMENT_XENDIT_CALLBACK_TOKEN");
  }

  private PayoutRequestResult payout() {
    return xendit.requestPayout(PAYOUT, 270_000, "BCA:1234567890:BUDI SANTOSO");
  }
}
