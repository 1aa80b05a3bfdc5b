package id.rekber.payment.midtrans;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import id.rekber.payment.Payment;
import id.rekber.payment.PaymentRepository;
import id.rekber.payment.Payout;
import id.rekber.payment.PayoutRepository;
import id.rekber.payment.ProviderReports.ProviderTransaction;
import id.rekber.payment.http.ProviderHttp;
import id.rekber.payment.http.ProviderHttpProperties;
import id.rekber.payment.http.RecordingCallLog;
import id.rekber.support.ProviderStubs;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Midtrans' day for the funds reconciliation: our payments settled that day (status API) and Iris' statement. */
class MidtransReportsTest {
  final WireMockServer wiremock = new WireMockServer(options().dynamicPort().notifier(new ConsoleNotifier(false)));

  @AfterEach
  void stop() {
    wiremock.stop();
  }

  @Test
  void aDayIsOurSettledPaymentsAndIrisPayoutsAndFees() {
    wiremock.start();
    Clock clock = Clock.fixed(Instant.parse("2026-12-06T00:00:00Z"), ZoneOffset.UTC);
    ProviderHttp http = new ProviderHttp(new ProviderHttpProperties(Duration.ofSeconds(5), Duration.ofSeconds(10)), new RecordingCallLog(),
        new ObjectMapper(), clock);
    String base = "http://localhost:" + wiremock.port();
    MidtransPaymentProvider midtrans = new MidtransPaymentProvider(new MidtransProperties("sandbox", "SB-Mid-server-T", base + "/midtrans",
        base + "/iris", new MidtransProperties.Iris("C", "A", "M", false), List.of("bca_va"), Duration.ofMinutes(15)), http, "http://x", clock);
    wiremock.stubFor(get(urlEqualTo("/midtrans/v2/PAY-RB-SETTLED/status")).willReturn(aResponse().withStatus(200)
        .withBody(ProviderStubs.body("midtrans/status-settlement.json", Map.of("PAY-RB-7KQ2M9XA", "PAY-RB-SETTLED")))));
    wiremock.stubFor(get(urlEqualTo("/midtrans/v2/PAY-RB-PENDING/status")).willReturn(aResponse().withStatus(200)
        .withBody(ProviderStubs.body("midtrans/status-pending.json", Map.of("PAY-RB-7KQ2M9XA", "PAY-RB-PENDING")))));
    wiremock.stubFor(get(urlEqualTo("/iris/api/v1/statements?from_date=2026-12-03&to_date=2026-12-03"))
        .willReturn(aResponse().withStatus(200).withBody(ProviderStubs.body("iris/statements.json"))));

    PaymentRepository payments = repository(PaymentRepository.class, "findByProviderAndCreatedAtBetween",
        List.of(payment("PAY-RB-SETTLED"), payment("PAY-RB-PENDING")));
    PayoutRepository payouts = repository(PayoutRepository.class, "findByProviderAndProviderReference", Optional.of(payout()));

    List<ProviderTransaction> day = new MidtransReports(midtrans, payments, payouts).transactionsOn(LocalDate.of(2026, 12, 3));

    assertThat(day).extracting(t -> t.kind() + " " + t.reference() + " " + t.amount() + " " + t.fee())
        .containsExactly("PAYMENT PAY-RB-SETTLED 276750 0", "PAYOUT PO-RB-7KQ2M9XA-RELEASE-1 270000 0",
            "FEE PO-RB-7KQ2M9XA-RELEASE-1 5000 5000");
    assertThat(day.getFirst().occurredAt()).isEqualTo(Instant.parse("2026-12-03T08:10:00Z")); // 15:10 WIB
  }

  private static Payment payment(String id) {
    return proxy(Payment.class, id);
  }

  private static Payout payout() {
    return proxy(Payout.class, "PO-RB-7KQ2M9XA-RELEASE-1");
  }

  /** Entities have a protected constructor; the report only reads their ids. */
  private static <T> T proxy(Class<T> type, String id) {
    try {
      var constructor = type.getDeclaredConstructor();
      constructor.setAccessible(true);
      T entity = constructor.newInstance();
      var field = type.getDeclaredField("id");
      field.setAccessible(true);
      field.set(entity, id);
      return entity;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A repository answering one finder; the report needs no other. */
  @SuppressWarnings("unchecked")
  private static <R> R repository(Class<R> type, String finder, Object answer) {
    return (R) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
      if (method.getName().equals(finder)) {
        return answer;
      }
      throw new UnsupportedOperationException(method.getName());
    });
  }
}
