package id.rekber.escrow;

/** The seller's shipment report as sent to the API; checked by {@link Shipment} in {@link DealService#markShipped}. */
public record ShipRequest(String courier, String trackingNumber) {}
