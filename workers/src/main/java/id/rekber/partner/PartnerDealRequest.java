package id.rekber.partner;

import id.rekber.escrow.FeePayer;
import id.rekber.escrow.PartyRole;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A deal a partner creates on behalf of its users. Each party is named by e-mail or phone; the
 * initiator (by default the seller) must already be a Rekber member, the other party is invited.
 */
@Schema(description = "A deal created on behalf of the partner's users; each party by e-mail or phone (e-mail wins when both are given).")
public record PartnerDealRequest(
    @Schema(example = "sari@rekber.test") @Email(message = "{deal.counterpartyEmail.email}") @Size(max = 254) String sellerEmail,
    @Schema(example = "081234567890") @Size(max = 20) String sellerPhone,
    @Schema(example = "budi@rekber.test") @Email(message = "{deal.counterpartyEmail.email}") @Size(max = 254) String buyerEmail,
    @Schema(example = "081298765432") @Size(max = 20) String buyerPhone,
    @Schema(description = "Who starts the deal (the other party accepts it); default SELLER", example = "SELLER") PartyRole initiator,
    @Schema(example = "Sepatu lari Ardiles, ukuran 42") @NotBlank(message = "{deal.itemName.required}") @Size(max = 120, message = "{deal.itemName.size}") String itemName,
    @Size(max = 2000, message = "{deal.itemDescription.size}") String itemDescription,
    @Schema(example = "250000") @NotNull(message = "{deal.price.required}") @Positive(message = "{deal.price.positive}") Long price,
    @Schema(example = "20000") @PositiveOrZero(message = "{deal.shippingCost.positive}") Long shippingCost,
    @Min(value = 1, message = "{deal.shipWithinDays.range}") @Max(value = 7, message = "{deal.shipWithinDays.range}") Integer shipWithinDays,
    @Min(value = 1, message = "{deal.inspectionDays.range}") @Max(value = 14, message = "{deal.inspectionDays.range}") Integer inspectionDays,
    @Schema(example = "BUYER") FeePayer feePayer,
    @Schema(description = "The partner's own order id, echoed in reads and webhooks", example = "ORDER-7781") @Size(max = 100) String externalRef) {}
