package id.rekber.membership;

import id.rekber.ledger.MembershipLedger;
import id.rekber.payment.OrderRoute;
import id.rekber.payment.PaymentNotification;
import id.rekber.payment.PaymentStatus;
import id.rekber.platform.EngineCommands;
import id.rekber.platform.Refusal;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Verified provider callbacks for membership orders ({@code MEM-…}). A settlement is recorded once:
 * the invoice is marked paid, the period starts (or continues from the old period's end), the fee
 * goes on the ledger as revenue and the process hears of it, all in one transaction.
 */
@Component
class MembershipPayments implements OrderRoute {
  private static final Logger log = LoggerFactory.getLogger(MembershipPayments.class);
  static final String PREFIX = "MEM-";

  private final MembershipStore store;
  private final BenefitsDecision decision;
  private final MembershipLedger ledger;
  private final EngineCommands engine;
  private final MembershipMails mails;
  private final MembershipProperties properties;
  private final Clock clock;

  MembershipPayments(MembershipStore store, BenefitsDecision decision, MembershipLedger ledger, EngineCommands engine,
      MembershipMails mails, MembershipProperties properties, Clock clock) {
    this.store = store;
    this.decision = decision;
    this.ledger = ledger;
    this.engine = engine;
    this.mails = mails;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public String prefix() {
    return PREFIX;
  }

  @Override
  @Transactional(readOnly = true)
  public void validate(PaymentNotification n) {
    check(n, store.payment(n.orderId()).orElse(null));
  }

  @Override
  @Transactional
  public String handle(PaymentNotification n) {
    MembershipPayment payment = check(n, store.lockPayment(n.orderId()).orElse(null));
    if (n.status() != PaymentStatus.PAID) {
      if (n.status().isClosedUnpaid()) {
        store.markExpired(payment.orderId());
      }
      return "PAID".equals(payment.status()) ? "IGNORED_AFTER_PAYMENT" : "NOTED";
    }
    if ("PAID".equals(payment.status())) {
      return "ALREADY_PAID";
    }
    Instant now = clock.instant();
    // The money was collected whatever happened to the order since: it is on the ledger at once.
    ledger.recordFee(payment.orderId(), payment.amount(), "Premium membership " + payment.plan() + " (" + payment.kind() + ")");
    Membership m = store.lock(payment.userId()).orElseThrow();
    if (Membership.ENDED.equals(m.status())) {
      // An invoice paid after its membership ended (a provider that let an expired invoice be paid):
      // recorded, not activated; support refunds it by hand (docs/process-catalogue.md, membership).
      store.markPaid(payment.orderId(), now, null, null);
      log.warn("Membership order {} paid after its membership ended; needs a manual refund", payment.orderId());
      return "PAID_AFTER_END";
    }
    // A renewal (paid early or in grace) continues the old period without a gap or a free day.
    Instant start = m.givesBenefits() && m.periodEnd() != null ? m.periodEnd() : now;
    Instant end = MembershipProcess.periodEnd(start, decision.of(payment.plan()).periodMonths());
    store.markPaid(payment.orderId(), now, start, end);
    store.activate(payment.userId(), start, end, now);
    engine.publish(MembershipProcess.PAID, payment.orderId(), "membership-paid:" + payment.orderId(), MembershipProcess.timers(end, properties));
    mails.activated(payment.userId(), payment, end);
    return "PAID";
  }

  private static MembershipPayment check(PaymentNotification n, MembershipPayment payment) {
    if (payment == null) {
      throw Refusal.notFound("payment.unknown-order", n.orderId());
    }
    if (!"IDR".equals(n.currency())) {
      throw Refusal.invalid("payment.wrong-currency", n.currency());
    }
    if (n.grossAmount() != payment.amount()) {
      throw Refusal.invalid("payment.wrong-amount", n.grossAmount(), payment.amount());
    }
    return payment;
  }
}
