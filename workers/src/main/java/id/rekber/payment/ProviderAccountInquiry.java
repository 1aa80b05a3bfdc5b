package id.rekber.payment;

import id.rekber.kyc.BankAccountInquiry;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** KYC's account-holder check, answered by the configured payment provider's account inquiry. */
@Component
class ProviderAccountInquiry implements BankAccountInquiry {
  private final PaymentProvider provider;

  ProviderAccountInquiry(PaymentProvider provider) {
    this.provider = provider;
  }

  @Override
  public Optional<String> holderName(String bankCode, String accountNumber) {
    return provider.accountHolder(bankCode, accountNumber);
  }
}
