package id.rekber.membership;

import id.rekber.identity.AppUser;
import id.rekber.platform.EngineCommands;
import id.rekber.platform.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a member asks of their membership: order a plan, cancel at the period's end, see it. */
@Service
public class MembershipService {
  private final MembershipStore store;
  private final BenefitsDecision decision;
  private final EngineCommands engine;
  private final MembershipProperties properties;
  private final Clock clock;

  MembershipService(MembershipStore store, BenefitsDecision decision, EngineCommands engine, MembershipProperties properties, Clock clock) {
    this.store = store;
    this.decision = decision;
    this.engine = engine;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Orders a plan: a membership row (PENDING), its first invoice and a membership process. Asking
   * again while the first invoice is open returns it; a running membership is refused.
   */
  @Transactional
  public MembershipPayment order(AppUser user, Plan plan) {
    Optional<Membership> current = store.lock(user.getId());
    if (current.filter(Membership::givesBenefits).isPresent()) {
      throw Refusal.conflict("membership.already-active");
    }
    Optional<MembershipPayment> open = store.pendingFirst(user.getId());
    if (open.isPresent() && current.filter(m -> Membership.PENDING.equals(m.status())).isPresent()) {
      return open.get();
    }
    PlanTerms terms = decision.of(plan);
    Instant now = clock.instant();
    String orderId = "MEM-" + UUID.randomUUID().toString().replace("-", "");
    store.upsertPending(user.getId(), plan, now);
    MembershipPayment payment =
        new MembershipPayment(orderId, user.getId(), plan, "FIRST", terms.price(), "PENDING", null,
            now.plus(properties.invoiceValidity()), now, null, null, null);
    store.insertPayment(payment);
    engine.start(MembershipProcess.PROCESS_ID, orderId, Map.of("userId", user.getId().toString(), "orderId", orderId));
    return payment;
  }

  /** Cancels at the end of the paid period (benefits stay until then); no refund of the running period. */
  @Transactional
  public Membership cancel(AppUser user) {
    Membership m = store.lock(user.getId()).filter(Membership::givesBenefits).orElseThrow(() -> Refusal.conflict("membership.not-active"));
    store.cancelAtPeriodEnd(user.getId(), true, clock.instant());
    return store.find(m.userId()).orElseThrow();
  }

  /** Takes a cancellation back before the period ends. */
  @Transactional
  public Membership resume(AppUser user) {
    Membership m = store.lock(user.getId()).filter(Membership::givesBenefits).orElseThrow(() -> Refusal.conflict("membership.not-active"));
    store.cancelAtPeriodEnd(user.getId(), false, clock.instant());
    return store.find(m.userId()).orElseThrow();
  }

  @Transactional(readOnly = true)
  public MembershipView view(AppUser user) {
    Optional<Membership> m = store.find(user.getId());
    List<MembershipPayment> history = store.history(user.getId());
    Optional<PlanTerms> terms = m.filter(Membership::givesBenefits).map(x -> decision.of(x.plan()));
    return new MembershipView(m.orElse(null), terms.orElse(null), history);
  }

  public PlanTerms terms(Plan plan) {
    return decision.of(plan);
  }

  /** A member's membership, what its plan gives, and every invoice. */
  public record MembershipView(Membership membership, PlanTerms terms, List<MembershipPayment> history) {
    public boolean active() {
      return membership != null && membership.givesBenefits();
    }

    /** When the next renewal invoice is due (the period's end), unless cancelled. */
    public Instant nextRenewal() {
      return active() && !membership.cancelAtPeriodEnd() ? membership.periodEnd() : null;
    }

    public Optional<String> openCheckout() {
      return history.stream().filter(p -> "PENDING".equals(p.status()) && p.checkoutUrl() != null).map(MembershipPayment::checkoutUrl).findFirst();
    }
  }
}
