package id.rekber.payment.midtrans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rekber.payment.PaymentNotification;
import id.rekber.payment.PaymentStatus;
import id.rekber.payment.PayoutNotification;
import id.rekber.payment.PayoutRepository;
import id.rekber.payment.PayoutStatus;
import id.rekber.payment.ProviderCallbacks;
import id.rekber.platform.Refusal;
import id.rekber.platform.Rupiah;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Midtrans' payment notifications and Iris' payout notifications. Nothing is believed before the
 * signature matches; a settlement is then believed only when the status API agrees
 * ({@link ProviderCallbacks}). Registered with Midtrans as Payment Notification URL and in the Iris
 * dashboard; open to the internet like every {@code /api/webhooks/**} path.
 */
@RestController
@MidtransConfigured
class MidtransWebhookController {
  private static final Logger log = LoggerFactory.getLogger(MidtransWebhookController.class);
  private final ProviderCallbacks callbacks;
  private final MidtransProperties properties;
  private final PayoutRepository payouts;
  private final ObjectMapper json;

  MidtransWebhookController(ProviderCallbacks callbacks, MidtransProperties properties, PayoutRepository payouts, ObjectMapper json) {
    this.callbacks = callbacks;
    this.properties = properties;
    this.payouts = payouts;
    this.json = json;
  }

  @PostMapping("/api/webhooks/midtrans/payments")
  Map<String, String> payment(@RequestBody JsonNode body) {
    String orderId = text(body, "order_id");
    String statusCode = text(body, "status_code");
    String gross = text(body, "gross_amount");
    if (orderId == null || statusCode == null || gross == null
        || !MidtransSignature.same(MidtransSignature.payment(orderId, statusCode, gross, properties.serverKey()), text(body, "signature_key"))) {
      throw Refusal.unauthenticated("webhook.bad-signature");
    }
    String word = required(text(body, "transaction_status"));
    String transactionId = required(text(body, "transaction_id"));
    if (!MidtransStatuses.codeFits(word, statusCode)) {
      throw Refusal.invalid("webhook.status-mismatch", word, statusCode);
    }
    Optional<PaymentStatus> status = MidtransStatuses.payment(word, text(body, "fraud_status"));
    if (status.isEmpty()) {
      log.warn("Midtrans notification for {} with unknown status {}: kept in the log, nothing changed", orderId, word);
      return Map.of("outcome", "UNKNOWN_STATUS");
    }
    String outcome = callbacks.payment(new PaymentNotification(MidtransPaymentProvider.NAME, transactionId + ":" + word, orderId,
        status.get(), word, rupiah(gross), Optional.ofNullable(text(body, "currency")).orElse("IDR"), transactionId));
    return Map.of("outcome", outcome);
  }

  /** The signature covers the raw body, so it is read as bytes before any JSON parsing. */
  @PostMapping("/api/webhooks/midtrans/payouts")
  Map<String, String> payout(@RequestBody byte[] raw, @RequestHeader(name = "Iris-Signature", required = false) String signature) throws IOException {
    if (!MidtransSignature.same(MidtransSignature.iris(raw, properties.iris().merchantKey()), signature)) {
      throw Refusal.unauthenticated("webhook.bad-signature");
    }
    JsonNode body = json.readTree(raw);
    String reference = required(text(body, "reference_no"));
    String word = required(text(body, "status"));
    Optional<PayoutStatus> status = MidtransStatuses.payout(word);
    if (status.isEmpty()) {
      log.warn("Iris notification for {} with unknown status {}: nothing changed", reference, word);
      return Map.of("outcome", "UNKNOWN_STATUS");
    }
    // Not stored yet (the create answer is still on its way): Iris retries, and so does the payout job.
    String payoutId = payouts.findByProviderAndProviderReference(MidtransPaymentProvider.NAME, reference)
        .orElseThrow(() -> Refusal.conflict("payout.reference-not-yet-known", reference)).getId();
    String reason = status.get() == PayoutStatus.PENDING ? word
        : Optional.ofNullable(text(body, "error_message")).orElse("rejected".equals(word) ? "rejected by Iris validation or the approver" : null);
    String outcome = callbacks.payout(new PayoutNotification(MidtransPaymentProvider.NAME, reference + ":" + word, payoutId, status.get(),
        rupiah(required(text(body, "amount"))), reason, reference));
    return Map.of("outcome", outcome);
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.path(field);
    return value.isMissingNode() || value.isNull() ? null : value.asText();
  }

  static long rupiah(String amount) {
    return Rupiah.parse(amount).map(Rupiah::amount).orElseThrow(() -> Refusal.invalid("webhook.bad-amount", amount));
  }

  private static String required(String value) {
    if (value == null || value.isBlank()) {
      throw Refusal.invalid("webhook.missing-field");
    }
    return value;
  }
}
