package id.rekber.dispute;

/** Message names of processes/dispute-mediation.bpmn (and the escrow lifecycle's dispute boundary). */
final class DisputeMessages {
  static final String OPENED = "DisputeOpened";
  static final String SELLER_RESPONDED = "DisputeSellerResponded";
  static final String OFFER_ANSWERED = "DisputeOfferAnswered";
  static final String RETURN_SHIPPED = "DisputeReturnShipped";
  static final String RETURN_RECEIVED = "DisputeReturnReceived";

  private DisputeMessages() {}
}
