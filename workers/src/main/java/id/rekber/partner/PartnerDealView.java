package id.rekber.partner;

import id.rekber.escrow.Deal;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A partner's deal as the partner sees it; amounts in whole rupiah. */
@Schema(description = "A deal the partner created")
public record PartnerDealView(
    @Schema(example = "RB-7Q2K9X4M") String id,
    @Schema(example = "ORDER-7781") String externalRef,
    @Schema(example = "MENUNGGU_PERSETUJUAN") String status,
    String statusReason,
    String itemName,
    long price,
    long shippingCost,
    @Schema(description = "Rekber's fee (partner-fee.dmn or escrow-fee.dmn, whichever is lower)", example = "5400") long fee,
    long buyerPays,
    long sellerReceives,
    Instant createdAt,
    @Schema(description = "Where the buyer accepts and pays (the portal's deal page)", example = "http://localhost:8080/deals/RB-7Q2K9X4M") String buyerLink,
    @Schema(description = "The payment provider's checkout page, once the deal is accepted and its invoice exists; null before", example = "http://localhost:8080/sandbox/checkout/PAY-RB-7Q2K9X4M") String checkoutUrl) {

  static PartnerDealView of(Deal d, String externalRef, String buyerLink, String checkoutUrl) {
    return new PartnerDealView(d.getId(), externalRef, d.getStatus().name(), d.getStatusReason(), d.getItemName(), d.getPrice(),
        d.getShippingCost(), d.getFee(), d.grossAmount(), d.sellerProceeds(), d.getCreatedAt(), buyerLink, checkoutUrl);
  }
}
