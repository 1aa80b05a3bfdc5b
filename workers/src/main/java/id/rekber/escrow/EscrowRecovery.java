package id.rekber.escrow;

import id.rekber.platform.SingleNodeCondition;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Single-node mode keeps the engine's state in memory; PostgreSQL is the system of record. At
 * start-up every deal that is still under way gets a new process instance, started before the
 * element where it waits, with its absolute deadlines. Every worker is idempotent, so an element
 * that is run again moves no money twice.
 */
@Component
@Conditional(SingleNodeCondition.class)
class EscrowRecovery {
  private static final Logger log = LoggerFactory.getLogger(EscrowRecovery.class);

  private final DealRepository deals;
  private final EscrowOrchestration orchestration;
  private final JdbcTemplate jdbc;

  EscrowRecovery(DealRepository deals, EscrowOrchestration orchestration, JdbcTemplate jdbc) {
    this.deals = deals;
    this.orchestration = orchestration;
    this.jdbc = jdbc;
  }

  // First of the recoveries: it closes the previous engine's inbox tasks, which kyc.KycRecovery (later) relies on.
  @EventListener(ApplicationReadyEvent.class)
  @org.springframework.core.annotation.Order(0)
  void rebuildOrchestration() {
    // Tasks of the previous engine are gone with it; the new instances create them again.
    int stale = jdbc.update("UPDATE user_task SET status = 'CANCELED' WHERE status = 'OPEN'");
    int resumed = 0;
    for (Deal deal : deals.findAll()) {
      Optional<String> element = resumeAt(deal);
      if (element.isPresent()) {
        orchestration.startBefore(deal, element.get());
        resumed++;
      }
    }
    if (resumed > 0 || stale > 0) {
      log.info("Rebuilt orchestration for {} deals ({} stale inbox tasks closed)", resumed, stale);
    }
  }

  /** Where a deal's process waits, from what PostgreSQL knows; empty when nothing is left to do. */
  Optional<String> resumeAt(Deal deal) {
    String id = deal.getId();
    return Optional.ofNullable(
        switch (deal.getStatus()) {
          case MENUNGGU_PERSETUJUAN ->
              deal.getBuyerId() != null && deal.getSellerId() != null ? "Task_CreatePaymentInvoice" : EscrowProcess.AWAIT_COUNTERPARTY;
          case MENUNGGU_PEMBAYARAN -> deal.getPaidAt() != null ? "Task_MarkFundsHeld" : EscrowProcess.AWAIT_PAYMENT;
          case DANA_DITAHAN -> EscrowProcess.AWAIT_SHIPMENT;
          case DIKIRIM, SENGKETA -> {
            if (hasEntry(id, "RELEASE")) {
              yield payoutDone(id, "RELEASE") ? "Task_MarkDealCompleted" : EscrowProcess.PAY_OUT_TO_SELLER;
            }
            if (hasEntry(id, "SPLIT")) {
              yield "Gateway_SplitPayouts"; // payouts are idempotent per deal and purpose
            }
            if (deal.getStatus() == DealStatus.SENGKETA) {
              yield EscrowProcess.AWAIT_DISPUTE_RESOLUTION;
            }
            yield deal.getInspectionDeadline() != null ? EscrowProcess.AWAIT_BUYER_VERDICT : EscrowProcess.AWAIT_DELIVERY;
          }
          case DIBATALKAN, DIKEMBALIKAN -> {
            if (!hasEntry(id, "PAYMENT")) {
              yield null;
            }
            if (!hasEntry(id, "REFUND")) {
              yield EscrowProcess.JOIN_REFUND;
            }
            if (deal.getCompletedAt() != null) {
              yield null;
            }
            yield payoutDone(id, "REFUND") ? "Task_MarkRefundPaid" : EscrowProcess.PAY_OUT_REFUND;
          }
          case SELESAI -> null;
        });
  }

  private boolean hasEntry(String dealId, String kind) {
    List<Integer> found = jdbc.queryForList("SELECT 1 FROM journal_entry WHERE deal_id = ? AND kind = ? LIMIT 1", Integer.class, dealId, kind);
    return !found.isEmpty();
  }

  private boolean payoutDone(String dealId, String purpose) {
    List<Integer> found =
        jdbc.queryForList("SELECT 1 FROM payout WHERE deal_id = ? AND purpose = ? AND status = 'COMPLETED' LIMIT 1", Integer.class, dealId, purpose);
    return !found.isEmpty();
  }
}
