package id.rekber.escrow;

/** What two parties agree on when a deal is created. */
public record DealTerms(
    String itemName,
    String itemDescription,
    long price,
    long shippingCost,
    int shipWithinDays,
    int inspectionDays,
    FeePayer feePayer,
    String counterpartyEmail,
    java.util.List<MilestoneTerms> milestones,
    MilestoneFunding milestoneFunding) {

  /** A goods deal. */
  public DealTerms(String itemName, String itemDescription, long price, long shippingCost, int shipWithinDays, int inspectionDays,
      FeePayer feePayer, String counterpartyEmail) {
    this(itemName, itemDescription, price, shippingCost, shipWithinDays, inspectionDays, feePayer, counterpartyEmail, java.util.List.of());
  }

  /** A deal funded in full up front. */
  public DealTerms(String itemName, String itemDescription, long price, long shippingCost, int shipWithinDays, int inspectionDays,
      FeePayer feePayer, String counterpartyEmail, java.util.List<MilestoneTerms> milestones) {
    this(itemName, itemDescription, price, shippingCost, shipWithinDays, inspectionDays, feePayer, counterpartyEmail, milestones,
        MilestoneFunding.UP_FRONT);
  }

  public DealTerms {
    milestones = milestones == null ? java.util.List.of() : java.util.List.copyOf(milestones);
    milestoneFunding = milestoneFunding == null ? MilestoneFunding.UP_FRONT : milestoneFunding;
  }

  public long feeBase() {
    return price + shippingCost;
  }
}
