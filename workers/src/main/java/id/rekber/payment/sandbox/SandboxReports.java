package id.rekber.payment.sandbox;

import id.rekber.payment.ProviderReports;
import id.rekber.platform.PaymentSandbox;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The sandbox's daily statement, from its own books: invoices settled and payouts completed on a
 * day (Asia/Jakarta), and the escrow account's closing balance (everything settled minus everything
 * paid out, up to the end of the day). A payout dropped through {@link SandboxFaults} is missing from
 * both, as it would be from a faulty provider report.
 */
@Component
@PaymentSandbox
public class SandboxReports implements ProviderReports {
  static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

  private final JdbcTemplate jdbc;
  private final SandboxFaults faults;

  SandboxReports(JdbcTemplate jdbc, SandboxFaults faults) {
    this.jdbc = jdbc;
    this.faults = faults;
  }

  @Override
  public String provider() {
    return SandboxPaymentProvider.NAME;
  }

  @Override
  public List<ProviderTransaction> transactionsOn(LocalDate day) {
    Timestamp from = start(day);
    Timestamp to = start(day.plusDays(1));
    List<ProviderTransaction> lines = new ArrayList<>(jdbc.query(
        "SELECT order_id, amount, paid_at FROM sandbox_invoice WHERE status = 'settlement' AND paid_at >= ? AND paid_at < ?",
        (rs, i) -> new ProviderTransaction(Kind.PAYMENT, rs.getString(1), "SBX-" + rs.getString(1), rs.getLong(2), 0,
            "settlement", rs.getTimestamp(3).toInstant()),
        from, to));
    jdbc.query(
            "SELECT payout_id, amount, created_at FROM sandbox_payout WHERE status = 'COMPLETED' AND created_at >= ? AND created_at < ?",
            (rs, i) -> new ProviderTransaction(Kind.PAYOUT, rs.getString(1), "SBX-" + rs.getString(1), rs.getLong(2), 0,
                "COMPLETED", rs.getTimestamp(3).toInstant()),
            from, to)
        .stream()
        .filter(t -> !faults.droppedFromStatement(t.reference()))
        .forEach(lines::add);
    lines.sort(Comparator.comparing(ProviderTransaction::occurredAt));
    return lines;
  }

  @Override
  public Optional<Long> closingBalance(LocalDate day) {
    Timestamp end = start(day.plusDays(1));
    Long settled = jdbc.queryForObject(
        "SELECT COALESCE(SUM(amount), 0) FROM sandbox_invoice WHERE status = 'settlement' AND paid_at < ?", Long.class, end);
    long paidOut = jdbc.query(
            "SELECT payout_id, amount FROM sandbox_payout WHERE status = 'COMPLETED' AND created_at < ?",
            (rs, i) -> faults.droppedFromStatement(rs.getString(1)) ? 0L : rs.getLong(2),
            end)
        .stream().mapToLong(Long::longValue).sum();
    return Optional.of(settled - paidOut);
  }

  private static Timestamp start(LocalDate day) {
    return Timestamp.from(day.atStartOfDay(WIB).toInstant());
  }
}
