package id.rekber.support;

import id.rekber.payment.sandbox.MidtransSignature;
import id.rekber.payment.sandbox.SandboxStatuses;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Signed sandbox callbacks as the provider would send them, for webhook tests. */
public final class Callbacks {
  public static final String DEMO_SERVER_KEY = "SB-Mid-server-DEMO-ONLY-not-a-secret";

  private Callbacks() {}

  public static Map<String, Object> payment(String orderId, String transactionStatus, long amount, String transactionId) {
    return payment(orderId, transactionStatus, amount + ".00", transactionId, DEMO_SERVER_KEY);
  }

  public static Map<String, Object> payment(String orderId, String transactionStatus, String gross, String transactionId, String key) {
    String statusCode = SandboxStatuses.paymentStatusCode(transactionStatus);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("transaction_id", transactionId == null ? UUID.randomUUID().toString() : transactionId);
    body.put("order_id", orderId);
    body.put("status_code", statusCode);
    body.put("gross_amount", gross);
    body.put("currency", "IDR");
    body.put("payment_type", "bank_transfer");
    body.put("transaction_status", transactionStatus);
    body.put("signature_key", MidtransSignature.sign(orderId, statusCode, gross, key));
    return body;
  }

  /**
   * The provider's own books say the buyer paid (what its status API will answer), without its
   * callback: the test posts the callback it wants to test.
   */
  public static void settledAtProvider(org.springframework.jdbc.core.JdbcTemplate jdbc, String orderId) {
    int updated = jdbc.update("UPDATE sandbox_invoice SET status = 'settlement', paid_at = now() WHERE order_id = ?", orderId);
    if (updated != 1) {
      throw new IllegalStateException("no sandbox invoice " + orderId);
    }
  }

  public static Map<String, Object> payout(String payoutId, String status, long amount, String notificationId) {
    String statusCode = SandboxStatuses.payoutStatusCode(status);
    String gross = amount + ".00";
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("notification_id", notificationId);
    body.put("payout_id", payoutId);
    body.put("status", status);
    body.put("status_code", statusCode);
    body.put("amount", gross);
    body.put("reason", "COMPLETED".equals(status) ? null : "bank offline");
    body.put("signature_key", MidtransSignature.sign(payoutId, statusCode, gross, DEMO_SERVER_KEY));
    return body;
  }
}
