package id.rekber.dispute;

import id.rekber.escrow.Deal;
import id.rekber.escrow.DealRepository;
import id.rekber.identity.AppUser;
import id.rekber.identity.AppUserRepository;
import id.rekber.notification.Formats;
import id.rekber.platform.Languages;
import id.rekber.platform.PublicUrl;
import id.rekber.platform.Rupiah;
import id.rekber.privacy.Masking;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The facts a mediator needs, as process variables for the read-only fields of the
 * {@code mediator-decision} form, so the form stands alone in Tasklist: the deal, the parties
 * (masked names), the money, the deadline, the buyer's claim, the seller's answer, and the link to
 * the full case in Rekber. Set when the dispute enters mediation or escalation.
 */
@Component
class DisputeCaseFacts {
  private final DealRepository deals;
  private final AppUserRepository users;
  private final DisputeTimeline timeline;
  private final PublicUrl urls;
  private final DisputedAmount amounts;

  DisputeCaseFacts(DealRepository deals, AppUserRepository users, DisputeTimeline timeline, PublicUrl urls, DisputedAmount amounts) {
    this.amounts = amounts;
    this.deals = deals;
    this.users = users;
    this.timeline = timeline;
    this.urls = urls;
  }

  Map<String, Object> of(Dispute dispute, Instant deadline, long processInstanceKey) {
    Deal deal = deals.findById(dispute.dealId()).orElseThrow();
    long splittable = amounts.splittable(deal, dispute);
    Map<String, Object> facts = new HashMap<>();
    facts.put("caseUrl", urls.staffDisputeCase(dispute.dealId()));
    facts.put("caseItem", dispute.milestoneSeq() == null ? deal.getItemName() : deal.getItemName() + " · Milestone " + dispute.milestoneSeq());
    facts.put("caseBuyer", maskedName(deal.getBuyerId()));
    facts.put("caseSeller", maskedName(deal.getSellerId()));
    facts.put("caseHeld", Rupiah.format(amounts.held(deal, dispute)) + " ditahan / held; " + Rupiah.format(splittable) + " dapat dibagi / to share");
    facts.put("caseDeadline", Formats.wib(deadline, Languages.INDONESIAN));
    facts.put("caseClaim", dispute.reason());
    facts.put("caseAnswer", answer(dispute));
    return facts;
  }

  private String maskedName(UUID userId) {
    return userId == null ? "" : users.findById(userId).map(AppUser::getDisplayName).map(Masking::name).orElse("");
  }

  /** "CONTEST: the seller's note" (the latest response), or that the seller did not answer. */
  private String answer(Dispute dispute) {
    String note = timeline.of(dispute.dealId()).stream()
        .filter(e -> e.kind().startsWith("RESPONSE_"))
        .reduce((first, second) -> second)
        .map(DisputeTimeline.Entry::text)
        .orElse(null);
    if (dispute.sellerResponse() == null) {
      return "Penjual tidak menanggapi / The seller did not answer";
    }
    String offer = dispute.offerAmount() == null ? "" : " " + Rupiah.format(dispute.offerAmount());
    return dispute.sellerResponse() + offer + (note == null || note.isBlank() ? "" : ": " + note);
  }
}
