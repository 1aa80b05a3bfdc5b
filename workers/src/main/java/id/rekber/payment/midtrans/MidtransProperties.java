package id.rekber.payment.midtrans;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rekber.payment.midtrans.*}. Keys come only from the environment (REKBER_PAYMENT_MIDTRANS_…);
 * the base URLs follow {@code environment} and are overridden only by tests (WireMock).
 *
 * @param environment {@code sandbox} or {@code production}
 * @param walletChargeValidity cap for QRIS, GoPay and ShopeePay charges (their maximum is unverified)
 */
@ConfigurationProperties("rekber.payment.midtrans")
public record MidtransProperties(
    String environment,
    String serverKey,
    String coreApiUrl,
    String irisUrl,
    @DefaultValue Iris iris,
    @DefaultValue({"bca_va", "bni_va", "bri_va", "permata_va", "echannel", "qris", "gopay", "shopeepay"}) List<String> methods,
    @DefaultValue("PT15M") Duration walletChargeValidity) {

  /**
   * @param creatorKey creates payouts, validates accounts, reads history
   * @param approverKey approves payouts (only with auto-approve)
   * @param merchantKey checks the Iris-Signature of payout notifications
   */
  public record Iris(String creatorKey, String approverKey, String merchantKey, @DefaultValue("false") boolean autoApprove) {}

  public boolean production() {
    return "production".equals(environment);
  }

  public String coreApi() {
    return present(coreApiUrl) ? strip(coreApiUrl) : production() ? "https://api.midtrans.com" : "https://api.sandbox.midtrans.com";
  }

  public String irisApi() {
    return present(irisUrl) ? strip(irisUrl) : production() ? "https://app.midtrans.com/iris" : "https://app.sandbox.midtrans.com/iris";
  }

  /** Start-up refusal: missing keys, an unknown environment, a key whose prefix contradicts it. */
  public void validate() {
    if (!"sandbox".equals(environment) && !"production".equals(environment)) {
      throw new IllegalStateException("rekber.payment.midtrans.environment (REKBER_PAYMENT_MIDTRANS_ENVIRONMENT) must be sandbox or production");
    }
    require(serverKey, "REKBER_PAYMENT_MIDTRANS_SERVER_KEY");
    require(iris.creatorKey(), "REKBER_PAYMENT_MIDTRANS_IRIS_CREATOR_KEY");
    require(iris.merchantKey(), "REKBER_PAYMENT_MIDTRANS_IRIS_MERCHANT_KEY");
    if (iris.autoApprove()) {
      require(iris.approverKey(), "REKBER_PAYMENT_MIDTRANS_IRIS_APPROVER_KEY");
    }
    if (production() == serverKey.startsWith("SB-")) {
      throw new IllegalStateException("the Midtrans server key does not fit environment " + environment
          + " (sandbox keys start with SB-, production keys do not)");
    }
  }

  private static void require(String value, String variable) {
    if (!present(value)) {
      throw new IllegalStateException("Midtrans is configured without " + variable);
    }
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  private static String strip(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
