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

  LedgerWorkers(EscrowLedger ledger, DealRepository deals) {
    this.ledger = ledger;
    this.deals = deals;
  }

  @JobWorker(type = "ledger-release-funds", fetchVariables = "dealId")
  public void release(@Variable String dealId) {
    ledger.release(deals.findById(dealId).orElseThrow());
  }

  @JobWorker(type = "ledger-refund-funds", fetchVariables = "dealId")
  public void refund(@Variable String dealId) {
    ledger.refund(deals.findById(dealId).orElseThrow());
  }
}
