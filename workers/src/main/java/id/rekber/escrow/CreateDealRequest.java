package id.rekber.escrow;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** A new deal as a client sends it. Amounts are whole rupiah. */
public record CreateDealRequest(
    @NotNull(message = "{deal.myRole.required}") PartyRole myRole,
    @NotBlank(message = "{deal.itemName.required}") @Size(max = 120, message = "{deal.itemName.size}") String itemName,
    @Size(max = 2000, message = "{deal.itemDescription.size}") String itemDescription,
    @NotNull(message = "{deal.price.required}") @Positive(message = "{deal.price.positive}") Long price,
    @PositiveOrZero(message = "{deal.shippingCost.positive}") Long shippingCost,
    @Min(value = 1, message = "{deal.shipWithinDays.range}") @Max(value = 7, message = "{deal.shipWithinDays.range}") Integer shipWithinDays,
    @Min(value = 1, message = "{deal.inspectionDays.range}") @Max(value = 14, message = "{deal.inspectionDays.range}") Integer inspectionDays,
    FeePayer feePayer,
    @Email(message = "{deal.counterpartyEmail.email}") @Size(max = 254, message = "{deal.counterpartyEmail.email}") String counterpartyEmail,
    @Size(max = 30, message = "{deal.counterparty.phone-invalid}") String counterpartyPhone,
    @Size(max = 10, message = "{deal.milestones.size}") java.util.List<@jakarta.validation.Valid @NotNull(message = "{milestone.required}") MilestoneTerms> milestones,
    MilestoneFunding milestoneFunding) {

  /** Funded up front (or a goods deal). */
  public CreateDealRequest(PartyRole myRole, String itemName, String itemDescription, Long price, Long shippingCost,
      Integer shipWithinDays, Integer inspectionDays, FeePayer feePayer, String counterpartyEmail, String counterpartyPhone,
      java.util.List<MilestoneTerms> milestones) {
    this(myRole, itemName, itemDescription, price, shippingCost, shipWithinDays, inspectionDays, feePayer, counterpartyEmail,
        counterpartyPhone, milestones, null);
  }

  /** The terms with the counterparty's e-mail (as given, or found by their verified phone number). */
  DealTerms terms(String counterpartyEmail) {
    return new DealTerms(
        itemName.trim(),
        itemDescription == null || itemDescription.isBlank() ? null : itemDescription.trim(),
        price,
        shippingCost == null ? 0 : shippingCost,
        shipWithinDays == null ? 3 : shipWithinDays,
        inspectionDays == null ? 3 : inspectionDays,
        feePayer == null ? FeePayer.BUYER : feePayer,
        counterpartyEmail,
        milestones,
        milestoneFunding);
  }
}
