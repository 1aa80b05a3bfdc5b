package id.rekber.escrow;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A service deal funded milestone by milestone (decision 46): what each invoice asks for, and what
 * a milestone's payment means for its process. Whichever comes second of "the money arrived" and
 * "the deadline passed" refunds the money, so none is kept for a milestone that will not be worked on.
 */
@Service
public class MilestonePayments {
  private final DealRepository deals;
  private final MilestoneRepository milestones;
  private final DealEventRepository events;
  private final DealMessages messages;
  private final EscrowOrchestration orchestration;
  private final DealNotifications notifications;
  private final Clock clock;

  MilestonePayments(DealRepository deals, MilestoneRepository milestones, DealEventRepository events, DealMessages messages,
      EscrowOrchestration orchestration, DealNotifications notifications, Clock clock) {
    this.deals = deals;
    this.milestones = milestones;
    this.events = events;
    this.messages = messages;
    this.orchestration = orchestration;
    this.notifications = notifications;
    this.clock = clock;
  }

  /** The deal's own invoice: the whole deal, or the first milestone's share when funded per milestone. */
  @Transactional(readOnly = true)
  public long firstInvoiceAmount(Deal deal) {
    return deal.isFundedPerMilestone() ? held(deal, 1) : deal.grossAmount();
  }

  /** What milestone {@code seq} holds, and so what its own invoice asks for. */
  private long held(Deal deal, int seq) {
    return MilestoneShares.of(deal, milestones.findByDealIdOrderBySeqAsc(deal.getId()), seq).held();
  }

  /**
   * A later milestone's invoice is being opened: it waits for its payment, and the buyer is told
   * what to pay by when. Returns what it asks for.
   */
  @Transactional
  public long openInvoice(String dealId, int seq, Instant payBy) {
    Deal deal = deals.findForUpdate(dealId).orElseThrow();
    if (!deal.isFundedPerMilestone() || seq < 2) {
      throw new IllegalStateException("deal " + dealId + " milestone " + seq + " is not funded on its own");
    }
    Milestone milestone = milestones.lock(dealId, (short) seq).orElseThrow();
    Instant now = clock.instant();
    long held = held(deal, seq);
    if (milestone.getState() == Milestone.State.PENDING && milestone.enter(Milestone.State.AWAITING_PAYMENT, now, null)) {
      events.save(new DealEvent(dealId, "MILESTONE_AWAITING_PAYMENT", "system", "#" + seq, now));
      notifications.announceMilestone(deal, seq, "MILESTONE_AWAITING_PAYMENT", held, payBy);
    }
    return held;
  }

  /**
   * Called in the payment callback's transaction once a milestone's money is confirmed. The
   * process hears of it while the milestone waits; money arriving after its deadline is refunded.
   */
  @Transactional
  public void paymentConfirmed(String dealId, int seq) {
    Deal deal = deals.findForUpdate(dealId).orElseThrow();
    Milestone milestone = milestones.lock(dealId, (short) seq).orElseThrow();
    Instant now = clock.instant();
    if (!milestone.recordPayment(now)) {
      return;
    }
    if (milestone.getState() == Milestone.State.UNFUNDED) {
      events.save(new DealEvent(dealId, "LATE_MILESTONE_PAYMENT", "payment-provider", "#" + seq, now));
      orchestration.refundLateMilestonePayment(dealId, seq);
      return;
    }
    events.save(new DealEvent(dealId, "MILESTONE_PAYMENT_CONFIRMED", "payment-provider", "#" + seq, now));
    notifications.announceMilestone(deal, seq, "MILESTONE_PAYMENT_CONFIRMED", held(deal, seq), null);
    String key = dealId + "#" + seq;
    messages.publish(DealMessages.MILESTONE_PAID, key, DealMessages.MILESTONE_PAID + ":" + key, java.util.Map.of());
  }

  /**
   * The payment deadline passed (the process's timer): this milestone and the later ones are not
   * worked on. Money that arrived meanwhile, too late for the process, is refunded.
   */
  void markUnfunded(Deal deal, Milestone milestone, Instant now) {
    List<Milestone> all = milestones.findByDealIdOrderBySeqAsc(deal.getId());
    notifications.announceMilestone(deal, milestone.getSeq(), "MILESTONE_UNFUNDED",
        MilestoneShares.of(deal, all, milestone.getSeq()).held(), null);
    if (milestone.getPaidAt() != null) {
      events.save(new DealEvent(deal.getId(), "LATE_MILESTONE_PAYMENT", "system", "#" + milestone.getSeq(), now));
      orchestration.refundLateMilestonePayment(deal.getId(), milestone.getSeq());
    }
    for (Milestone later : all) {
      if (later.getSeq() > milestone.getSeq() && later.getState() == Milestone.State.PENDING) {
        later.enter(Milestone.State.UNFUNDED, now, null);
      }
    }
  }
}
