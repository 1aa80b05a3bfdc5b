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
  private final PaymentProviders providers;
  private final PaymentMethodChoice choice;

  Checkout(PaymentRepository payments, DealAccess access, PaymentProviders providers, PaymentMethodChoice choice) {
    this.payments = payments;
    this.access = access;
    this.providers = providers;
    this.choice = choice;
  }

  /**
   * For the deal page: the methods the buyer may pick and the current charge's instructions, when
   * the deal's provider charges per method (Midtrans) and the payment is still open; empty otherwise.
   */
  @Transactional(readOnly = true)
  public Optional<MethodPanel> methodPanel(AppUser user, String dealId) {
    Deal deal = access.visibleTo(user, dealId);
    if (deal.roleOf(user.getId()).filter(r -> r == PartyRole.BUYER).isEmpty()) {
      return Optional.empty();
    }
    return payments.findOpen(dealId)
        .filter(p -> providers.has(p.getProvider()))
        .filter(p -> providers.named(p.getProvider()).needsMethodChoice())
        .map(p -> new MethodPanel(providers.named(p.getProvider()).methods().stream().map(PaymentMethod::code).sorted().toList(),
            p.getMethod(), p.getVaNumber(), p.getBillerCode(), p.getQrisPayload(), p.getDeeplinkUrl()));
  }

  /** The buyer's pick from the deal page; see {@link PaymentMethodChoice}. */
  public void chooseMethod(AppUser user, String dealId, String method) {
    choice.choose(user, dealId, method);
  }

  /** What the deal page shows: {@code virtualAccount} is the Mandiri bill key when {@code billerCode} is set. */
  public record MethodPanel(java.util.List<String> methods, String chosen, String virtualAccount, String billerCode, String qris,
      String deeplink) {}

  /**
   * The open invoice's checkout (the deal's, or a milestone's when funded per milestone); empty
   * while the invoice is still being created; 403 for anyone but the buyer.
   */
  @Transactional(readOnly = true)
  public Optional<String> urlFor(AppUser user, String dealId) {
    Deal deal = access.visibleTo(user, dealId);
    if (deal.roleOf(user.getId()).filter(r -> r == PartyRole.BUYER).isEmpty()) {
      throw Refusal.forbidden("deal.only-buyer");
    }
    return payments.findOpen(dealId)
        .filter(p -> p.getCheckoutUrl() != null)
        .map(Payment::getCheckoutUrl);
  }
}
