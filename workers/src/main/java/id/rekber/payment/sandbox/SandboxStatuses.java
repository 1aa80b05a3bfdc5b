package id.rekber.payment.sandbox;

import id.rekber.payment.PaymentStatus;
import id.rekber.payment.PayoutStatus;
import id.rekber.platform.Refusal;
import java.util.Map;

/**
 * The sandbox speaks Midtrans's notification vocabulary: a transaction status and the HTTP-like
 * status code that goes with it. The signature covers the status code but not the status word,
 * so a notification whose word does not fit its code is refused (a replayed pending notification
 * with "settlement" written in must not count as paid).
 */
public final class SandboxStatuses {
  private static final Map<String, String> PAYMENT_CODES =
      Map.of(
          "settlement", "200",
          "capture", "200",
          "pending", "201",
          "deny", "202",
          "cancel", "202",
          "expire", "407");

  private SandboxStatuses() {}

  /** The status code the sandbox sends (and signs) with a transaction status. */
  public static String paymentStatusCode(String transactionStatus) {
    String code = PAYMENT_CODES.get(transactionStatus);
    if (code == null) {
      throw new IllegalArgumentException("unknown sandbox transaction status " + transactionStatus);
    }
    return code;
  }

  static PaymentStatus payment(String statusCode, String transactionStatus) {
    if (transactionStatus == null || !statusCode.equals(PAYMENT_CODES.get(transactionStatus))) {
      throw Refusal.invalid("webhook.status-mismatch", transactionStatus, statusCode);
    }
    return switch (transactionStatus) {
      case "settlement", "capture" -> PaymentStatus.PAID;
      case "pending" -> PaymentStatus.PENDING;
      case "deny" -> PaymentStatus.DENIED;
      case "cancel" -> PaymentStatus.CANCELLED;
      default -> PaymentStatus.EXPIRED;
    };
  }

  /** The status code the sandbox sends (and signs) with a payout result. */
  public static String payoutStatusCode(String status) {
    return "COMPLETED".equals(status) ? "200" : "400";
  }

  static PayoutStatus payout(String statusCode, String status) {
    if (status == null || !statusCode.equals(payoutStatusCode(status)) || !(status.equals("COMPLETED") || status.equals("FAILED"))) {
      throw Refusal.invalid("webhook.status-mismatch", status, statusCode);
    }
    return PayoutStatus.valueOf(status);
  }
}
