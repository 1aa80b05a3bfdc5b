package id.rekber.identity;

import id.rekber.privacy.EncryptedText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
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

  @Column(name = "phone_verified_at")
  private Instant phoneVerifiedAt;

  @Column(name = "idp_subject", unique = true)
  private String idpSubject;

  @Column(nullable = false)
  private String roles;

  @Column(nullable = false)
  private String locale;

  @Column(name = "kyc_tier", nullable = false)
  private short kycTier;

  @Column(name = "bank_code")
  private String bankCode;

  // Personal data: encrypted at rest, shown masked (docs/personal-data.md).
  @Column(name = "bank_account_number")
  @jakarta.persistence.Convert(converter = id.rekber.privacy.EncryptedText.class)
  private String bankAccountNumber;

  @Column(name = "bank_account_name")
  private String bankAccountName;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected AppUser() {}

  /** A member signing in for the first time: Keycloak knows them, we create their profile. */
  AppUser(String subject, String email, String displayName, Locale locale, java.time.Instant now) {
    this.id = UUID.randomUUID();
    this.idpSubject = subject;
    this.email = email.toLowerCase(Locale.ROOT);
    this.displayName = displayName;
    this.roles = "member";
    this.locale = locale.getLanguage();
    this.kycTier = 0;
    this.createdAt = now;
  }

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

  public String getIdpSubject() {
    return idpSubject;
  }

  /** Links this profile to its identity in Keycloak (first login of a seeded or invited user). */
  void linkIdentity(String subject) {
    this.idpSubject = subject;
  }

  public Locale getLocale() {
    return Locale.forLanguageTag(locale);
  }

  /** When the member first signed in: "member since" on their public profile. */
  public Instant getCreatedAt() {
    return createdAt;
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

  /** KYC approval (tier 1) or a downgrade; applies at once. */
  public void changeKycTier(int tier) {
    this.kycTier = (short) tier;
  }

  public void changePayoutAccount(String bankCode, String accountNumber, String accountName) {
    this.bankCode = bankCode;
    this.bankAccountNumber = accountNumber;
    this.bankAccountName = accountName;
  }

  public void changeLocale(Locale language) {
    this.locale = language.getLanguage();
  }

  /** A different number is not verified yet (decision 42). */
  public void changePhone(String normalizedPhone) {
    if (!java.util.Objects.equals(phone, normalizedPhone)) {
      this.phoneVerifiedAt = null;
    }
    this.phone = normalizedPhone;
  }

  /** The member proved, by a one-time code, that they receive messages at their phone number. */
  public boolean hasVerifiedPhone() {
    return phone != null && phoneVerifiedAt != null;
  }

  public Instant getPhoneVerifiedAt() {
    return phoneVerifiedAt;
  }

  void markPhoneVerified(Instant at) {
    this.phoneVerifiedAt = at;
  }
}
