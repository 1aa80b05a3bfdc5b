package id.rekber.payment.midtrans;

import id.rekber.payment.PaymentStatus;
import id.rekber.payment.PayoutStatus;
import java.util.Optional;
import java.util.Set;

/** Midtrans' and Iris' status words in Rekber's vocabulary (docs/payment-providers.md, "One status vocabulary"). */
final class MidtransStatuses {
  private MidtransStatuses() {}

  /** Empty for a word we do not know: kept, logged, answered 200, changes nothing. */
  static Optional<PaymentStatus> payment(String transactionStatus, String fraudStatus) {
    if (transactionStatus == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(switch (transactionStatus) {
      case "pending", "authorize" -> PaymentStatus.PENDING;
      case "capture" -> "accept".equals(fraudStatus) || fraudStatus == null ? PaymentStatus.PAID : PaymentStatus.PENDING;
      case "settlement" -> PaymentStatus.PAID;
      case "deny", "failure" -> PaymentStatus.DENIED;
      case "cancel" -> PaymentStatus.CANCELLED;
      case "expire" -> PaymentStatus.EXPIRED;
      case "refund" -> PaymentStatus.REFUNDED;
      case "partial_refund" -> PaymentStatus.PARTIALLY_REFUNDED;
      case "chargeback", "partial_chargeback" -> PaymentStatus.REVERSED;
      default -> null;
    });
  }

  /**
   * The signature covers the status code, not the word: a word that records money must come with the
   * code Midtrans sends for it, so a signed "pending" cannot be replayed as "settlement".
   */
  static boolean codeFits(String transactionStatus, String statusCode) {
    return !Set.of("settlement", "capture").contains(transactionStatus) || "200".equals(statusCode);
  }

  static Optional<PayoutStatus> payout(String status) {
    if (status == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(switch (status) {
      case "queued", "approved", "processed" -> PayoutStatus.PENDING;
      case "completed" -> PayoutStatus.COMPLETED;
      case "failed", "rejected" -> PayoutStatus.FAILED;
      default -> null;
    });
  }
}
