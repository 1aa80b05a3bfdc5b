package id.rekber.payment.midtrans;

import id.rekber.payment.PaymentProvider.PayoutRequestResult;
import id.rekber.payment.ProviderRefusedException;
import id.rekber.payment.http.ProviderCall;
import id.rekber.payment.http.ProviderHttp;
import id.rekber.payment.http.ProviderResponse;
import id.rekber.privacy.Masking;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Iris ("Payouts"): create with the creator key, approve with the approver key (maker and checker),
 * account validation. Iris chooses {@code reference_no}; our payout id travels in {@code notes}.
 */
class IrisPayouts {
  private static final Logger log = LoggerFactory.getLogger(IrisPayouts.class);
  private final MidtransProperties properties;
  private final ProviderHttp http;

  IrisPayouts(MidtransProperties properties, ProviderHttp http) {
    this.properties = properties;
    this.http = http;
  }

  PayoutRequestResult create(String payoutId, long amount, String bankCode, String account, String holder) {
    Map<String, Object> payout = Map.of(
        "beneficiary_name", holder, "beneficiary_account", account, "beneficiary_bank", bankCode.toLowerCase(Locale.ROOT),
        "amount", amount + ".00", "notes", payoutId);
    ProviderResponse answer = http.send(ProviderCall.post(MidtransPaymentProvider.NAME, "payout-create", properties.irisApi() + "/api/v1/payouts",
        creator(), Map.of("payouts", List.of(payout)), payoutId, payoutId, amount));
    if (!answer.ok()) {
      return new PayoutRequestResult.Refused(String.valueOf(ProviderHttp.providerMessage(answer)));
    }
    String reference = answer.body().path("payouts").path(0).path("reference_no").asText(null);
    if (reference == null) {
      return new PayoutRequestResult.Refused("Iris answered without a reference_no");
    }
    if (properties.iris().autoApprove()) {
      approve(payoutId, amount, reference);
    }
    return new PayoutRequestResult.Accepted(reference);
  }

  /**
   * A failed approval leaves the payout queued at Iris: a person approves it in the Iris dashboard.
   * It is never created again (that could pay twice).
   */
  private void approve(String payoutId, long amount, String reference) {
    try {
      ProviderResponse answer = http.send(ProviderCall.post(MidtransPaymentProvider.NAME, "payout-approve",
          properties.irisApi() + "/api/v1/payouts/approve", Map.of("Authorization", ProviderHttp.basic(properties.iris().approverKey())),
          Map.of("reference_nos", List.of(reference)), payoutId, null, amount));
      if (!answer.ok()) {
        log.error("Iris did not approve payout {} ({}): approve it in the Iris dashboard", payoutId, ProviderHttp.providerMessage(answer));
      }
    } catch (RuntimeException e) {
      log.error("Iris approval of payout {} failed ({}): approve it in the Iris dashboard", payoutId, e.toString());
    }
  }

  /** Path and fields unverified (open question 9). 404 or "not found": no such account. */
  Optional<String> accountHolder(String bankCode, String accountNumber) {
    String url = properties.irisApi() + "/api/v1/account_validation?bank=" + encode(bankCode.toLowerCase(Locale.ROOT))
        + "&account=" + encode(accountNumber);
    ProviderResponse answer = http.send(ProviderCall.get(MidtransPaymentProvider.NAME, "account-inquiry", url, creator(),
        bankCode + " " + Masking.account(accountNumber)));
    if (answer.ok()) {
      return Optional.ofNullable(answer.text("account_name"));
    }
    String message = String.valueOf(ProviderHttp.providerMessage(answer));
    if (answer.status() == 404 || message.toLowerCase(Locale.ROOT).contains("not found")) {
      return Optional.empty();
    }
    throw new ProviderRefusedException(MidtransPaymentProvider.NAME, String.valueOf(answer.status()), message, false);
  }

  ProviderResponse statements(String fromDate, String toDate) {
    return http.send(ProviderCall.get(MidtransPaymentProvider.NAME, "report",
        properties.irisApi() + "/api/v1/statements?from_date=" + fromDate + "&to_date=" + toDate, creator(), "iris:" + fromDate));
  }

  private Map<String, String> creator() {
    return Map.of("Authorization", ProviderHttp.basic(properties.iris().creatorKey()));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
