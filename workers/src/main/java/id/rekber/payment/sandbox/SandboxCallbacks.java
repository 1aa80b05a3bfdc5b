package id.rekber.payment.sandbox;

import id.rekber.platform.PaymentSandbox;
import id.rekber.payment.PaymentProperties;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Sends the sandbox's signed callbacks over HTTP to Rekber's webhook endpoints, retrying with
 * back-off when Rekber does not answer 2xx, as payment providers do.
 */
@Component
@PaymentSandbox
class SandboxCallbacks {
  private static final Logger log = LoggerFactory.getLogger(SandboxCallbacks.class);
  private static final int MAX_ATTEMPTS = 6;

  private final PaymentProperties properties;
  private final TaskScheduler scheduler;
  private final RestClient http = RestClient.create();
  private volatile String baseUrl;

  SandboxCallbacks(PaymentProperties properties, TaskScheduler scheduler) {
    this.properties = properties;
    this.scheduler = scheduler;
  }

  @EventListener
  void onWebServer(WebServerInitializedEvent event) {
    baseUrl =
        properties.sandboxCallbackUrl().isBlank()
            ? "http://127.0.0.1:" + event.getWebServer().getPort()
            : properties.sandboxCallbackUrl();
  }

  void paymentSoon(String orderId, String status, long amount) {
    scheduler.schedule(() -> payment(orderId, status, amount), java.time.Instant.now());
  }

  void payment(String orderId, String transactionStatus, long amount) {
    String statusCode = SandboxStatuses.paymentStatusCode(transactionStatus);
    String gross = amount + ".00";
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("transaction_id", UUID.randomUUID().toString());
    body.put("order_id", orderId);
    body.put("status_code", statusCode);
    body.put("gross_amount", gross);
    body.put("currency", "IDR");
    body.put("payment_type", "bank_transfer");
    body.put("transaction_status", transactionStatus);
    body.put("signature_key", MidtransSignature.sign(orderId, statusCode, gross, properties.sandboxServerKey()));
    post("/api/webhooks/sandbox/payments", body, 1);
  }

  void payout(String payoutId, String status, long amount, String reason) {
    String statusCode = SandboxStatuses.payoutStatusCode(status);
    String gross = amount + ".00";
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("notification_id", UUID.randomUUID().toString());
    body.put("payout_id", payoutId);
    body.put("status", status);
    body.put("status_code", statusCode);
    body.put("amount", gross);
    body.put("reason", reason);
    body.put("signature_key", MidtransSignature.sign(payoutId, statusCode, gross, properties.sandboxServerKey()));
    post("/api/webhooks/sandbox/payouts", body, 1);
  }

  private void post(String path, Map<String, Object> body, int attempt) {
    try {
      http.post().uri(baseUrl + path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity();
    } catch (RuntimeException e) {
      if (attempt >= MAX_ATTEMPTS) {
        log.error("Sandbox gave up on callback {} after {} attempts", path, attempt, e);
        return;
      }
      long delaySeconds = 1L << attempt;
      log.warn("Sandbox callback {} failed (attempt {}), retrying in {}s: {}", path, attempt, delaySeconds, e.toString());
      scheduler.schedule(() -> post(path, body, attempt + 1), java.time.Instant.now().plusSeconds(delaySeconds));
    }
  }
}
