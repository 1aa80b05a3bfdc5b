package id.rekber.membership;

import id.rekber.identity.CurrentUser;
import id.rekber.membership.MembershipService.MembershipView;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/membership}: a member's premium membership (members only; see PartnerSecurity for partners). */
@RestController
class MembershipController {
  private final MembershipService memberships;
  private final CurrentUser currentUser;

  MembershipController(MembershipService memberships, CurrentUser currentUser) {
    this.memberships = memberships;
    this.currentUser = currentUser;
  }

  @GetMapping("/api/membership")
  @Operation(summary = "My plan, status, next renewal, benefits and payment history")
  MembershipResponse mine() {
    return MembershipResponse.of(memberships.view(currentUser.get()));
  }

  @PostMapping("/api/membership")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Order a plan (MONTHLY or YEARLY); pay at the returned checkout once it appears in GET /api/membership")
  MembershipResponse order(@Valid @RequestBody OrderRequest request) {
    memberships.order(currentUser.get(), Plan.valueOf(request.plan()));
    return mine();
  }

  @PostMapping("/api/membership/cancel")
  @Operation(summary = "Cancel at the end of the paid period (benefits stay until then)")
  MembershipResponse cancel() {
    memberships.cancel(currentUser.get());
    return mine();
  }

  @PostMapping("/api/membership/resume")
  @Operation(summary = "Take a cancellation back before the period ends")
  MembershipResponse resume() {
    memberships.resume(currentUser.get());
    return mine();
  }

  /** The plan as text (MONTHLY or YEARLY), checked here so that a wrong value is a field error. */
  record OrderRequest(
      @io.swagger.v3.oas.annotations.media.Schema(allowableValues = {"MONTHLY", "YEARLY"}, example = "MONTHLY")
      @NotNull(message = "{membership.plan.required}") @Pattern(regexp = "MONTHLY|YEARLY", message = "{membership.plan.required}") String plan) {}

  record MembershipResponse(String plan, String status, Instant periodStart, Instant periodEnd, Instant nextRenewal, Instant graceUntil,
      boolean cancelAtPeriodEnd, String endReason, Benefits benefits, String checkoutUrl, List<MembershipPayment> history) {
    static MembershipResponse of(MembershipView v) {
      Membership m = v.membership();
      Benefits benefits = v.terms() == null ? null : Benefits.of(v.terms());
      return m == null
          ? new MembershipResponse(null, "NONE", null, null, null, null, false, null, null, null, v.history())
          : new MembershipResponse(m.plan().name(), m.status(), m.periodStart(), m.periodEnd(), v.nextRenewal(), m.graceUntil(),
              m.cancelAtPeriodEnd(), m.endReason(), benefits, v.openCheckout().orElse(null), v.history());
    }
  }

  record Benefits(long price, int periodMonths, String feeRate, long feeMinimum, long feeCap, boolean instantPayout, long mediationSlaHours,
      boolean inboxPriority) {
    static Benefits of(PlanTerms t) {
      var b = t.benefits();
      return new Benefits(t.price(), t.periodMonths(), b.feeRate().toPlainString(), b.feeMinimum(), b.feeCap(), b.instantPayout(),
          b.mediationSla().toHours(), b.inboxPriority());
    }
  }
}
