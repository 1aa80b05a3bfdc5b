package id.rekber.escrow;

import id.rekber.identity.AppUser;
import id.rekber.platform.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** What the parties of a service deal ask of one milestone; the milestone process decides (decision 43). */
@Service
public class MilestoneCommands {
  private final DealAccess access;
  private final MilestoneRepository milestones;
  private final DealEventRepository events;
  private final DealMessages messages;
  private final Clock clock;

  MilestoneCommands(DealAccess access, MilestoneRepository milestones, DealEventRepository events, DealMessages messages, Clock clock) {
    this.access = access;
    this.milestones = milestones;
    this.events = events;
    this.messages = messages;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<MilestoneView> list(AppUser user, String dealId) {
    Deal deal = access.visibleTo(user, dealId);
    List<Milestone> all = milestones.findByDealIdOrderBySeqAsc(deal.getId());
    return all.stream().map(m -> MilestoneView.of(deal, all, m)).toList();
  }

  /** The seller reports the milestone's work delivered; the buyer's inspection starts. */
  @Transactional
  public void deliver(AppUser user, String dealId, int seq) {
    act(user, dealId, seq, PartyRole.SELLER, Milestone.State.IN_PROGRESS, "MILESTONE_DELIVERY_REPORTED", DealMessages.MILESTONE_DELIVERED);
  }

  /** The buyer accepts the delivered work: the milestone's money is released at once. */
  @Transactional
  public void accept(AppUser user, String dealId, int seq) {
    act(user, dealId, seq, PartyRole.BUYER, Milestone.State.DELIVERED, "MILESTONE_ACCEPTED", DealMessages.MILESTONE_ACCEPTED);
  }

  /**
   * The buyer disputes a delivered milestone within its inspection period (decision 44). The caller,
   * the dispute feature, holds the deal's lock and opens the dispute in the same transaction. The
   * milestone is marked disputed here, under its lock, so an acceptance can no longer overtake the
   * dispute; one the buyer already sent leaves nothing to dispute.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void markDisputed(AppUser buyer, Deal deal, int seq) {
    Milestone milestone = milestones.lock(deal.getId(), (short) seq).orElseThrow(() -> Refusal.notFound("milestone.not-found", seq));
    Instant now = clock.instant();
    if (deal.getStatus() != DealStatus.DANA_DITAHAN || milestone.getState() != Milestone.State.DELIVERED
        || events.existsByDealIdAndTypeAndDetail(deal.getId(), "MILESTONE_ACCEPTED", "#" + seq)) {
      throw Refusal.conflict("milestone.wrong-state", seq, stateLabel(milestone));
    }
    if (milestone.getInspectionEndsAt() == null || !now.isBefore(milestone.getInspectionEndsAt())) {
      throw Refusal.conflict("milestone.inspection-ended", seq);
    }
    milestone.enter(Milestone.State.DISPUTED, now, null);
    events.save(new DealEvent(deal.getId(), "MILESTONE_DISPUTED", buyer.getEmail(), "#" + seq, now));
    String key = correlationKey(deal.getId(), seq);
    messages.publish(DealMessages.MILESTONE_DISPUTED, key, DealMessages.MILESTONE_DISPUTED + ":" + key, Map.of());
  }

  /** The milestone's state in the reader's words ("Menunggu pembayaran pembeli"), resolved with the message. */
  private static MessageSourceResolvable stateLabel(Milestone milestone) {
    String code = "milestone.state." + milestone.getState().name();
    return new DefaultMessageSourceResolvable(new String[] {code}, code);
  }

  private void act(AppUser user, String dealId, int seq, PartyRole role, Milestone.State expected, String event, String message) {
    Deal deal = access.lockedFor(user, dealId);
    if (deal.roleOf(user.getId()).filter(r -> r == role).isEmpty()) {
      throw Refusal.forbidden(role == PartyRole.SELLER ? "deal.only-seller" : "deal.only-buyer");
    }
    Milestone milestone = milestones.lock(deal.getId(), (short) seq).orElseThrow(() -> Refusal.notFound("milestone.not-found", seq));
    if (deal.getStatus() != DealStatus.DANA_DITAHAN || milestone.getState() != expected) {
      throw Refusal.conflict("milestone.wrong-state", seq, stateLabel(milestone));
    }
    events.save(new DealEvent(deal.getId(), event, user.getEmail(), "#" + seq, clock.instant()));
    String key = correlationKey(deal.getId(), seq);
    messages.publish(message, key, message + ":" + key, Map.of());
  }

  static String correlationKey(String dealId, int seq) {
    return dealId + "#" + seq;
  }
}
