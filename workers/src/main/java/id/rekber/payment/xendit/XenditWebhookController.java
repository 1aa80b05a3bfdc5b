package id.rekber.payment.xendit;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekber.payment.PaymentNotification;
import id.rekber.payment.PaymentStatus;
import id.rekber.payment.PayoutNotification;
import id.rekber.payment.PayoutStatus;
import id.rekber.payment.ProviderCallbacks;
import id.rekber.platform.Refusal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Xendit's invoice and payout webhooks. The {@code x-callback-token} only proves Xendit sent it; a
 * paid invoice is then confirmed at the invoice API ({@link ProviderCallbacks}).
 */
@RestController
@XenditConfigured
class XenditWebhookController {
  private static final Logger log = LoggerFactory.getLogger(XenditWebhookController.class);
  private final ProviderCallbacks callbacks;
  private final XenditProperties properties;

  XenditWebhookController(ProviderCallbacks callbacks, XenditProperties properties) {
    this.callbacks = callbacks;
    this.properties = properties;
  }

  @PostMapping("/api/webhooks/xendit/invoices")
  Map<String, String> invoice(@RequestBody JsonNode body, @RequestHeader(name = "x-callback-token", required = false) String token) {
    requireToken(token);
    String id = required(text(body, "id"));
    String word = required(text(body, "status"));
    Optional<PaymentStatus> status = XenditStatuses.invoice(word);
    if (status.isEmpty()) {
      log.warn("Xendit invoice callback {} with unknown status {}: nothing changed", id, word);
      return Map.of("outcome", "UNKNOWN_STATUS");
    }
    long amount = body.hasNonNull("paid_amount") ? body.path("paid_amount").asLong() : body.path("amount").asLong();
    String outcome = callbacks.payment(new PaymentNotification(XenditPaymentProvider.NAME, id + ":" + word, required(text(body, "external_id")),
        status.get(), word, amount, Optional.ofNullable(text(body, "currency")).orElse("IDR"), id));
    return Map.of("outcome", outcome);
  }

  @PostMapping("/api/webhooks/xendit/payouts")
  Map<String, String> payout(@RequestBody JsonNode body, @RequestHeader(name = "x-callback-token", required = false) String token) {
    requireToken(token);
    JsonNode data = body.path("data");
    String id = required(text(data, "id"));
    String word = required(text(data, "status"));
    Optional<PayoutStatus> status = XenditStatuses.payout(word);
    if (status.isEmpty()) {
      log.warn("Xendit payout webhook {} with unknown status {}: nothing changed", id, word);
      return Map.of("outcome", "UNKNOWN_STATUS");
    }
    String reason = status.get() == PayoutStatus.PENDING ? word : Optional.ofNullable(text(data, "failure_code")).orElse(null);
    String outcome = callbacks.payout(new PayoutNotification(XenditPaymentProvider.NAME, id + ":" + word, required(text(data, "reference_id")),
        status.get(), data.path("amount").asLong(), status.get() == PayoutStatus.FAILED && reason == null ? word : reason, id));
    return Map.of("outcome", outcome);
  }

  private void requireToken(String token) {
    if (token == null || !MessageDigest.isEqual(properties.callbackToken().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
      throw Refusal.unauthenticated("webhook.bad-token");
    }
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.path(field);
    return value.isMissingNode() || value.isNull() ? null : value.asText();
  }

  private static String required(String value) {
    if (value == null || value.isBlank()) {
      throw Refusal.invalid("webhook.missing-field");
    }
    return value;
  }
}
