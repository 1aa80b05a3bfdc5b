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
    String counterpartyEmail) {

  public long feeBase() {
    return price + shippingCost;
  }
}
