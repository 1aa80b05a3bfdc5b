package id.rekber.escrow;

import id.rekber.identity.AppUser;
import id.rekber.platform.Refusal;
import org.springframework.stereotype.Component;

/** Who may see and act on a deal: its buyer and seller, and an invited counterparty before accepting. */
@Component
public class DealAccess {
  private final DealRepository deals;

  DealAccess(DealRepository deals) {
    this.deals = deals;
  }

  /** The deal, if the user is one of its parties or its invited counterparty; 403 otherwise. */
  public Deal visibleTo(AppUser user, String dealId) {
    return check(user, deals.findById(dealId).orElseThrow(() -> Refusal.notFound("deal.not-found", dealId)));
  }

  /** For commands: the deal locked for update (fresh from the database), if the user may see it. */
  Deal lockedFor(AppUser user, String dealId) {
    return check(user, deals.findForUpdate(dealId).orElseThrow(() -> Refusal.notFound("deal.not-found", dealId)));
  }

  private static Deal check(AppUser user, Deal deal) {
    if (deal.roleOf(user.getId()).isEmpty() && !isInvitee(user, deal)) {
      throw Refusal.forbidden("deal.not-a-party");
    }
    return deal;
  }

  static boolean isInvitee(AppUser user, Deal deal) {
    return isInviteeEmail(deal, user.getEmail());
  }

  static boolean isInviteeEmail(Deal deal, String email) {
    return deal.getStatus() == DealStatus.MENUNGGU_PERSETUJUAN
        && deal.partyId(deal.getInitiatorRole().other()) == null
        && deal.getCounterpartyEmail().equalsIgnoreCase(email);
  }
}
