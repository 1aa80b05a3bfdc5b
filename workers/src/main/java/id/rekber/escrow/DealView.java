package id.rekber.escrow;

import java.time.Instant;
import java.util.List;

/**
 * A deal as its parties see it through the API. {@code milestoneFunding}: how a service deal is
 * funded (decision 46), null for goods; {@code buyerPays} is then the whole deal, paid in parts.
 */
public record DealView(
    String id,
    String itemName,
    String itemDescription,
    DealStatus status,
    String statusReason,
    String myRole,
    long price,
    long shippingCost,
    long fee,
    FeePayer feePayer,
    long buyerFee,
    long sellerFee,
    long buyerPays,
    long sellerReceives,
    String counterpartyEmail,
    int shipWithinDays,
    int inspectionDays,
    Deadlines deadlines,
    String courier,
    String trackingNumber,
    Instant createdAt,
    List<String> nextActions,
    MilestoneFunding milestoneFunding) {

  public record Deadlines(
      Instant acceptBy, Instant payBy, Instant shipBy, Instant deliveryAssumedAt, Instant inspectionEndsAt) {}

  /** The deal as {@code viewer} sees it at {@code now} (the application clock: what they may do depends on deadlines). */
  public static DealView of(Deal d, java.util.UUID viewer, String viewerEmail, Instant now) {
    String role =
        d.roleOf(viewer).map(Enum::name).orElse(DealAccess.isInviteeEmail(d, viewerEmail) ? "INVITEE" : null);
    return new DealView(
        d.getId(),
        d.getItemName(),
        d.getItemDescription(),
        d.getStatus(),
        d.getStatusReason(),
        role,
        d.getPrice(),
        d.getShippingCost(),
        d.getFee(),
        d.getFeePayer(),
        d.getBuyerFee(),
        d.getSellerFee(),
        d.grossAmount(),
        d.sellerProceeds(),
        d.getCounterpartyEmail(),
        d.getShipWithinDays(),
        d.getInspectionDays(),
        new Deadlines(
            d.getAcceptDeadline(), d.getPaymentDeadline(), d.getShipDeadline(), d.getDeliveryFallbackAt(), d.getInspectionDeadline()),
        d.getCourier(),
        d.getTrackingNumber(),
        d.getCreatedAt(),
        NextActions.of(d, role, now),
        d.isServiceDeal() ? d.getMilestoneFunding() : null);
  }
}
