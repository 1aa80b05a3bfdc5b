package id.rekber.payment;

import id.rekber.escrow.Deal;
import id.rekber.escrow.DealAccess;
import id.rekber.escrow.PartyRole;
import id.rekber.identity.AppUser;
import id.rekber.identity.CurrentUser;
import id.rekber.platform.Refusal;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** How the buyer pays a deal, and the payouts of a deal, for its parties. */
@RestController
class PaymentController {
  private final PaymentRepository payments;
  private final PayoutRepository payouts;
  private final DealAccess access;
  private final CurrentUser currentUser;
  private final PaymentMethodChoice choice;
  private final PaymentProviders providers;

  PaymentController(PaymentRepository payments, PayoutRepository payouts, DealAccess access, CurrentUser currentUser,
      PaymentMethodChoice choice, PaymentProviders providers) {
    this.choice = choice;
    this.providers = providers;
    this.payments = payments;
    this.payouts = payouts;
    this.access = access;
    this.currentUser = currentUser;
  }

  @GetMapping("/api/deals/{id}/payment")
  PaymentView payment(@PathVariable String id) {
    AppUser user = currentUser.get();
    Deal deal = access.visibleTo(user, id);
    if (deal.roleOf(user.getId()).filter(r -> r == PartyRole.BUYER).isEmpty()) {
      throw Refusal.forbidden("deal.only-buyer");
    }
    List<Payment> all = payments.findByDealIdOrderByCreatedAtAsc(id);
    // The newest open invoice, else the newest of all (read once).
    return view(all.stream().filter(p -> Payment.PENDING.equals(p.getStatus())).reduce((first, second) -> second)
        .or(() -> all.stream().reduce((first, second) -> second))
        .orElseThrow(() -> Refusal.notFound("payment.not-yet")));
  }

  /** Every invoice of the deal: its own, then each milestone's when funded per milestone (decision 46). */
  @GetMapping("/api/deals/{id}/payments")
  List<PaymentView> allPayments(@PathVariable String id) {
    AppUser user = currentUser.get();
    Deal deal = access.visibleTo(user, id);
    if (deal.roleOf(user.getId()).filter(r -> r == PartyRole.BUYER).isEmpty()) {
      throw Refusal.forbidden("deal.only-buyer");
    }
    return payments.findByDealIdOrderByCreatedAtAsc(id).stream().map(this::view).toList();
  }

  /** The buyer picks how to pay (Midtrans); answers the payment with the new instructions. */
  @PostMapping("/api/deals/{id}/payment/method")
  PaymentView chooseMethod(@PathVariable String id, @RequestBody MethodChoice body) {
    return view(choice.choose(currentUser.get(), id, body.method()));
  }

  private PaymentView view(Payment p) {
    PaymentProvider provider = providers.has(p.getProvider()) ? providers.named(p.getProvider()) : null;
    List<String> methods = provider == null || !provider.needsMethodChoice() ? List.of()
        : provider.methods().stream().map(PaymentMethod::code).sorted().toList();
    return new PaymentView(p.getId(), p.getStatus(), p.getGrossAmount(), p.getCurrency(), p.getVaNumber(), p.getQrisPayload(),
        p.getCheckoutUrl(), p.getExpiresAt(), p.getPaidAt(), p.getMethod(), p.getBillerCode(), p.getDeeplinkUrl(), methods, p.getMilestoneSeq());
  }

  record MethodChoice(String method) {}

  @GetMapping("/api/deals/{id}/payouts")
  List<PayoutView> payouts(@PathVariable String id) {
    access.visibleTo(currentUser.get(), id);
    return payouts.findByDealIdOrderByRequestedAtAsc(id).stream()
        .map(p -> new PayoutView(p.getId(), p.getPurpose().name(), p.getMilestone(), p.getAttempt(), p.getAmount(), p.getStatus(),
            p.getFailureReason(), p.getRequestedAt(), p.getFinishedAt()))
        .toList();
  }

  /**
   * {@code methods}: what the buyer may pick (empty when the provider needs no choice); {@code billerCode} with Mandiri bill,
   * whose bill key is {@code virtualAccount}; {@code milestone}: the milestone a service deal's own invoice funds, null for
   * the deal's invoice (decision 46).
   */
  record PaymentView(String orderId, String status, long amount, String currency, String virtualAccount, String qris, String checkoutUrl,
      Instant expiresAt, Instant paidAt, String method, String billerCode, String deeplink, List<String> methods, Integer milestone) {}

  /** {@code milestone}: the milestone of a service deal the payout settles, null for a whole deal (decision 45). */
  record PayoutView(String id, String purpose, Integer milestone, int attempt, long amount, String status, String failureReason,
      Instant requestedAt, Instant finishedAt) {}
}
