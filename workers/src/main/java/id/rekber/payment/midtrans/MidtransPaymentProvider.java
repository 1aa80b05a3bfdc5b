package id.rekber.payment.midtrans;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekber.payment.PaymentMethod;
import id.rekber.payment.PaymentProvider;
import id.rekber.payment.PaymentStatus;
import id.rekber.payment.ProviderRefusedException;
import id.rekber.payment.ProviderUnavailableException;
import id.rekber.payment.http.ProviderCall;
import id.rekber.payment.http.ProviderHttp;
import id.rekber.payment.http.ProviderResponse;
import id.rekber.platform.Refusal;
import id.rekber.platform.Rupiah;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Midtrans Core API for buyer payments (one charge per method the buyer picks, decision 32) and Iris
 * for payouts and account checks (docs/payment-providers.md, "Midtrans"). The order id
 * {@code PAY-<deal>} is Midtrans' key: a repeated charge is answered "order id already used", and
 * the status API then describes the charge the first call made.
 */
public class MidtransPaymentProvider implements PaymentProvider {
  public static final String NAME = "midtrans";
  static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
  private static final DateTimeFormatter ORDER_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z");
  private static final DateTimeFormatter MIDTRANS_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  /** Methods whose settled payments Midtrans can refund to their source (Direct Refund). */
  private static final Set<String> REFUNDABLE_AT_SOURCE = Set.of("gopay", "shopeepay", "qris");

  private final MidtransProperties properties;
  private final ProviderHttp http;
  private final IrisPayouts iris;
  private final String portalUrl;
  private final Clock clock;

