package id.rekber.payment.xendit;

import id.rekber.payment.PaymentStatus;
import id.rekber.payment.PayoutStatus;
import java.util.Optional;

/** Xendit's invoice and payout words in Rekber's vocabulary (docs/payment-providers.md, "One status vocabulary"). */
final class XenditStatuses {
  private XenditStatuses() {}

  static Optional<PaymentStatus> invoice(String status) {
    if (status == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(switch (status) {
      case "PENDING" -> PaymentStatus.PENDING;
      case "PAID", "SETTLED" -> PaymentStatus.PAID;
      case "EXPIRED" -> PaymentStatus.EXPIRED;
      default -> null;
    });
  }

  static Optional<PayoutStatus> payout(String status) {
    if (status == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(switch (status) {
      case "ACCEPTED", "REQUESTED", "PENDING_COMPLIANCE_ASSESSMENT" -> PayoutStatus.PENDING;
      case "SUCCEEDED" -> PayoutStatus.COMPLETED;
      case "FAILED", "CANCELLED", "COMPLIANCE_REJECTED" -> PayoutStatus.FAILED;
      case "REVERSED" -> PayoutStatus.REVERSED;
      default -> null;
    });
  }
}
