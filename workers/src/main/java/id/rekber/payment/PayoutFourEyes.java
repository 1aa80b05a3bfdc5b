package id.rekber.payment;

import id.rekber.inbox.FourEyes;
import id.rekber.ledger.Account;
import id.rekber.ledger.Ledger;
import id.rekber.platform.Rupiah;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * "Check four-eyes limit" of payout (job {@code payment-four-eyes}), after an admin chose to retry a
 * failed payout: a retry of more than {@code rekber.four-eyes.threshold} waits for a second admin
 * (processes/money-approval.bpmn) before it is sent. The amount is what the payable account holds
 * for the deal, which is what the retry pays.
 */
@Component
public class PayoutFourEyes {
  private final FourEyes fourEyes;
  private final Ledger ledger;

  PayoutFourEyes(FourEyes fourEyes, Ledger ledger) {
    this.fourEyes = fourEyes;
    this.ledger = ledger;
  }

  @JobWorker(type = "payment-four-eyes", fetchVariables = {"dealId", "payoutPurpose", "payoutRetryOf", "adminNote"})
  public Map<String, Object> check(@Variable String dealId, @Variable String payoutPurpose, @Variable String payoutRetryOf,
      @Variable String adminNote) {
    long payable = ledger.holding(PayoutPurpose.valueOf(payoutPurpose) == PayoutPurpose.REFUND ? Account.BUYER_PAYABLE : Account.SELLER_PAYABLE,
        dealId);
    Map<String, Object> variables = new HashMap<>();
    boolean needed = fourEyes.needsApproval(payable);
    variables.put("fourEyesNeeded", needed);
    if (!needed) {
      return variables;
    }
    FourEyes.Decision decision = fourEyes.lastDecision(dealId, "Task_ReviewFailedPayout")
        .orElseThrow(() -> new IllegalStateException("no completed payout review for " + dealId));
    variables.put(FourEyes.FIRST_DECIDER, decision.decider());
    variables.put("fourEyesKind", "PAYOUT_RETRY_" + payoutPurpose);
    variables.put("fourEyesAmount", Rupiah.format(payable));
    variables.put("fourEyesSummary", dealId + ": retry of " + payoutRetryOf + " — " + (adminNote == null ? "" : adminNote));
    return variables;
  }
}
