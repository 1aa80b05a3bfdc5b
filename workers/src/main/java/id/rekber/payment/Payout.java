package id.rekber.payment;

import id.rekber.privacy.EncryptedText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** One attempt to pay money out of Rekber to a seller (release) or a buyer (refund). */
@Entity
@Table(name = "payout")
public class Payout {
  public static final String REQUESTED = "REQUESTED";
  public static final String COMPLETED = "COMPLETED";
  public static final String FAILED = "FAILED";

  @Id private String id;

  @Column(name = "deal_id")
  private String dealId;

  private String purpose;
  private int attempt;

  @Column(name = "payee_id")
  private UUID payeeId;

  private long amount;
  @jakarta.persistence.Convert(converter = id.rekber.privacy.EncryptedText.class)
  private String destination;
  private String status;

  @Column(name = "failure_reason")
  private String failureReason;

  @Column(name = "provider_txn_id")
  private String providerTxnId;

  @Column(name = "requested_at")
  private Instant requestedAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  private String provider;

  @Column(name = "provider_reference")
  private String providerReference;

  @Column(name = "provider_status")
  private String providerStatus;

  /** The milestone of a service deal this payout settles; null for a whole deal (decision 45). */
  @Column(name = "milestone_seq")
  private Short milestoneSeq;

  @Version private long version;

  protected Payout() {}

  Payout(String dealId, PayoutPurpose purpose, int attempt, UUID payeeId, long amount, String destination, String provider, Instant now) {
    this(dealId, purpose, null, attempt, payeeId, amount, destination, provider, now);
  }

  Payout(String dealId, PayoutPurpose purpose, Integer milestone, int attempt, UUID payeeId, long amount, String destination,
      String provider, Instant now) {
    this.provider = provider;
    this.id = "PO-" + dealId + "-" + purpose.name() + (milestone == null ? "" : "-M" + milestone) + "-" + attempt;
    this.milestoneSeq = milestone == null ? null : milestone.shortValue();
    this.dealId = dealId;
    this.purpose = purpose.name();
    this.attempt = attempt;
    this.payeeId = payeeId;
    this.amount = amount;
    this.destination = destination;
    this.status = REQUESTED;
    this.requestedAt = now;
  }

  /** True if this call changed the payout; a result for a finished payout is ignored. */
  boolean complete(String providerTxnId, Instant now) {
    if (!REQUESTED.equals(status)) {
      return false;
    }
    this.status = COMPLETED;
    this.providerTxnId = providerTxnId;
    this.finishedAt = now;
    return true;
  }

  boolean fail(String reason, Instant now) {
    if (!REQUESTED.equals(status)) {
      return false;
    }
    this.status = FAILED;
    this.failureReason = reason;
    this.finishedAt = now;
    return true;
  }

  /** Set just before a create that must not be repeated blind (no idempotency at the provider). */
  static final String SENDING = "SENDING";

  void markSending() {
    this.providerStatus = SENDING;
  }

  void accepted(String reference, String status) {
    this.providerReference = reference;
    this.providerStatus = status;
  }

  void noteProviderStatus(String status) {
    this.providerStatus = status;
  }

  public String getId() { return id; }
  public String getProvider() { return provider; }
  public String getProviderReference() { return providerReference; }
  public String getProviderStatus() { return providerStatus; }
  public String getDealId() { return dealId; }
  public PayoutPurpose getPurpose() { return PayoutPurpose.valueOf(purpose); }
  public Integer getMilestone() { return milestoneSeq == null ? null : milestoneSeq.intValue(); }
  public int getAttempt() { return attempt; }
  public UUID getPayeeId() { return payeeId; }
  public long getAmount() { return amount; }
  public String getDestination() { return destination; }
  public String getStatus() { return status; }
  public String getFailureReason() { return failureReason; }
  public Instant getRequestedAt() { return requestedAt; }
  public Instant getFinishedAt() { return finishedAt; }
}
