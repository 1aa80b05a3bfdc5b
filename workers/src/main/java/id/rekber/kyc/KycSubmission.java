package id.rekber.kyc;

import id.rekber.privacy.Masking;
import id.rekber.privacy.PersonalDataCipher;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * What a member submitted for KYC. NIK, birth date and bank account number are stored only as
 * ciphertext ({@link PersonalDataCipher}) plus a masked copy for display and a blind index for
 * look-ups.
 */
@Entity
@org.hibernate.annotations.DynamicUpdate
@Table(name = "kyc_submission")
public class KycSubmission {
  @Id private UUID id;

  @Column(name = "user_id")
  private UUID userId;

  @Enumerated(EnumType.STRING)
  private KycStatus status;

  @Column(name = "full_name")
  private String fullName;

  @Enumerated(EnumType.STRING)
  private Gender gender;

  @Column(name = "birth_date_enc")
  private byte[] birthDateEnc;

  @Column(name = "nik_enc")
  private byte[] nikEnc;

  @Column(name = "nik_index")
  private String nikIndex;

  @Column(name = "nik_masked")
  private String nikMasked;

  private String phone;

  @Column(name = "phone_index")
  private String phoneIndex;

  @Column(name = "bank_code")
  private String bankCode;

  @Column(name = "bank_account_enc")
  private byte[] bankAccountEnc;

  @Column(name = "bank_account_index")
  private String bankAccountIndex;

  @Column(name = "bank_account_masked")
  private String bankAccountMasked;

  @Column(name = "check_results")
  private String checkResults;

  @Column(name = "risk_decision")
  private String riskDecision;

  @Column(name = "risk_reasons")
  private String riskReasons;

  @Column(name = "decision_note")
  private String decisionNote;

  @Column(name = "decided_by")
  private String decidedBy;

  // Written only by KycService / KycRecovery (JDBC) when an instance is started.
  @Column(name = "process_instance_key", insertable = false, updatable = false)
  private Long processInstanceKey;

  @Column(name = "submitted_at")
  private Instant submittedAt;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "resubmit_by")
  private Instant resubmitBy;

  @Column(name = "purged_at")
  private Instant purgedAt;

  @Version private long version;

  protected KycSubmission() {}

  KycSubmission(UUID userId, Instant now) {
    this.id = UUID.randomUUID();
    this.userId = userId;
    this.status = KycStatus.CHECKING;
    this.submittedAt = now;
  }

  /** A first submission or a resubmission: replaces the data and starts the checks again. */
  void fill(KycForm form, PersonalDataCipher cipher, Instant now) {
    this.fullName = form.fullName();
    this.gender = form.gender();
    this.birthDateEnc = cipher.encryptString(form.birthDate().toString());
    this.nikEnc = cipher.encryptString(form.nik());
    this.nikIndex = cipher.blindIndex("NIK:" + form.nik());
    this.nikMasked = Masking.nik(form.nik());
    this.phone = form.phone();
    this.phoneIndex = form.phone() == null ? null : cipher.blindIndex("PHONE:" + form.phone());
    this.bankCode = form.bankCode();
    this.bankAccountEnc = cipher.encryptString(form.bankAccountNumber());
    this.bankAccountIndex = cipher.blindIndex(Blocklist.bankKey(form.bankCode(), form.bankAccountNumber()));
    this.bankAccountMasked = Masking.account(form.bankAccountNumber());
    this.status = KycStatus.CHECKING;
    this.submittedAt = now;
    this.checkResults = null;
    this.riskDecision = null;
    this.riskReasons = null;
    this.resubmitBy = null;
  }

  void recordChecks(String json) { this.checkResults = json; }

  void recordRisk(String decision, String reasons) {
    this.riskDecision = decision;
    this.riskReasons = reasons;
  }

  void inReview() { this.status = KycStatus.IN_REVIEW; }

  void decide(KycStatus outcome, String note, String by, Instant at) {
    this.status = outcome;
    this.decisionNote = note;
    if (by != null) {
      this.decidedBy = by; // an officer's name is recorded when they complete the task
    }
    this.decidedAt = at;
  }

  void requestResubmission(String note, String by, Instant at, Instant until) {
    decide(KycStatus.RESUBMISSION_REQUESTED, note, by, at);
    this.resubmitBy = until;
  }


  /** Retention over: personal data and documents go, the decision record stays. */
  void purge(Instant at) {
    this.birthDateEnc = null;
    this.nikEnc = null;
    this.bankAccountEnc = null;
    this.phone = null;
    this.purgedAt = at;
  }

  public UUID getId() { return id; }
  public UUID getUserId() { return userId; }
  public KycStatus getStatus() { return status; }
  public String getFullName() { return fullName; }
  public Gender getGender() { return gender; }
  byte[] getBirthDateEnc() { return birthDateEnc; }
  byte[] getNikEnc() { return nikEnc; }
  public String getNikIndex() { return nikIndex; }
  public String getNikMasked() { return nikMasked; }
  public String getPhone() { return phone; }
  public String getPhoneIndex() { return phoneIndex; }
  public String getBankCode() { return bankCode; }
  byte[] getBankAccountEnc() { return bankAccountEnc; }
  public String getBankAccountIndex() { return bankAccountIndex; }
  public String getBankAccountMasked() { return bankAccountMasked; }
  public String getCheckResults() { return checkResults; }
  public String getRiskDecision() { return riskDecision; }
  public String getRiskReasons() { return riskReasons; }
  public String getDecisionNote() { return decisionNote; }
  public String getDecidedBy() { return decidedBy; }
  public Long getProcessInstanceKey() { return processInstanceKey; }
  public Instant getSubmittedAt() { return submittedAt; }
  public Instant getDecidedAt() { return decidedAt; }
  public Instant getResubmitBy() { return resubmitBy; }
  public Instant getPurgedAt() { return purgedAt; }
}
