package id.rekber.escrow;

public enum PartyRole {
  BUYER,
  SELLER;

  public PartyRole other() {
    return this == BUYER ? SELLER : BUYER;
  }
}
