package id.rekber.escrow;

import id.rekber.identity.AppUser;
import id.rekber.platform.Refusal;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who may see and act on a deal: its buyer and seller, and an invited counterparty before accepting.
 * Everyone else is told the deal does not exist (404 {@code deal.not-found}), exactly as for an id
 * that was never issued, so deal ids cannot be probed; the audit trail keeps the true reason.
 */
@Component
public class DealAccess {
  private final DealRepository deals;

  DealAccess(DealRepository deals) {
    this.deals = deals;
  }

  /** The deal, if the user is one of its parties or its invited counterparty; 404 otherwise. */
  public Deal visibleTo(AppUser user, String dealId) {
    return check(user, dealId, deals.findById(dealId));
  }

  /** For commands: the deal locked for update (fresh from the database), if the user may see it. */
  Deal lockedFor(AppUser user, String dealId) {
    return check(user, dealId, deals.findForUpdate(dealId));
  }

  private static Deal check(AppUser user, String dealId, Optional<Deal> found) {
    Deal deal = found.orElseThrow(() -> Refusal.notFound("deal.not-found", dealId));
    if (deal.roleOf(user.getId()).isEmpty() && !isInvitee(user, deal)) {
      throw Refusal.notFoundConcealing("deal.not-a-party", "deal.not-found", dealId);
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
