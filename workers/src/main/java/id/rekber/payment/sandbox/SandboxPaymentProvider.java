package id.rekber.payment.sandbox;

import id.rekber.platform.PaymentSandbox;
import id.rekber.payment.PaymentProvider;
import id.rekber.payment.PaymentProperties;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The built-in sandbox provider: a virtual account and a QRIS look-alike with a checkout page of
 * its own, and a "bank" that settles payouts after a short delay. It keeps its own books and talks
 * to Rekber only through signed callbacks, as a real provider would.
 *
 * <p>Payouts to an account number ending in 0000, or to no account at all, fail.
 *
 * <p>Account inquiries answer from the sandbox bank's register ({@code sandbox_bank_account}): the
 * demo members' accounts (BCA 1234567890 BUDI SANTOSO, BRI 0987654321 SARI DEWI, MANDIRI 5550000 and
 * 5551234567 JOKO) and whatever was opened with {@code POST /sandbox/api/bank-accounts}. Any other
 * account does not exist.
 */
@Component
@PaymentSandbox
public class SandboxPaymentProvider implements PaymentProvider {
  public static final String NAME = "sandbox";

  private final JdbcTemplate jdbc;
  private final SandboxCallbacks callbacks;
  private final TaskScheduler scheduler;
  private final PaymentProperties properties;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final SandboxFaults faults;

  SandboxPaymentProvider(
      JdbcTemplate jdbc,
      SandboxCallbacks callbacks,
      TaskScheduler scheduler,
      PaymentProperties properties,
      TransactionTemplate tx,
      Clock clock,
      SandboxFaults faults) {
    this.faults = faults;
    this.jdbc = jdbc;
    this.callbacks = callbacks;
    this.scheduler = scheduler;
    this.properties = properties;
    this.tx = tx;
    this.clock = clock;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Invoice createInvoice(String orderId, long amount, Instant expiresAt) {
    faults.beforeCall();
    String va = "8808" + String.format("%012d", Math.floorMod(orderId.hashCode(), 1_000_000_000_000L));
    jdbc.update(
        """
        INSERT INTO sandbox_invoice (order_id, amount, va_number, status, expires_at, created_at)
        VALUES (?, ?, ?, 'pending', ?, ?) ON CONFLICT (order_id) DO NOTHING
        """,
        orderId, amount, va, Timestamp.from(expiresAt), Timestamp.from(clock.instant()));
    return new Invoice(va, "00020101021226SANDBOX.QRIS." + orderId + "5303360540" + amount, "/sandbox/checkout/" + orderId);
  }

  /** The buyer pays at the sandbox checkout: the sandbox settles and notifies Rekber. */
  public SandboxResult pay(String orderId) {
    long[] settledAmount = {0};
    SandboxResult result = tx.execute(
        status -> {
          List<Map<String, Object>> rows =
              jdbc.queryForList("SELECT amount, status, expires_at FROM sandbox_invoice WHERE order_id = ? FOR UPDATE", orderId);
          if (rows.isEmpty()) {
            return SandboxResult.UNKNOWN;
          }
          Map<String, Object> invoice = rows.get(0);
          if (!"pending".equals(invoice.get("status"))) {
            return "settlement".equals(invoice.get("status")) ? SandboxResult.ALREADY_PAID : SandboxResult.EXPIRED;
          }
          if (((Timestamp) invoice.get("expires_at")).toInstant().isBefore(clock.instant())) {
            jdbc.update("UPDATE sandbox_invoice SET status = 'expire' WHERE order_id = ?", orderId);
            return SandboxResult.EXPIRED;
          }
          jdbc.update("UPDATE sandbox_invoice SET status = 'settlement', paid_at = ? WHERE order_id = ?", Timestamp.from(clock.instant()), orderId);
          settledAmount[0] = ((Number) invoice.get("amount")).longValue();
          return SandboxResult.PAID;
        });
    if (result == SandboxResult.PAID) {
      // The sandbox's books are committed: now it tells Rekber, as a provider would.
      long amount = settledAmount[0];
      faults.callback(() -> callbacks.paymentSoon(orderId, "settlement", amount));
    }
    return result;
  }

  /** The sandbox's status API: its own books, which survive a crash of Rekber. */
  @Override
  public Optional<ProviderPayment> paymentStatus(String orderId) {
    faults.beforeCall();
    Map<String, Object> invoice = invoice(orderId);
    if (invoice == null) {
      return Optional.empty();
    }
    String word = (String) invoice.get("status");
    return Optional.of(
        new ProviderPayment(
            orderId, SandboxStatuses.payment(SandboxStatuses.paymentStatusCode(word), word), word,
            ((Number) invoice.get("amount")).longValue(), "SBX-" + orderId));
  }

  public Map<String, Object> invoice(String orderId) {
    List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM sandbox_invoice WHERE order_id = ?", orderId);
    return rows.isEmpty() ? null : rows.get(0);
  }

  /** Expires a pending sandbox invoice; a paid one stays paid and is reported as such. */
  @Override
  public Optional<ProviderPayment> closeInvoice(String orderId) {
    jdbc.update("UPDATE sandbox_invoice SET status = 'expire' WHERE order_id = ? AND status = 'pending'", orderId);
    return paymentStatus(orderId);
  }

  /** Always accepted: the sandbox bank reports failures by callback, as its demo scripts expect. */
  @Override
  public PayoutRequestResult requestPayout(String payoutId, long amount, String destination) {
    faults.beforeCall();
    boolean fails = destination.equals("NONE") || destination.matches("[^:]*:\\d*0000:.*");
    String reason = destination.equals("NONE") ? "no payout account" : fails ? "account not found" : null;
    int inserted =
        jdbc.update(
            """
            INSERT INTO sandbox_payout (payout_id, amount, destination, status, reason, created_at)
            VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (payout_id) DO NOTHING
            """,
            payoutId, amount, destination, fails ? "FAILED" : "COMPLETED", reason, Timestamp.from(clock.instant()));
    if (inserted == 0) {
      // Asked again for the same payout: the bank repeats its answer, it does not pay twice.
      Map<String, Object> row = jdbc.queryForMap("SELECT status, reason FROM sandbox_payout WHERE payout_id = ?", payoutId);
      fails = "FAILED".equals(row.get("status"));
      reason = (String) row.get("reason");
    }
    String status = fails ? "FAILED" : "COMPLETED";
    String failure = reason;
    faults.callback(() -> scheduler.schedule(
        () -> callbacks.payout(payoutId, status, amount, failure),
        Instant.now().plus(properties.sandboxPayoutDelay())));
    return new PayoutRequestResult.Accepted(payoutId);
  }

  @Override
  public Optional<String> accountHolder(String bankCode, String accountNumber) {
    faults.beforeCall();
    return jdbc.queryForList(
            "SELECT holder_name FROM sandbox_bank_account WHERE bank_code = ? AND account_number = ?", String.class, bankCode, accountNumber)
        .stream()
        .findFirst();
  }

  /** Opens an account at the sandbox bank (demo and tests): later inquiries return this holder. */
  public void openAccount(String bankCode, String accountNumber, String holderName) {
    jdbc.update(
        "INSERT INTO sandbox_bank_account (bank_code, account_number, holder_name) VALUES (?, ?, ?)"
            + " ON CONFLICT (bank_code, account_number) DO UPDATE SET holder_name = EXCLUDED.holder_name",
        bankCode, accountNumber, holderName);
  }

  public enum SandboxResult {
    PAID,
    ALREADY_PAID,
    EXPIRED,
    UNKNOWN
  }
}
