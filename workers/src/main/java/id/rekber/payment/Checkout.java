package id.rekber.payment;

import id.rekber.escrow.Deal;
import id.rekber.escrow.DealAccess;
import id.rekber.escrow.PartyRole;
import id.rekber.identity.AppUser;
import id.rekber.platform.Refusal;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Where the buyer pays: the provider's checkout page for the deal's invoice (the sandbox's in single-node mode). */
@Component
public class Checkout {
  private final PaymentRepository payments;
  private final DealAccess access;

  Checkout(PaymentRepository payments, DealAccess access) {
    this.payments = payments;
    this.access = access;
  }

  /** Empty while the invoice is still being created; 403 for anyone but the buyer. */
  @Transactional(readOnly = true)
  public Optional<String> urlFor(AppUser user, String dealId) {
    Deal deal = access.visibleTo(user, dealId);
    if (deal.roleOf(user.getId()).filter(r -> r == PartyRole.BUYER).isEmpty()) {
      throw Refusal.forbidden("deal.only-buyer");
    }
    return payments.findByDealId(dealId)
        .filter(p -> Payment.PENDING.equals(p.getStatus()) && p.getCheckoutUrl() != null)
        .map(Payment::getCheckoutUrl);
  }
}
