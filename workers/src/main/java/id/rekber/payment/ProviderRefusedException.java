package id.rekber.payment;

/**
 * The provider refused a request (a 4xx other than 401/403): a business outcome, never retried.
 * {@code configuration} marks 401/403 (bad key, IP not allowed): retrying cannot help either, and an
 * operator must fix the keys.
 */
public class ProviderRefusedException extends RuntimeException {
  private final String provider;
  private final String providerCode;
  private final String providerMessage;
  private final boolean configuration;

  public ProviderRefusedException(String provider, String providerCode, String providerMessage, boolean configuration) {
    super(provider + " refused (" + providerCode + "): " + providerMessage
        + (configuration ? " - check the REKBER_PAYMENT_" + provider.toUpperCase() + "_… keys and the provider's IP allow-list" : ""));
    this.provider = provider;
    this.providerCode = providerCode;
    this.providerMessage = providerMessage;
    this.configuration = configuration;
  }

  public String provider() { return provider; }
  public String providerCode() { return providerCode; }
  public String providerMessage() { return providerMessage; }
  public boolean configuration() { return configuration; }
}
