package id.rekber.payment;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Nothing paid is lost: at start-up and every few minutes, callbacks kept but not applied are
 * applied, and every payment still pending here is compared with the provider's status API; money
 * the provider holds is applied once, through the same path as a callback.
 */
@Component
class PaymentReconciliation {
  private static final Logger log = LoggerFactory.getLogger(PaymentReconciliation.class);
  /** A callback younger than this may still be in the hands of the request that received it. */
  private static final Duration IN_FLIGHT = Duration.ofSeconds(30);

  private final ProviderCallbacks callbacks;
  private final PaymentCallbacks payments;
  private final PaymentRepository repository;
  private final PaymentProviders providers;
  private final Clock clock;
  private final boolean enabled;

  PaymentReconciliation(ProviderCallbacks callbacks, PaymentCallbacks payments, PaymentRepository repository,
      PaymentProviders providers, Clock clock, @Value("${rekber.payment.reconcile:true}") boolean enabled) {
    this.callbacks = callbacks;
    this.payments = payments;
    this.repository = repository;
    this.providers = providers;
    this.clock = clock;
    this.enabled = enabled;
  }

  // After the recoveries (so a recovered deal waits for the payment), before the engine relay starts.
  @EventListener(ApplicationReadyEvent.class)
  @Order(1000)
  void atStartUp() {
    reconcile(Duration.ZERO);
  }

  @Scheduled(initialDelayString = "${rekber.payment.reconcile-interval:PT2M}", fixedDelayString = "${rekber.payment.reconcile-interval:PT2M}")
  void everyFewMinutes() {
    reconcile(IN_FLIGHT);
  }

  synchronized Result reconcile(Duration inFlight) {
    if (!enabled) {
      return new Result(0, 0);
    }
    int kept = callbacks.applyKept(clock.instant().minus(inFlight));
    int settled = 0;
    List<Payment> pending = repository.findByStatus(Payment.PENDING);
    for (Payment payment : pending) {
      try {
        settled += settleFromProvider(payment) ? 1 : 0;
      } catch (RuntimeException e) {
        log.warn("Could not reconcile payment {} with the provider: {}", payment.getId(), e.toString());
      }
    }
    if (kept > 0 || settled > 0) {
      log.info("Reconciliation: applied {} kept callbacks, {} payments settled at the provider", kept, settled);
    }
    return new Result(kept, settled);
  }

  private boolean settleFromProvider(Payment payment) {
    if (!providers.has(payment.getProvider())) {
      return false; // a provider no longer configured here: its payments wait for its keys
    }
    PaymentProvider provider = providers.named(payment.getProvider());
    PaymentProvider.ProviderPayment at = provider.paymentStatus(payment.getId()).orElse(null);
    if (at == null || at.status() == PaymentStatus.PENDING) {
      return false;
    }
    String outcome =
        payments.handle(new PaymentNotification(
            provider.name(), "status-api:" + payment.getId() + ":" + at.providerStatus(), payment.getId(), at.status(), at.providerStatus(),
            at.grossAmount(), "IDR", at.transactionId()));
    return "PAID".equals(outcome);
  }

  record Result(int callbacksApplied, int paymentsSettled) {}
}
