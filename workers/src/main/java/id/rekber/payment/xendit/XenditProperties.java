package id.rekber.payment.xendit;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rekber.payment.xendit.*}. Keys only from the environment (REKBER_PAYMENT_XENDIT_…). One API
 * base for test and live: the key decides the mode.
 *
 * @param expectLive true refuses a test key ({@code xnd_development_}), false refuses a live one
 */
@ConfigurationProperties("rekber.payment.xendit")
public record XenditProperties(
    String secretKey,
    String callbackToken,
    @DefaultValue("false") boolean expectLive,
    @DefaultValue({"BCA", "BNI", "BRI", "MANDIRI", "PERMATA", "QRIS", "OVO", "DANA", "SHOPEEPAY", "LINKAJA"}) List<String> paymentMethods,
    @DefaultValue("https://api.xendit.co") String apiUrl) {

  public String api() {
    return apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
  }

  public void validate() {
    if (secretKey == null || secretKey.isBlank()) {
      throw new IllegalStateException("Xendit is configured without REKBER_PAYMENT_XENDIT_SECRET_KEY");
    }
    if (callbackToken == null || callbackToken.isBlank()) {
      throw new IllegalStateException("Xendit is configured without REKBER_PAYMENT_XENDIT_CALLBACK_TOKEN");
    }
    if (expectLive == secretKey.startsWith("xnd_development_")) {
      throw new IllegalStateException("the Xendit secret key does not fit rekber.payment.xendit.expect-live=" + expectLive
          + " (test keys start with xnd_development_)");
    }
  }
}
