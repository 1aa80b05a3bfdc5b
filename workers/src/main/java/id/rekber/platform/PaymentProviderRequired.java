package id.rekber.platform;

/**
 * Start-up refusal: {@code rekber.payment.provider} names no provider this build has. Single-node
 * mode defaults to the sandbox; cluster mode must choose, so that a deployment never runs without
 * a provider (or with the sandbox by accident).
 */
public class PaymentProviderRequired extends IllegalStateException {
  PaymentProviderRequired(String message) {
    super(message);
  }
}
