package id.rekber.web;

/** The seller's shipment report as typed, shown again when wrong; the rule is {@link id.rekber.escrow.Shipment}'s, as for the API. */
public class ShipForm {
  private String courier;
  private String trackingNumber;

  public String getCourier() { return courier; }
  public void setCourier(String courier) { this.courier = courier; }
  public String getTrackingNumber() { return trackingNumber; }
  public void setTrackingNumber(String trackingNumber) { this.trackingNumber = trackingNumber; }
}
