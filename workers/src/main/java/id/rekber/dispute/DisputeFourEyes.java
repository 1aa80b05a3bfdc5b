package id.rekber.dispute;

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
 * "Check four-eyes limit" of dispute-mediation (job {@code dispute-four-eyes}): a mediator's or
 * admin's refund or split of more than {@code rekber.four-eyes.threshold} waits for a second member
 * of staff (processes/money-approval.bpmn) before the escrow lifecycle moves the money. The amount is
 * everything the deal holds, since a refund or a split pays all of it out. {@code decidedIn} tells the
 * process whom a rejection goes back to (mediators or the escalation admin).
 */
@Component
public class DisputeFourEyes {
  static final String[] DECISION_TASKS = {"Task_MediatorDecision", "Task_AdminDecision"};

  private final FourEyes fourEyes;
  private final Ledger ledger;

  DisputeFourEyes(FourEyes fourEyes, Ledger ledger) {
    this.fourEyes = fourEyes;
    this.ledger = ledger;
  }

  @JobWorker(type = "dispute-four-eyes", fetchVariables = {"dealId", "outcome", "buyerAmount", "sellerAmount", "reason"})
  public Map<String, Object> check(@Variable String dealId, @Variable String outcome, @Variable Object buyerAmount,
      @Variable Object sellerAmount, @Variable String reason) {
    long held = ledger.holding(Account.ESCROW_HELD, dealId);
    boolean movesOut = "REFUND".equals(outcome) || "SPLIT".equals(outcome);
    Map<String, Object> variables = new HashMap<>();
    boolean needed = movesOut && fourEyes.needsApproval(held);
    variables.put("fourEyesNeeded", needed);
    if (!needed) {
      return variables;
    }
    FourEyes.Decision decision = fourEyes.lastDecision(dealId, DECISION_TASKS)
        .orElseThrow(() -> new IllegalStateException("no completed decision task for " + dealId));
    variables.put(FourEyes.FIRST_DECIDER, decision.decider());
    variables.put("decidedIn", decision.elementId());
    variables.put("fourEyesKind", "DISPUTE_" + outcome);
    variables.put("fourEyesAmount", Rupiah.format(held));
    variables.put("fourEyesSummary", dealId + ": " + outcome
        + ("SPLIT".equals(outcome) ? " (buyer " + buyerAmount + ", seller " + sellerAmount + ")" : "")
        + " — " + (reason == null ? "" : reason));
    return variables;
  }
}
