package id.rekber.payment.http;

import java.util.Map;

/**
 * One outbound call to a provider. {@code reference} is our id (PAY-…, PO-…), {@code idempotencyKey}
 * what we sent as the provider's idempotency key (a header or a body field), {@code amount} whole rupiah
 * or null. {@code headers} may carry secrets: they are sent, never logged or stored.
 *
 * @param read a read-only call: one immediate retry after a technical failure
 */
public record ProviderCall(String provider, String operation, String method, String url, Map<String, String> headers,
    Object body, String reference, String idempotencyKey, Long amount, boolean read) {

  public static ProviderCall get(String provider, String operation, String url, Map<String, String> headers, String reference) {
    return new ProviderCall(provider, operation, "GET", url, headers, null, reference, null, null, true);
  }

  public static ProviderCall post(String provider, String operation, String url, Map<String, String> headers, Object body,
      String reference, String idempotencyKey, Long amount) {
    return new ProviderCall(provider, operation, "POST", url, headers, body, reference, idempotencyKey, amount, false);
  }
}
