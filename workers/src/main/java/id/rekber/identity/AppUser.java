package id.rekber.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** A person using Rekber. The identity provider owns credentials; we keep the profile and tier. */
@Entity
@Table(name = "app_user")
public class AppUser {
  @Id private UUID id;

  @Column(nullable = false, unique = true)
  private String email;

  @Column(name = "display_name", nullable = false)
  private String displayName;

  private String phone;

  @Column(name = "password_hash")
  private String passwordHash;

  @Column(nullable = false)
  private String roles;

  @Column(nullable = false)
  private String locale;

  @Column(name = "kyc_tier", nullable = false)
  private short kycTier;

  @Column(name = "bank_code")
  private String bankCode;

  @Column(name = "bank_account_number")
  private String bankAccountNumber;

  @Column(name = "bank_account_name")
  private String bankAccountName;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected AppUser() {}

  public UUID getId() {
    return id;
  }

  public String getEmail() {
    return email;
  }

  public String getDisplayName() {
    return displayName;
  }

  public String getPhone() {
    return phone;
  }

  public String getPasswordHash() {
    return passwordHash;
  }

  public List<String> getRoles() {
    return Arrays.stream(roles.split(",")).map(String::trim).filter(r -> !r.isEmpty()).toList();
  }

  public Locale getLocale() {
    return Locale.forLanguageTag(locale);
  }

  public int getKycTier() {
    return kycTier;
  }

  public boolean hasPayoutAccount() {
    return bankAccountNumber != null && !bankAccountNumber.isBlank();
  }

  public String getBankCode() {
    return bankCode;
  }

  public String getBankAccountNumber() {
    return bankAccountNumber;
  }

  public String getBankAccountName() {
    return bankAccountName;
  }

  public void changePayoutAccount(String bankCode, String accountNumber, String accountName) {
    this.bankCode = bankCode;
    this.bankAccountNumber = accountNumber;
    this.bankAccountName = accountName;
  }

  public void changeLocale(Locale locale) {
    this.locale = locale.getLanguage();
  }
}
