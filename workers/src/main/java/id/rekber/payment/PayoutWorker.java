package id.rekber.payment;

import id.rekber.escrow.Deal;
import id.rekber.escrow.DealRepository;
import id.rekber.identity.AppUser;
import id.rekber.identity.AppUserRepository;
import id.rekber.ledger.EscrowLedger;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.exception.CamundaError;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Send payout". The payout row (our idempotency key) is committed before the provider is called;
 * a redelivered job finds it and asks again for the same payout. A new attempt is created only
 * after the previous one failed and an admin chose to retry.
 */
@Component
public class PayoutWorker {
  private final PayoutRepository payouts;
  private final DealRepository deals;
  private final AppUserRepository users;
  private final EscrowLedger ledger;
  private final PaymentProvider provider;
  private final PayoutResults results;
  private final TransactionTemplate tx;
  private final Clock clock;

  PayoutWorker(
      PayoutRepository payouts,
      DealRepository deals,
      AppUserRepository users,
      EscrowLedger ledger,
      PaymentProvider provider,
      PayoutResults results,
      TransactionTemplate tx,
      Clock clock) {
    this.payouts = payouts;
    this.deals = deals;
    this.users = users;
    this.ledger = ledger;
    this.provider = provider;
    this.results = results;
    this.tx = tx;
    this.clock = clock;
  }

  @JobWorker(type = "payment-send-payout", fetchVariables = {"dealId", "payoutPurpose", "payoutAction"})
  public Map<String, Object> sendPayout(
      @Variable String dealId, @Variable String payoutPurpose, @Variable(optional = true) String payoutAction) {
    PayoutPurpose purpose = PayoutPurpose.valueOf(payoutPurpose);
    boolean retryApproved = "RETRY".equals(payoutAction);
    Payout payout = tx.execute(status -> currentOrNextAttempt(dealId, purpose, retryApproved));
    switch (payout.getStatus()) {
      case Payout.REQUESTED -> provider.requestPayout(payout.getId(), payout.getAmount(), payout.getDestination());
      // Finished before this job completed (a redelivery): repeat the result so the process hears it.
      default -> results.announce(payout);
    }
    return Map.of("payoutRequestId", payout.getId(), "payoutFailureReason", "");
  }

  private Payout currentOrNextAttempt(String dealId, PayoutPurpose purpose, boolean retryApproved) {
    Optional<Payout> latest = payouts.findTopByDealIdAndPurposeOrderByAttemptDesc(dealId, purpose.name());
    if (latest.isPresent() && !Payout.FAILED.equals(latest.get().getStatus())) {
      return latest.get();
    }
    if (latest.isPresent() && !retryApproved) {
      // Only an admin's decision may send money again after a failure (e.g. after a restart).
      throw CamundaError.bpmnError(
          "PAYOUT_NEEDS_REVIEW", "payout " + latest.get().getId() + " failed", Map.of("payoutFailureReason", latest.get().getFailureReason()));
    }
    Deal deal = deals.findById(dealId).orElseThrow();
    AppUser payee = users.findById(purpose == PayoutPurpose.RELEASE ? deal.getSellerId() : deal.getBuyerId()).orElseThrow();
    long amount = ledger.holding(purpose.payable(), dealId);
    if (amount <= 0) {
      throw new IllegalStateException("nothing payable for " + dealId + " " + purpose);
    }
    int attempt = latest.map(p -> p.getAttempt() + 1).orElse(1);
    return payouts.save(new Payout(dealId, purpose, attempt, payee.getId(), amount, destination(payee, purpose, dealId), clock.instant()));
  }

  /** Sellers are paid to their bank account; buyers without one are refunded to the payment source. */
  private static String destination(AppUser payee, PayoutPurpose purpose, String dealId) {
    if (payee.hasPayoutAccount()) {
      return payee.getBankCode() + ":" + payee.getBankAccountNumber() + ":" + payee.getBankAccountName();
    }
    return purpose == PayoutPurpose.REFUND ? "SOURCE:PAY-" + dealId : "NONE";
  }
}
