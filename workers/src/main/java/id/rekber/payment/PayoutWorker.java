package id.rekber.payment;

import id.rekber.platform.PublicUrl;
import id.rekber.platform.Rupiah;
import id.rekber.privacy.Masking;
import io.camunda.client.api.response.ActivatedJob;
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
  private final PaymentProviders providers;
  private final PaymentRepository paymentsOfDeals;
  private final PayoutResults results;
  private final TransactionTemplate tx;
  private final PublicUrl urls;
  private final Clock clock;

  PayoutWorker(
      PayoutRepository payouts,
      DealRepository deals,
      AppUserRepository users,
      EscrowLedger ledger,
      PaymentProviders providers,
      PaymentRepository paymentsOfDeals,
      PayoutResults results,
      TransactionTemplate tx,
      PublicUrl urls,
      Clock clock) {
    this.payouts = payouts;
    this.deals = deals;
    this.users = users;
    this.ledger = ledger;
    this.providers = providers;
    this.paymentsOfDeals = paymentsOfDeals;
    this.results = results;
    this.tx = tx;
    this.urls = urls;
    this.clock = clock;
  }

  /**
   * {@code payoutRetryOf} is the failed attempt an admin chose to retry (set by the review task from
   * the {@code payoutRequestId} it showed); a retry is made only for that attempt, so a redelivered
   * job or a later failure never starts another attempt without a new decision.
   */
  @JobWorker(type = "payment-send-payout", fetchVariables = {"dealId", "payoutPurpose", "payoutRetryOf", "payoutMilestone"})
  public Map<String, Object> sendPayoutJob(@Variable String dealId, @Variable String payoutPurpose,
      @Variable(optional = true) String payoutRetryOf, @Variable(optional = true) Integer payoutMilestone, ActivatedJob job) {
    Map<String, Object> variables = new java.util.HashMap<>(sendPayout(dealId, payoutPurpose, payoutRetryOf, payoutMilestone));
    // The failed-payout form's facts for Tasklist (decision 28): a masked account, never the number.
    Payout payout = payouts.findById((String) variables.get("payoutRequestId")).orElseThrow();
    variables.put("caseUrl", urls.staffCase(job.getProcessInstanceKey()));
    variables.put("caseAmount", Rupiah.format(payout.getAmount()));
    variables.put("caseDestination", maskedDestination(payout.getDestination()));
    return variables;
  }

  public Map<String, Object> sendPayout(String dealId, String payoutPurpose, String payoutRetryOf) {
    return sendPayout(dealId, payoutPurpose, payoutRetryOf, null);
  }

  /** {@code milestone}: one milestone of a service deal, paid out as soon as it is settled (decision 45); null for a whole deal. */
  public Map<String, Object> sendPayout(String dealId, String payoutPurpose, String payoutRetryOf, Integer milestone) {
    PayoutPurpose purpose = PayoutPurpose.valueOf(payoutPurpose);
    Payout payout =
        tx.execute(
            status -> {
              Payout current = currentOrNextAttempt(dealId, purpose, milestone, payoutRetryOf);
              if (!Payout.REQUESTED.equals(current.getStatus())) {
                // Finished before this job completed (a redelivery): repeat the result so the process hears it.
                results.announce(current, "again:" + clock.millis());
              }
              return current;
            });
    if (Payout.REQUESTED.equals(payout.getStatus()) && mayAsk(payout)) {
      request(payout);
    }
    return Map.of("payoutRequestId", payout.getId(), "payoutFailureReason", "");
  }

  /**
   * A payout still waiting for its result is asked for again when the provider is idempotent on our
   * payout id: that is how a result lost with a crashed JVM comes back (the sandbox and Xendit answer
   * the same payout and report it again). A provider without idempotency (Iris) is asked only once.
   */
  private boolean mayAsk(Payout payout) {
    return payout.getProviderReference() == null || providers.named(payout.getProvider()).idempotentPayouts();
  }

  /**
   * Outside the transaction: no row lock is held while the provider answers. The payout id is the
   * provider's idempotency key, so asking again never pays twice; a provider without idempotency
   * (Iris) is asked once only, and a lost answer becomes an incident an admin resolves.
   */
  private void request(Payout payout) {
    PaymentProvider provider = providers.named(payout.getProvider());
    if (!provider.idempotentPayouts()) {
      String before = tx.execute(status -> {
        Payout stored = payouts.findForUpdate(payout.getId()).orElseThrow();
        String seen = stored.getProviderStatus();
        stored.markSending();
        return seen;
      });
      if (Payout.SENDING.equals(before)) {
        throw unknownAtProvider(payout, provider);
      }
    }
    PaymentProvider.PayoutRequestResult result;
    try {
      result = provider.requestPayout(payout.getId(), payout.getAmount(), payout.getDestination());
    } catch (ProviderUnavailableException e) {
      if (!provider.idempotentPayouts() && e.mayHaveReached()) {
        throw unknownAtProvider(payout, provider);
      }
      if (!provider.idempotentPayouts()) {
        tx.executeWithoutResult(status -> payouts.findForUpdate(payout.getId()).orElseThrow().noteProviderStatus(null));
      }
      throw e;
    } catch (ProviderRefusedException e) {
      if (e.configuration()) {
        throw CamundaError.jobError(e.getMessage(), null, 0, java.time.Duration.ZERO, e);
      }
      result = new PaymentProvider.PayoutRequestResult.Refused(e.providerMessage());
    }
    switch (result) {
      case PaymentProvider.PayoutRequestResult.Accepted accepted ->
          tx.executeWithoutResult(status -> payouts.findForUpdate(payout.getId()).orElseThrow().accepted(accepted.providerReference(), "ACCEPTED"));
      case PaymentProvider.PayoutRequestResult.Completed done ->
          results.handle(new PayoutNotification(provider.name(), "completed:" + payout.getId(), payout.getId(), PayoutStatus.COMPLETED,
              payout.getAmount(), null, done.providerReference()));
      case PaymentProvider.PayoutRequestResult.Refused refused ->
          // The same path as a failed-payout callback: PayoutFailed, then the admin's review task (decision 13).
          results.handle(new PayoutNotification(provider.name(), "refused:" + payout.getId(), payout.getId(), PayoutStatus.FAILED,
              payout.getAmount(), refused.reason(), null));
    }
  }

  private static RuntimeException unknownAtProvider(Payout payout, PaymentProvider provider) {
    return CamundaError.jobError("payout " + payout.getId() + " state unknown at " + provider.name()
        + ": find it by its notes/reference in the provider's dashboard before retrying this incident", null, 0, java.time.Duration.ZERO);
  }

  private Payout currentOrNextAttempt(String dealId, PayoutPurpose purpose, Integer milestone, String retryOf) {
    Optional<Payout> latest = payouts.latestAttempt(dealId, purpose.name(), milestone);
    if (latest.isPresent() && !Payout.FAILED.equals(latest.get().getStatus())) {
      return latest.get();
    }
    if (latest.isPresent() && !latest.get().getId().equals(retryOf)) {
      // Only an admin's decision about this very attempt may send money again (e.g. after a restart).
      Payout failed = latest.get();
      throw CamundaError.bpmnError(
          "PAYOUT_NEEDS_REVIEW", "payout " + failed.getId() + " failed",
          Map.of("payoutFailureReason", failed.getFailureReason(), "payoutRequestId", failed.getId()));
    }
    Deal deal = deals.findById(dealId).orElseThrow();
    AppUser payee = users.findById(purpose == PayoutPurpose.RELEASE ? deal.getSellerId() : deal.getBuyerId()).orElseThrow();
    long amount = ledger.holding(purpose.payable(), dealId);
    if (amount <= 0) {
      throw new IllegalStateException("nothing payable for " + dealId + " " + purpose);
    }
    int attempt = latest.map(p -> p.getAttempt() + 1).orElse(1);
    return payouts.save(new Payout(dealId, purpose, milestone, attempt, payee.getId(), amount, destination(payee, purpose, dealId),
        providerHolding(dealId), clock.instant()));
  }

  /**
   * The provider whose account received the deal's money pays it out, even after the operator
   * switched the active provider while the deal was running (decision 33).
   */
  private String providerHolding(String dealId) {
    return paymentsOfDeals.findByDealId(dealId).map(Payment::getProvider).orElseGet(() -> providers.active().name());
  }

  /** {@code BCA ******7890 (B*** S******)}; the payment source or "none" as they are. */
  static String maskedDestination(String destination) {
    String[] parts = destination.split(":", 3);
    if (parts.length == 3 && !"SOURCE".equals(parts[0])) {
      return parts[0] + " " + Masking.account(parts[1]) + " (" + Masking.name(parts[2]) + ")";
    }
    return destination;
  }

  /** Sellers are paid to their bank account; buyers without one are refunded to the payment source. */
  private static String destination(AppUser payee, PayoutPurpose purpose, String dealId) {
    if (payee.hasPayoutAccount()) {
      return payee.getBankCode() + ":" + payee.getBankAccountNumber() + ":" + payee.getBankAccountName();
    }
    return purpose == PayoutPurpose.REFUND ? "SOURCE:PAY-" + dealId : "NONE";
  }
}
