package id.rekber.ledger;

import id.rekber.escrow.DealRepository;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import org.springframework.stereotype.Component;

/** "Release funds to seller" and "Refund funds to buyer". */
@Component
public class LedgerWorkers {
  private final EscrowLedger ledger;
  private final DealRepository deals;

  private final id.rekber.escrow.MilestoneLifecycle milestones;

  LedgerWorkers(EscrowLedger ledger, DealRepository deals, id.rekber.escrow.MilestoneLifecycle milestones) {
    this.milestones = milestones;
    this.ledger = ledger;
    this.deals = deals;
  }

  @JobWorker(type = "ledger-release-funds", fetchVariables = "dealId")
  public void release(@Variable String dealId) {
    ledger.release(deals.findById(dealId).orElseThrow());
  }

  @JobWorker(type = "ledger-release-milestone", fetchVariables = {"dealId", "milestone"})
  public void releaseMilestone(@Variable String dealId, @Variable int milestone) {
    ledger.releaseMilestone(deals.findById(dealId).orElseThrow(), milestones.milestonesOf(dealId), milestone);
  }

  @JobWorker(type = "ledger-refund-milestone", fetchVariables = {"dealId", "milestone"})
  public void refundMilestone(@Variable String dealId, @Variable int milestone) {
    ledger.refundMilestone(deals.findById(dealId).orElseThrow(), milestones.milestonesOf(dealId), milestone);
  }

  @JobWorker(type = "ledger-refund-funds", fetchVariables = "dealId")
  public void refund(@Variable String dealId) {
    ledger.refund(deals.findById(dealId).orElseThrow());
  }
}
