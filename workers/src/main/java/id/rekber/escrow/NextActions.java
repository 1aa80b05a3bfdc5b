package id.rekber.escrow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What the viewer can do now, so clients need not re-implement the rules. */
final class NextActions {
  private NextActions() {}

  static List<String> of(Deal d, String role, Instant now) {
    List<String> actions = new ArrayList<>();
    if (role == null) {
      return actions;
    }
    boolean buyer = "BUYER".equals(role);
    boolean seller = "SELLER".equals(role);
    switch (d.getStatus()) {
      case MENUNGGU_PERSETUJUAN -> {
        if ("INVITEE".equals(role)) {
          actions.add("accept");
          actions.add("decline");
        } else {
          actions.add("cancel");
        }
      }
      case MENUNGGU_PEMBAYARAN -> {
        if (buyer) {
          actions.add("pay");
        }
        actions.add("cancel");
      }
      case DANA_DITAHAN -> {
        if (seller) {
          actions.add("ship");
        }
        boolean asked = buyer ? d.isBuyerCancelRequested() : d.isSellerCancelRequested();
        if (!asked) {
          actions.add("cancel");
        }
      }
      case DIKIRIM -> {
        if (buyer) {
          if (d.getDeliveredAt() == null) {
            actions.add("confirm-receipt");
          }
          actions.add("accept-goods");
          if (DisputeWindow.isOpen(d, now)) {
            actions.add("dispute"); // during inspection: POST /api/deals/{id}/dispute
          }
        }
      }
      case SENGKETA -> actions.add("dispute"); // answer, write or upload on /deals/{id}/dispute
      default -> {}
    }
    return actions;
  }
}
