package id.rekber.payment;

/**
 * A provider's callback about a buyer payment, after its signature was checked.
 *
 * @param status the provider's transaction status (settlement, capture, pending, expire, cancel, deny)
 * @param grossAmount whole rupiah
 */
public record PaymentNotification(
    String provider, String notificationId, String orderId, String status, long grossAmount, String currency, String transactionId) {

  boolean isSettled() {
    return "settlement".equals(status) || "capture".equals(status);
  }

  boolean isClosedUnpaid() {
    return "expire".equals(status) || "cancel".equals(status) || "deny".equals(status);
  }
}
