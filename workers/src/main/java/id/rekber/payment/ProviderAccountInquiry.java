package id.rekber.payment;

import id.rekber.kyc.BankAccountInquiry;
import id.rekber.platform.Refusal;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** KYC's account-holder check, answered by the configured payment provider's account inquiry. */
@Component
class ProviderAccountInquiry implements BankAccountInquiry {
  private final PaymentProviders providers;

  ProviderAccountInquiry(PaymentProviders providers) {
    this.providers = providers;
  }

  /** A provider's refusal reaches the member as a 422 with the provider's words (also in {@code provider_call}). */
  @Override
  public Optional<String> holderName(String bankCode, String accountNumber) {
    try {
      return providers.active().accountHolder(bankCode, accountNumber);
    } catch (ProviderRefusedException refused) {
      throw Refusal.invalid("payment.provider-refused", String.valueOf(refused.providerMessage()));
    }
  }
}
