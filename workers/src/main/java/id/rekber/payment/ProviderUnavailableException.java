package id.rekber.payment;

/**
 * A technical failure talking to a provider (timeout, connection failure, 5xx, 429): the job fails
 * and is retried with back-off, then becomes an incident. {@code mayHaveReached} is false only when
 * the request provably never reached the provider (connection refused).
 */
public class ProviderUnavailableException extends RuntimeException {
  private final boolean mayHaveReached;

  public ProviderUnavailableException(String message, boolean mayHaveReached) {
    super(message);
    this.mayHaveReached = mayHaveReached;
  }

  public boolean mayHaveReached() {
    return mayHaveReached;
  }
}
