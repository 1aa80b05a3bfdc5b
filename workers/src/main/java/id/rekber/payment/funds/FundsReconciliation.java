package id.rekber.payment.funds;

import id.rekber.ledger.EntryKind;
import id.rekber.ledger.Ledger;
import id.rekber.payment.PaymentProvider;
import id.rekber.payment.PaymentProviders;
import id.rekber.payment.ProviderReports;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks one day (Asia/Jakarta): the ledger's balances at the end of the day (or now, for today)
 * and its PAYMENT and PAYOUT entries of that day against the chosen provider's statement and
 * closing balance ({@link ProviderReports}), and stores the result.
 */
@Service
public class FundsReconciliation {
  static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

  private final Ledger ledger;
  private final List<ProviderReports> reports;
  private final PaymentProviders providers;
  private final JdbcTemplate jdbc;
  private final FundsDays days;
  private final Clock clock;

  FundsReconciliation(Ledger ledger, List<ProviderReports> reports, PaymentProviders providers, JdbcTemplate jdbc, FundsDays days,
      Clock clock) {
    this.ledger = ledger;
    this.reports = reports;
    this.providers = providers;
    this.jdbc = jdbc;
    this.days = days;
    this.clock = clock;
  }

  /** The day the daily check looks at: yesterday in WIB. */
  public LocalDate previousDay() {
    return LocalDate.now(clock.withZone(WIB)).minusDays(1);
  }

  @Transactional
  public FundsCheck check(LocalDate day) {
    Instant from = day.atStartOfDay(WIB).toInstant();
    Instant endOfDay = day.plusDays(1).atStartOfDay(WIB).toInstant();
    Instant now = clock.instant();
    Instant cutoff = endOfDay.isAfter(now) ? now : endOfDay;
    List<Ledger.ProviderMovement> movements = ledger.providerMovements(from, cutoff);
    Map<String, String> paymentIds = new HashMap<>();
    movements.stream().filter(FundsReconciliation::isBuyerPayment).forEach(m ->
        jdbc.queryForList("SELECT id FROM payment WHERE deal_id = ? AND COALESCE(milestone_seq, 0) = ?", String.class, m.dealId(),
            milestoneOf(m)).stream().findFirst().ifPresent(id -> paymentIds.put(m.idempotencyKey(), id)));
    // The provider new payments go to; a day with money at a provider switched away from is not split (known gap).
    PaymentProvider provider = providers.active();
    Optional<ProviderReports> report = reports.stream().filter(r -> r.provider().equals(provider.name())).findFirst();
    FundsCheck check = FundsComparison.compare(day, provider.name(), ledger.totalsBefore(cutoff), movements, paymentIds,
        report.map(r -> r.transactionsOn(day)).orElse(List.of()),
        report.flatMap(r -> r.closingBalance(day)));
    days.save(check, now);
    return check;
  }

  private static boolean isBuyerPayment(Ledger.ProviderMovement m) {
    return m.kind() == EntryKind.PAYMENT || m.kind() == EntryKind.MILESTONE_PAYMENT;
  }

  /** 0 for the deal's own payment ({@code payment:<deal>}); n for a milestone's ({@code payment:<deal>#n}, decision 46). */
  private static int milestoneOf(Ledger.ProviderMovement m) {
    String key = m.idempotencyKey();
    return m.kind() == EntryKind.MILESTONE_PAYMENT ? Integer.parseInt(key.substring(key.indexOf('#') + 1)) : 0;
  }

  public List<FundsDays.PublicDay> latest(int count) {
    return days.latest(count);
  }
}
