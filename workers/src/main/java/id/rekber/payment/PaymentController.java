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
import org.springframework.web.bind.annotation.RestController;

/** How the buyer pays a deal, and the payouts of a deal, for its parties. */
@RestController
class PaymentController {
  private final PaymentRepository payments;
  private final PayoutRepository payouts;
  private final DealAccess access;
  private final CurrentUser currentUser;

  PaymentController(PaymentRepository payments, PayoutRepository payouts, DealAccess access, CurrentUser currentUser) {
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
    Payment p = payments.findByDealId(id).orElseThrow(() -> Refusal.notFound("payment.not-yet"));
    return new PaymentView(p.getId(), p.getStatus(), p.getGrossAmount(), p.getCurrency(), p.getVaNumber(), p.getQrisPayload(), p.getCheckoutUrl(), p.getExpiresAt(), p.getPaidAt());
  }

  @GetMapping("/api/deals/{id}/payouts")
  List<PayoutView> payouts(@PathVariable String id) {
    access.visibleTo(currentUser.get(), id);
    return payouts.findByDealIdOrderByRequestedAtAsc(id).stream()
        .map(p -> new PayoutView(p.getId(), p.getPurpose().name(), p.getAttempt(), p.getAmount(), p.getStatus(), p.getFailureReason(), p.getRequestedAt(), p.getFinishedAt()))
        .toList();
  }

  record PaymentView(String orderId, String status, long amount, String currency, String virtualAccount, String qris, String checkoutUrl, Instant expiresAt, Instant paidAt) {}

  record PayoutView(String id, String purpose, int attempt, long amount, String status, String failureReason, Instant requestedAt, Instant finishedAt) {}
}
