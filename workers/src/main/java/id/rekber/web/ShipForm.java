package id.rekber.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The seller's shipment report, with the same rules as the API's ShipRequest. */
public class ShipForm {
  @NotBlank(message = "{ship.courier.required}")
  @Size(max = 40, message = "{ship.courier.size}")
  private String courier;

  @NotBlank(message = "{ship.trackingNumber.required}")
  @Size(min = 6, max = 60, message = "{ship.trackingNumber.size}")
  @Pattern(regexp = "[A-Za-z0-9-]*", message = "{ship.trackingNumber.pattern}")
  private String trackingNumber;

  public String getCourier() { return courier; }
  public void setCourier(String courier) { this.courier = courier; }
  public String getTrackingNumber() { return trackingNumber; }
  public void setTrackingNumber(String trackingNumber) { this.trackingNumber = trackingNumber; }
}