  public MidtransPaymentProvider(MidtransProperties properties, ProviderHttp http, String portalUrl, Clock clock) {
    properties.validate();
    this.properties = properties;
    this.http = http;
    this.iris = new IrisPayouts(properties, http);
    this.portalUrl = portalUrl.endsWith("/") ? portalUrl.substring(0, portalUrl.length() - 1) : portalUrl;
    this.clock = clock;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean needsMethodChoice() {
    return true;
  }

  @Override
  public Set<PaymentMethod> methods() {
    return properties.methods().stream().map(m -> PaymentMethod.fromCode(m)
        .orElseThrow(() -> new IllegalStateException("rekber.payment.midtrans.methods: unknown method " + m)))
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  @Override
  public boolean idempotentPayouts() {
    return false; // Iris documents no idempotency for create (open question 8)
  }

  /** No call: the deal page lets the buyer pick a method, which then {@link #charge}s. */
  @Override
  public Invoice createInvoice(String orderId, long amount, Instant expiresAt) {
    return new Invoice(null, null, null, null, null, dealPath(orderId), null, null);
  }

  @Override
  public Invoice charge(String orderId, long amount, Instant expiresAt, PaymentMethod method) {
    Instant now = clock.instant();
    long seconds = Duration.between(now, expiresAt).toSeconds();
    if (method.isWallet()) {
      seconds = Math.min(seconds, properties.walletChargeValidity().toSeconds());
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("payment_type", paymentType(method));
    body.put("transaction_details", Map.of("order_id", orderId, "gross_amount", amount));
    methodObject(method, orderId).ifPresent(o -> body.put(o.getKey(), o.getValue()));
    body.put("custom_expiry", Map.of(
        "order_time", ORDER_TIME.format(now.atZone(WIB)), "expiry_duration", Math.max(1, seconds), "unit", "second"));
    String dealId = dealId(orderId);
    body.put("item_details", List.of(Map.of("id", dealId, "price", amount, "quantity", 1, "name", "Rekber " + dealId)));
    ProviderResponse answer = http.send(ProviderCall.post(NAME, "charge", properties.coreApi() + "/v2/charge", auth(), body, orderId, orderId, amount));
    String code = effectiveCode(answer);
    if ("200".equals(code) || "201".equals(code)) {
      return instructions(method, answer.body());
    }
    if ("406".equals(code)) {
      // Our order id is taken by the charge a timed-out call made: describe that charge.
      return existingCharge(orderId, method);
    }
    throw refusedOrUnavailable(answer, code);
  }

  private Invoice existingCharge(String orderId, PaymentMethod method) {
    ProviderResponse status = status(orderId).orElseThrow(() -> new ProviderUnavailableException("midtrans: order " + orderId + " used but unknown", true));
    String word = status.text("transaction_status");
    if ("settlement".equals(word) || "capture".equals(word)) {
      throw Refusal.conflict("payment.already-paid");
    }
    if (!"pending".equals(word)) {
      throw new ProviderRefusedException(NAME, "406", "order " + orderId + " is " + word + " at Midtrans; close it before charging again", false);
    }
    return instructions(method, status.body());
  }

  private Invoice instructions(PaymentMethod method, JsonNode r) {
    String va = null;
    String biller = null;
    String qr = null;
    String link = null;
    switch (method) {
      case BCA_VA, BNI_VA, BRI_VA -> va = r.path("va_numbers").path(0).path("va_number").asText(null);
      case PERMATA_VA -> va = r.path("permata_va_number").asText(null);
      case ECHANNEL -> {
        va = r.path("bill_key").asText(null);
        biller = r.path("biller_code").asText(null);
      }
      case QRIS -> {
        qr = r.path("qr_string").asText(null);
        link = action(r, "generate-qr-code");
      }
      case GOPAY, SHOPEEPAY -> link = Optional.ofNullable(action(r, "deeplink-redirect")).orElse(action(r, "generate-qr-code"));
      default -> throw new IllegalArgumentException("Midtrans does not charge " + method);
    }
    Instant expires = Optional.ofNullable(r.path("expiry_time").asText(null))
        .map(t -> LocalDateTime.parse(t, MIDTRANS_TIME).atZone(WIB).toInstant()).orElse(null);
    return new Invoice(method, va, biller, qr, link, dealPath(r.path("order_id").asText("")),
        r.path("transaction_id").asText(null), expires);
  }

  private static String action(JsonNode r, String name) {
    for (JsonNode action : r.path("actions")) {
      if (name.equals(action.path("name").asText())) {
        return action.path("url").asText(null);
      }
    }
    return null;
  }

  @Override
  public Optional<ProviderPayment> closeInvoice(String orderId) {
    ProviderResponse answer = http.send(ProviderCall.post(NAME, "expire", properties.coreApi() + "/v2/" + orderId + "/expire", auth(), null, orderId, null, null));
    String code = effectiveCode(answer);
    if ("404".equals(code)) {
      return Optional.empty();
    }
    if ("407".equals(code) || "200".equals(code)) {
      return Optional.of(payment(orderId, answer));
    }
    // e.g. 412 "cannot be updated": the order moved on (paid, already expired); say what it is now.
    return paymentStatus(orderId);
  }

  @Override
  public Optional<ProviderPayment> paymentStatus(String orderId) {
    return status(orderId).map(r -> payment(orderId, r));
  }

  /** The status API's full answer; empty for an order Midtrans does not know. */
  Optional<ProviderResponse> status(String orderId) {
    ProviderResponse answer = http.send(ProviderCall.get(NAME, "status", properties.coreApi() + "/v2/" + orderId + "/status", auth(), orderId));
    String code = effectiveCode(answer);
    if ("404".equals(code)) {
      return Optional.empty();
    }
    if (!answer.ok() || code.startsWith("4") && answer.text("transaction_status") == null) {
      throw refusedOrUnavailable(answer, code);
    }
    return Optional.of(answer);
  }

  private static ProviderPayment payment(String orderId, ProviderResponse r) {
    String word = r.text("transaction_status");
    PaymentStatus status = MidtransStatuses.payment(word, r.text("fraud_status")).orElse(PaymentStatus.PENDING);
    long gross = Rupiah.parse(r.text("gross_amount")).map(Rupiah::amount).orElse(0L);
    return new ProviderPayment(orderId, status, word, gross, r.text("transaction_id"));
  }

  @Override
  public PayoutRequestResult requestPayout(String payoutId, long amount, String destination) {
    String[] parts = destination.split(":", 3);
    if ("SOURCE".equals(parts[0]) && parts.length >= 2) {
      return refundToSource(payoutId, amount, parts[1]);
    }
    if (parts.length < 3) {
      return new PayoutRequestResult.Refused("no payout account");
    }
    return iris.create(payoutId, amount, parts[0], parts[1], parts[2]);
  }

  /** Direct refund for GoPay, ShopeePay and QRIS; a bank transfer cannot be refunded to its source. */
  private PayoutRequestResult refundToSource(String payoutId, long amount, String orderId) {
    Optional<ProviderResponse> status = status(orderId);
    String type = status.map(r -> r.text("payment_type")).orElse("");
    if (!REFUNDABLE_AT_SOURCE.contains(type)) {
      return new PayoutRequestResult.Refused("refund to source not supported for " + (type.isEmpty() ? "this payment" : type)
          + "; the buyer needs a payout account");
    }
    Map<String, Object> body = Map.of("refund_key", payoutId, "amount", amount, "reason", "Rekber refund");
    ProviderResponse answer = http.send(ProviderCall.post(NAME, "refund", properties.coreApi() + "/v2/" + orderId + "/refund/online/direct",
        auth(), body, payoutId, payoutId, amount));
    String code = effectiveCode(answer);
    if ("200".equals(code) || "201".equals(code)) {
      return new PayoutRequestResult.Completed(Optional.ofNullable(answer.text("refund_chargeback_id")).orElse(answer.text("transaction_id")));
    }
    if (code.startsWith("5")) {
      throw new ProviderUnavailableException("midtrans refund " + payoutId + ": " + code, true);
    }
    return new PayoutRequestResult.Refused(String.valueOf(ProviderHttp.providerMessage(answer)));
  }

  @Override
  public Optional<String> accountHolder(String bankCode, String accountNumber) {
    return iris.accountHolder(bankCode, accountNumber);
  }

  /**
   * Midtrans often answers HTTP 200 with the outcome in the body's {@code status_code}; either one
   * decides (open question 1).
   */
  static String effectiveCode(ProviderResponse answer) {
    String body = answer.text("status_code");
    return body != null && body.matches("\\d{3}") ? body : String.valueOf(answer.status());
  }

  private static RuntimeException refusedOrUnavailable(ProviderResponse answer, String code) {
    if (code.startsWith("5")) {
      return new ProviderUnavailableException("midtrans: " + code + " " + ProviderHttp.providerMessage(answer), true);
    }
    return new ProviderRefusedException(NAME, code, ProviderHttp.providerMessage(answer), "401".equals(code));
  }

  private Map<String, String> auth() {
    return Map.of("Authorization", ProviderHttp.basic(properties.serverKey()));
  }

  private String dealPath(String orderId) {
    return "/deals/" + dealId(orderId);
  }

  private static String dealId(String orderId) {
    return id.rekber.payment.Payment.dealIdOf(orderId);
  }

  private static String paymentType(PaymentMethod method) {
    return switch (method) {
      case BCA_VA, BNI_VA, BRI_VA, PERMATA_VA -> "bank_transfer";
      case ECHANNEL -> "echannel";
      case QRIS -> "qris";
      case GOPAY -> "gopay";
      case SHOPEEPAY -> "shopeepay";
      case INVOICE -> throw new IllegalArgumentException("Midtrans Core API has no hosted invoice");
    };
  }

  private Optional<Map.Entry<String, Object>> methodObject(PaymentMethod method, String orderId) {
    String back = portalUrl + dealPath(orderId);
    return Optional.ofNullable(switch (method) {
      case BCA_VA -> Map.entry("bank_transfer", Map.of("bank", "bca"));
      case BNI_VA -> Map.entry("bank_transfer", Map.of("bank", "bni"));
      case BRI_VA -> Map.entry("bank_transfer", Map.of("bank", "bri"));
      case PERMATA_VA -> Map.entry("bank_transfer", Map.of("bank", "permata"));
      case ECHANNEL -> Map.entry("echannel", Map.of("bill_info1", "Rekber", "bill_info2", dealId(orderId)));
      case QRIS -> Map.entry("qris", Map.of("acquirer", "gopay"));
      case GOPAY -> Map.entry("gopay", Map.of("enable_callback", true, "callback_url", back));
      case SHOPEEPAY -> Map.entry("shopeepay", Map.of("callback_url", back));
      case INVOICE -> null;
    });
  }

  MidtransProperties properties() {
    return properties;
  }

  IrisPayouts iris() {
    return iris;
  }
}
