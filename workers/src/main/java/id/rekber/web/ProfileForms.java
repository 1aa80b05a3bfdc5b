package id.rekber.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The profile page's forms, with the same rules and messages as the API. */
final class ProfileForms {
  private ProfileForms() {}

  public static class PayoutAccount {
    @NotBlank(message = "{payout.bankCode.required}")
    @Pattern(regexp = "\\s*[A-Za-z]{2,20}\\s*", message = "{payout.bankCode.pattern}")
    private String bankCode;

    @NotBlank(message = "{payout.accountNumber.required}")
    @Pattern(regexp = "\\s*\\d{6,20}\\s*", message = "{payout.accountNumber.pattern}")
    private String accountNumber;

    @NotBlank(message = "{payout.accountName.required}")
    @Size(max = 100, message = "{payout.accountName.size}")
    private String accountName;

    public String getBankCode() { return bankCode; }
    public void setBankCode(String bankCode) { this.bankCode = bankCode; }
    public String getAccountNumber() { return accountNumber; }
    public void setAccountNumber(String accountNumber) { this.accountNumber = accountNumber; }
    public String getAccountName() { return accountName; }
    public void setAccountName(String accountName) { this.accountName = accountName; }
  }

  public static class Phone {
    @Size(max = 30, message = "{profile.phone.invalid}")
    private String phone;

    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
  }
}
