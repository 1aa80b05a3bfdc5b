package id.rekber.payment.http;

import java.time.Instant;

/** Where every provider call is recorded ({@code provider_call}); never with secrets or bodies. */
public interface ProviderCallLog {
  void record(Entry entry);

  record Entry(String provider, String operation, String reference, String idempotencyKey, Long amount, Integer httpStatus,
      String providerCode, String providerMessage, long durationMs, int attempt, Instant calledAt) {}
}
