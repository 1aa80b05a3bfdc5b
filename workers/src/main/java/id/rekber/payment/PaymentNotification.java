package id.rekber.payment;

/**
 * A provider's callback about a buyer payment, after its adapter checked the signature and mapped
 * the provider's status to ours.
 *
 * @param providerStatus the provider's own status words, kept for the record
 * @param grossAmount whole rupiah
 */
public record PaymentNotification(
    String provider,
    String notificationId,
    String orderId,
    PaymentStatus status,
    String providerStatus,
    long grossAmount,
    String currency,
    String transactionId) {

  boolean isSettled() {
    return status == PaymentStatus.PAID;
  }

  boolean isClosedUnpaid() {
    return status.isClosedUnpaid();
  }
}
