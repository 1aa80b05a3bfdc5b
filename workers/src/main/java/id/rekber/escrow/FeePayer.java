package id.rekber.escrow;

/** Who pays Rekber's fee, chosen when the deal is created. */
public enum FeePayer {
  BUYER,
  SELLER,
  SPLIT
}
