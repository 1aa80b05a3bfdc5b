package id.rekber.dispute;

import id.rekber.platform.ModelReference;
import id.rekber.platform.ModelReference.Kind;

/** Message names of processes/dispute-mediation.bpmn (and the escrow lifecycle's dispute boundary). */
final class DisputeMessages {
  @ModelReference(Kind.MESSAGE)
  static final String OPENED = "DisputeOpened";
  @ModelReference(Kind.MESSAGE)
  static final String SELLER_RESPONDED = "DisputeSellerResponded";
  @ModelReference(Kind.MESSAGE)
  static final String OFFER_ANSWERED = "DisputeOfferAnswered";
  @ModelReference(Kind.MESSAGE)
  static final String RETURN_SHIPPED = "DisputeReturnShipped";
  @ModelReference(Kind.MESSAGE)
  static final String RETURN_RECEIVED = "DisputeReturnReceived";

  private DisputeMessages() {}
}
