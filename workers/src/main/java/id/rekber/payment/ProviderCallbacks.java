package id.rekber.payment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rekber.platform.Refusal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where every verified provider callback enters: it is kept ({@code provider_callback}) before it is
 * applied or answered, so a crash between "received" and "applied" loses nothing; {@link
 * PaymentReconciliation} applies what was kept but not applied. A settlement is believed only when
 * the provider's status API says the same (no lock is held while it answers).
 */
@Service
public class ProviderCallbacks {
  private static final Logger log = LoggerFactory.getLogger(ProviderCallbacks.class);

  private final PaymentCallbacks payments;
  private final PayoutResults payouts;
  private final PaymentProviders providers;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final ObjectMapper json;
  private final Clock clock;
  private final List<OrderRoute> routes;

  ProviderCallbacks(PaymentCallbacks payments, PayoutResults payouts, PaymentProviders providers, JdbcTemplate jdbc,
      TransactionTemplate tx, ObjectMapper json, Clock clock, List<OrderRoute> routes) {
    this.routes = routes;
    this.payments = payments;
    this.payouts = payouts;
    this.providers = providers;
    this.jdbc = jdbc;
    this.tx = tx;
    this.json = json;
    this.clock = clock;
  }

  /** Keeps, confirms and applies a payment callback; returns the outcome for the provider's logs. */
  public String payment(PaymentNotification n) {
    return applyPayment(keep(n.provider(), "PAYMENT", n.orderId(), n), n);
  }

  public String payout(PayoutNotification n) {
    return applyPayout(keep(n.provider(), "PAYOUT", n.payoutId(), n), n);
  }

  /** Applies callbacks kept but not applied (a crash, a database hiccup); returns how many were applied. */
  int applyKept(Instant receivedBefore) {
    List<Kept> kept =
        jdbc.query(
            "SELECT id, kind, body FROM provider_callback WHERE status = 'RECEIVED' AND received_at < ? ORDER BY id LIMIT 200",
            (rs, i) -> new Kept(rs.getLong(1), rs.getString(2), rs.getString(3)),
            Timestamp.from(receivedBefore));
    int applied = 0;
    for (Kept k : kept) {
      try {
        if ("PAYMENT".equals(k.kind())) {
          applyPayment(k.id(), json.readValue(k.body(), PaymentNotification.class));
        } else {
          applyPayout(k.id(), json.readValue(k.body(), PayoutNotification.class));
        }
        applied++;
      } catch (Refusal refused) {
        // recorded as REFUSED by apply
      } catch (JsonProcessingException | RuntimeException e) {
        log.warn("Kept provider callback {} not applied yet: {}", k.id(), e.toString());
        jdbc.update("UPDATE provider_callback SET attempts = attempts + 1, last_error = ? WHERE id = ?", truncate(e.toString()), k.id());
      }
    }
    return applied;
  }

  private String applyPayment(long id, PaymentNotification n) {
    java.util.Optional<OrderRoute> route = routes.stream().filter(r -> r.owns(n.orderId())).findFirst();
    if (route.isPresent()) {
      return apply(id, () -> {
        route.get().validate(n);
        if (n.isSettled()) {
          confirmSettled(n);
        }
        return route.get().handle(n);
      });
    }
    return apply(id, () -> {
      payments.validate(n);
      if (n.isSettled()) {
        confirmSettled(n);
      }
      return payments.handle(n);
    });
  }

  private String applyPayout(long id, PayoutNotification n) {
    return apply(id, () -> payouts.handle(n));
  }

  private String apply(long id, java.util.function.Supplier<String> action) {
    try {
      String outcome = action.get();
      finish(id, "APPLIED", outcome);
      return outcome;
    } catch (Refusal refused) {
      finish(id, "REFUSED", refused.code());
      throw refused;
    }
  }

  /**
   * A signed "settlement" proves only that the provider signed those words; its status API must
   * agree, with the same amount, before a rupiah is recorded.
   */
  private void confirmSettled(PaymentNotification n) {
    PaymentProvider.ProviderPayment at = providers.named(n.provider()).paymentStatus(n.orderId())
        .orElseThrow(() -> Refusal.conflict("payment.not-settled-at-provider", n.orderId()));
    if (at.status() != PaymentStatus.PAID || at.grossAmount() != n.grossAmount()) {
      throw Refusal.conflict("payment.not-settled-at-provider", n.orderId());
    }
  }

  private long keep(String providerName, String kind, String reference, Object notification) {
    String body;
    try {
      body = json.writeValueAsString(notification);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    tx.executeWithoutResult(status -> jdbc.update(
        connection -> {
          var insert = connection.prepareStatement(
              "INSERT INTO provider_callback (provider, kind, reference, body, received_at) VALUES (?, ?, ?, ?, ?)", new String[] {"id"});
          insert.setString(1, providerName);
          insert.setString(2, kind);
          insert.setString(3, reference);
          insert.setString(4, body);
          insert.setTimestamp(5, Timestamp.from(clock.instant()));
          return insert;
        },
        key));
    return key.getKey().longValue();
  }

  private void finish(long id, String status, String outcome) {
    jdbc.update(
        "UPDATE provider_callback SET status = ?, outcome = ?, attempts = attempts + 1, applied_at = ? WHERE id = ?",
        status, outcome, Timestamp.from(clock.instant()), id);
  }

  private static String truncate(String text) {
    return text.length() <= 500 ? text : text.substring(0, 500);
  }

  private record Kept(long id, String kind, String body) {}
}
