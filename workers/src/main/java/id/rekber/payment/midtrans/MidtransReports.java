package id.rekber.payment.midtrans;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekber.payment.Payment;
import id.rekber.payment.PaymentRepository;
import id.rekber.payment.Payout;
import id.rekber.payment.PayoutRepository;
import id.rekber.payment.ProviderReports;
import id.rekber.payment.http.ProviderResponse;
import id.rekber.platform.Rupiah;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Midtrans' day (docs/payment-providers.md, "Reconciliation input"): Core API has no documented
 * "list a day" call, so every payment of ours made through Midtrans in the week before is asked
 * at the status API and kept when it settled that day; payouts and fees come from Iris' statement
 * (path unverified). Fees of buyer payments are unknown (0) until the dashboard's settlement report
 * can be read. Midtrans reports no closing balance we can ask for a past day.
 */
public class MidtransReports implements ProviderReports {
  private static final DateTimeFormatter MIDTRANS_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private final MidtransPaymentProvider provider;
  private final PaymentRepository payments;
  private final PayoutRepository payouts;

  MidtransReports(MidtransPaymentProvider provider, PaymentRepository payments, PayoutRepository payouts) {
    this.provider = provider;
    this.payments = payments;
    this.payouts = payouts;
  }

  @Override
  public String provider() {
    return MidtransPaymentProvider.NAME;
  }

  @Override
  public List<ProviderTransaction> transactionsOn(LocalDate day) {
    List<ProviderTransaction> lines = new ArrayList<>();
    Instant from = day.minusDays(7).atStartOfDay(MidtransPaymentProvider.WIB).toInstant();
    Instant to = day.plusDays(1).atStartOfDay(MidtransPaymentProvider.WIB).toInstant();
    for (Payment payment : payments.findByProviderAndCreatedAtBetween(MidtransPaymentProvider.NAME, from, to)) {
      provider.status(payment.getId()).ifPresent(r -> settledOn(day, payment, r).ifPresent(lines::add));
    }
    ProviderResponse statement = provider.iris().statements(day.toString(), day.toString());
    JsonNode rows = statement.body().isArray() ? statement.body() : statement.body().path("data");
    for (JsonNode row : rows) {
      statementLine(row).ifPresent(lines::add);
    }
    return lines;
  }

  private static Optional<ProviderTransaction> settledOn(LocalDate day, Payment payment, ProviderResponse r) {
    String word = r.text("transaction_status");
    String settled = r.text("settlement_time");
    if (!"settlement".equals(word) || settled == null) {
      return Optional.empty();
    }
    LocalDateTime at = LocalDateTime.parse(settled, MIDTRANS_TIME);
    if (!at.toLocalDate().equals(day)) {
      return Optional.empty();
    }
    long gross = Rupiah.parse(r.text("gross_amount")).map(Rupiah::amount).orElse(0L);
    return Optional.of(new ProviderTransaction(Kind.PAYMENT, payment.getId(), r.text("transaction_id"), gross, 0, word,
        at.atZone(MidtransPaymentProvider.WIB).toInstant()));
  }

  /** Iris statement rows: {@code type} Payout, Payout fee, Refund, Account validation fee (others, e.g. top-ups, are not ours). */
  private Optional<ProviderTransaction> statementLine(JsonNode row) {
    String type = row.path("type").asText("").toLowerCase(Locale.ROOT);
    Kind kind = switch (type) {
      case "payout" -> Kind.PAYOUT;
      case "refund" -> Kind.REFUND;
      case "payout fee", "account validation fee" -> Kind.FEE;
      default -> null;
    };
    if (kind == null) {
      return Optional.empty();
    }
    String reference = row.path("reference_no").asText(null);
    String ours = reference == null ? null
        : payouts.findByProviderAndProviderReference(MidtransPaymentProvider.NAME, reference).map(Payout::getId).orElse(null);
    long amount = Rupiah.parse(row.path("amount").asText("0")).map(Rupiah::amount).orElse(0L);
    Instant at = Optional.ofNullable(row.path("created_at").asText(null)).map(Instant::parse).orElse(null);
    return Optional.of(new ProviderTransaction(kind, ours, reference, Math.abs(amount), kind == Kind.FEE ? Math.abs(amount) : 0,
        row.path("status").asText(null), at));
  }

  @Override
  public Optional<Long> closingBalance(LocalDate day) {
    return Optional.empty();
  }
}
