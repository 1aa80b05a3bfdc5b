package id.rekber.escrow;

import java.util.Optional;

/**
 * Where a deal's escrow process waits, worked out from what PostgreSQL knows (the deal row, its
 * ledger entries and payouts). Used to rebuild orchestration after a single-node restart; a pure
 * rule, so each branch has a plain unit test ({@code RecoveryPointTest}).
 */
final class RecoveryPoint {
  private RecoveryPoint() {}

  /** The element to start a new instance before; empty when nothing is left to do. */
  static Optional<String> of(Deal deal, SettlementFacts money) {
    String id = deal.getId();
    return Optional.ofNullable(
        switch (deal.getStatus()) {
          case MENUNGGU_PERSETUJUAN ->
              deal.getBuyerId() != null && deal.getSellerId() != null ? EscrowProcess.CREATE_PAYMENT_INVOICE : EscrowProcess.AWAIT_COUNTERPARTY;
          case MENUNGGU_PEMBAYARAN -> deal.getPaidAt() != null ? EscrowProcess.MARK_FUNDS_HELD : EscrowProcess.AWAIT_PAYMENT;
          case DANA_DITAHAN -> EscrowProcess.AWAIT_SHIPMENT;
          case DIKIRIM, SENGKETA -> afterShipment(deal, money);
          case DIBATALKAN, DIKEMBALIKAN -> {
            if (!money.hasEntry(id, "PAYMENT")) {
              yield null;
            }
            if (!money.hasEntry(id, "REFUND")) {
              yield EscrowProcess.JOIN_REFUND;
            }
            if (deal.getCompletedAt() != null) {
              yield null;
            }
            yield money.payoutCompleted(id, "REFUND") ? EscrowProcess.MARK_REFUND_PAID : EscrowProcess.PAY_OUT_REFUND;
          }
          case SELESAI -> null;
        });
  }

  private static String afterShipment(Deal deal, SettlementFacts money) {
    String id = deal.getId();
    if (money.hasEntry(id, "RELEASE")) {
      return money.payoutCompleted(id, "RELEASE") ? EscrowProcess.MARK_DEAL_COMPLETED : EscrowProcess.PAY_OUT_TO_SELLER;
    }
    if (money.hasEntry(id, "SPLIT")) {
      return EscrowProcess.SPLIT_PAYOUTS; // payouts are idempotent per deal and purpose
    }
    if (deal.getStatus() == DealStatus.SENGKETA) {
      return EscrowProcess.AWAIT_DISPUTE_RESOLUTION;
    }
    if (deal.getBuyerVerdict() != null) {
      // The verdict was recorded before the crash; the message that carried it may be gone.
      return deal.getBuyerVerdict() == BuyerVerdict.DISPUTED ? EscrowProcess.JOIN_DISPUTE : EscrowProcess.JOIN_RELEASE;
    }
    return deal.getInspectionDeadline() != null ? EscrowProcess.AWAIT_BUYER_VERDICT : EscrowProcess.AWAIT_DELIVERY;
  }
}
