package id.rekber.kyc;

import java.util.Optional;

/**
 * Asks the bank (through the payment provider) whose name an account is in. KYC needs the answer;
 * the payment module provides it, so KYC does not depend on payments.
 */
public interface BankAccountInquiry {
  /** The holder's name as the bank knows it, or empty if there is no such account. */
  Optional<String> holderName(String bankCode, String accountNumber);
}
