package id.rekber.payment.sandbox;

import id.rekber.platform.PaymentSandbox;
import id.rekber.payment.PayoutNotification;
import id.rekber.payment.PaymentNotification;
import id.rekber.payment.PaymentProperties;
import id.rekber.payment.ProviderCallbacks;
import com.fasterxml.jackson.annotation.JsonProperty;
import id.rekber.platform.Refusal;
import id.rekber.platform.Rupiah;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Callbacks from the sandbox provider, in Midtrans' notification shape. Nothing is believed before
 * the signature matches; a callback with a bad signature, an unknown order, another amount or
 * currency is refused with a problem detail and changes nothing.
 */
@RestController
@PaymentSandbox
class SandboxWebhookController {
  private final ProviderCallbacks callbacks;
  private final PaymentProperties properties;

  SandboxWebhookController(ProviderCallbacks callbacks, PaymentProperties properties) {
    this.callbacks = callbacks;
    this.properties = properties;
  }

  @PostMapping("/api/webhooks/sandbox/payments")
  Map<String, String> payment(@RequestBody PaymentCallback body) {
    requireSignature(body.signatureKey(), body.orderId(), body.statusCode(), body.grossAmount());
    String outcome =
        callbacks.payment(
            new PaymentNotification(
                SandboxPaymentProvider.NAME,
                required(body.transactionId()) + ":" + body.transactionStatus(),
                body.orderId(),
                SandboxStatuses.payment(body.statusCode(), required(body.transactionStatus())),
                body.transactionStatus(),
                rupiah(body.grossAmount()),
                body.currency() == null ? "IDR" : body.currency(),
                body.transactionId()));
    return Map.of("outcome", outcome);
  }

  @PostMapping("/api/webhooks/sandbox/payouts")
  Map<String, String> payout(@RequestBody PayoutCallback body) {
    requireSignature(body.signatureKey(), body.payoutId(), body.statusCode(), body.amount());
    String outcome =
        callbacks.payout(
            new PayoutNotification(
                SandboxPaymentProvider.NAME,
                required(body.notificationId()),
                body.payoutId(),
                SandboxStatuses.payout(body.statusCode(), required(body.status())),
                rupiah(body.amount()),
                body.reason(),
                body.notificationId()));
    return Map.of("outcome", outcome);
  }

  private void requireSignature(String signature, String reference, String statusCode, String amount) {
    if (reference == null || statusCode == null || amount == null
        || !MidtransSignature.matches(signature, reference, statusCode, amount, properties.sandboxServerKey())) {
      throw Refusal.unauthenticated("webhook.bad-signature");
    }
  }

  /** "150000.00" to 150000; a fraction of a rupiah is not money we accept. */
  static long rupiah(String amount) {
    return Rupiah.parse(amount).map(Rupiah::amount).orElseThrow(() -> Refusal.invalid("webhook.bad-amount", amount));
  }

  private static String required(String value) {
    if (value == null || value.isBlank()) {
      throw Refusal.invalid("webhook.missing-field");
    }
    return value;
  }

  record PaymentCallback(
      @JsonProperty("transaction_id") String transactionId,
      @JsonProperty("order_id") String orderId,
      @JsonProperty("status_code") String statusCode,
      @JsonProperty("gross_amount") String grossAmount,
      @JsonProperty("currency") String currency,
      @JsonProperty("transaction_status") String transactionStatus,
      @JsonProperty("signature_key") String signatureKey) {}

  record PayoutCallback(
      @JsonProperty("notification_id") String notificationId,
      @JsonProperty("payout_id") String payoutId,
      @JsonProperty("status") String status,
      @JsonProperty("status_code") String statusCode,
      @JsonProperty("amount") String amount,
      @JsonProperty("reason") String reason,
      @JsonProperty("signature_key") String signatureKey) {}
}
