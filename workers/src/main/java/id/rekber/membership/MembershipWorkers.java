package id.rekber.membership;

import id.rekber.payment.PaymentProvider;
import id.rekber.payment.PaymentProviders;
import io.camunda.client.annotation.CustomHeaders;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Service tasks of processes/membership.bpmn. Each is safe to redeliver: invoices are keyed by
 * order id (a renewal's id is derived from the member and the period it renews), mails by dedupe key.
 */
@Component
public class MembershipWorkers {
  private final MembershipStore store;
  private final BenefitsDecision decision;
  private final PaymentProviders providers;
  private final MembershipMails mails;
  private final MembershipProperties properties;
  private final TransactionTemplate tx;
  private final Clock clock;

  MembershipWorkers(MembershipStore store, BenefitsDecision decision, PaymentProviders providers, MembershipMails mails,
      MembershipProperties properties, TransactionTemplate tx, Clock clock) {
    this.store = store;
    this.decision = decision;
    this.providers = providers;
    this.mails = mails;
    this.properties = properties;
    this.tx = tx;
    this.clock = clock;
  }

  /** "Create membership invoice": the provider's invoice for the first order; the process waits until it expires. */
  @JobWorker(type = "membership-invoice", fetchVariables = "orderId")
  public Map<String, Object> createInvoice(@Variable String orderId) {
    MembershipPayment payment = store.payment(orderId).orElseThrow(() -> new IllegalStateException("no membership order " + orderId));
    attachInvoice(payment);
    return Map.of("paymentDeadline", MembershipProcess.timerDate(payment.expiresAt()));
  }

  /**
   * "Send renewal invoice and reminder", before the period ends: nothing for a member who cancelled;
   * otherwise a renewal invoice payable until the grace period ends, and a mail with its link.
   */
  @JobWorker(type = "membership-renewal", fetchVariables = "userId")
  public Map<String, Object> prepareRenewal(@Variable String userId) {
    UUID user = UUID.fromString(userId);
    Membership m = store.find(user).orElseThrow();
    if (m.cancelAtPeriodEnd() || !m.givesBenefits()) {
      return Map.of("renewal", "CANCELLED");
    }
    PlanTerms terms = decision.of(m.plan());
    Instant now = clock.instant();
    String orderId = renewalOrderId(user, m.periodEnd());
    tx.executeWithoutResult(s -> store.insertPayment(new MembershipPayment(orderId, user, m.plan(), "RENEWAL", terms.price(), "PENDING",
        null, m.periodEnd().plus(properties.grace()), now, null, null, null)));
    MembershipPayment renewal = attachInvoice(store.payment(orderId).orElseThrow());
    mails.reminder(user, renewal, m.periodEnd());
    return Map.of("renewal", "INVOICED", "orderId", orderId);
  }

  /** "Start grace period": the period ended unpaid; benefits continue until the grace period ends. */
  @JobWorker(type = "membership-grace", fetchVariables = {"userId", "orderId", "graceUntil"})
  public Map<String, Object> startGrace(@Variable String userId, @Variable String orderId, @Variable String graceUntil) {
    UUID user = UUID.fromString(userId);
    Membership m = store.find(user).orElseThrow();
    if (m.cancelAtPeriodEnd()) {
      return Map.of("cancelled", true);
    }
    Instant until = Instant.parse(graceUntil);
    tx.executeWithoutResult(s -> store.grace(user, until, clock.instant()));
    mails.grace(user, orderId, until);
    return Map.of("cancelled", false);
  }

  /** "End … membership": UNPAID (the first invoice expired), CANCELLED (at the period's end) or EXPIRED (grace over). */
  @JobWorker(type = "membership-end", fetchVariables = {"userId", "orderId"})
  public void end(@Variable String userId, @Variable String orderId, @CustomHeaders Map<String, String> headers) {
    UUID user = UUID.fromString(userId);
    String reason = headers.get("reason");
    boolean ended = Boolean.TRUE.equals(tx.execute(s -> {
      Membership m = store.lock(user).orElseThrow();
      // An unpaid first order ends only a membership still waiting for it (not one a late callback activated).
      if (Membership.ENDED.equals(m.status()) || ("UNPAID".equals(reason) && !Membership.PENDING.equals(m.status()))) {
        return false;
      }
      store.end(user, reason, clock.instant());
      return true;
    }));
    if (ended && !"UNPAID".equals(reason)) {
      mails.ended(user, reason, orderId);
    }
  }

  private MembershipPayment attachInvoice(MembershipPayment payment) {
    // New invoices go to the active provider (decision 33).
    PaymentProvider.Invoice invoice = providers.active().createInvoice(payment.orderId(), payment.amount(), payment.expiresAt());
    tx.executeWithoutResult(s -> store.attachCheckout(payment.orderId(), invoice.checkoutUrl()));
    return store.payment(payment.orderId()).orElseThrow();
  }

  /** Renewing the same period twice (a redelivered job) asks for the same invoice. */
  static String renewalOrderId(UUID user, Instant periodEnd) {
    return MembershipPayments.PREFIX + user.toString().replace("-", "").substring(0, 20) + "-" + Long.toString(periodEnd.getEpochSecond(), 36);
  }
}
