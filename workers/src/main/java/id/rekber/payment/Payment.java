package id.rekber.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The buyer's payment for a deal: one invoice, confirmed only by a verified provider callback. */
@Entity
@Table(name = "payment")
public class Payment {
  public static final String PENDING = "PENDING";
  public static final String PAID = "PAID";
  public static final String EXPIRED = "EXPIRED";

  @Id private String id;

  @Column(name = "deal_id")
  private String dealId;

  private String provider;

  /** Null for the deal's own payment; 2–10 for a later milestone's own invoice (decision 46). */
  @Column(name = "milestone_seq")
  private Short milestoneSeq;

  @Column(name = "gross_amount")
  private long grossAmount;

  private String currency;
  private String status;

  @Column(name = "va_number")
  private String vaNumber;

  @Column(name = "qris_payload")
  private String qrisPayload;

  @Column(name = "checkout_url")
  private String checkoutUrl;

  @Column(name = "expires_at")
  private Instant expiresAt;

  @Column(name = "paid_at")
  private Instant paidAt;

  @Column(name = "provider_txn_id")
  private String providerTxnId;

  @Column(name = "created_at")
  private Instant createdAt;

  private String method;

  @Column(name = "charge_transaction_id")
  private String chargeTransactionId;

  @Column(name = "biller_code")
  private String billerCode;

  @Column(name = "deeplink_url")
  private String deeplinkUrl;

  @Version private long version;

  protected Payment() {}

  Payment(String id, String dealId, String provider, long grossAmount, Instant expiresAt, Instant now) {
    this.id = id;
    this.dealId = dealId;
    this.provider = provider;
    this.grossAmount = grossAmount;
    this.currency = "IDR";
    this.status = PENDING;
    this.expiresAt = expiresAt;
    this.createdAt = now;
  }

  /** A later milestone's own invoice, from the provider that holds the deal's money. */
  static Payment forMilestone(String dealId, int seq, String provider, long grossAmount, Instant expiresAt, Instant now) {
    Payment payment = new Payment(idFor(dealId, seq), dealId, provider, grossAmount, expiresAt, now);
    payment.milestoneSeq = (short) seq;
    return payment;
  }

  /** The deal an order id belongs to: {@code PAY-<deal>} or {@code PAY-<deal>-M<n>}. */
  public static String dealIdOf(String orderId) {
    String rest = orderId.startsWith("PAY-") ? orderId.substring(4) : orderId;
    return rest.replaceFirst("-M\\d+$", "");
  }

  static String idFor(String dealId) {
    return "PAY-" + dealId;
  }

  static String idFor(String dealId, int seq) {
    return "PAY-" + dealId + "-M" + seq;
  }

  void attach(PaymentProvider.Invoice invoice) {
    this.vaNumber = invoice.vaNumber();
    this.qrisPayload = invoice.qrisPayload();
    this.checkoutUrl = invoice.checkoutUrl();
    if (invoice.method() != null) {
      this.method = invoice.method().code();
    }
    this.chargeTransactionId = invoice.chargeTransactionId();
    this.billerCode = invoice.billerCode();
    this.deeplinkUrl = invoice.deeplinkUrl();
  }

  /** The buyer picked (another) method: the old charge's instructions are gone until the new charge answers. */
  void chooseMethod(PaymentMethod chosen) {
    this.method = chosen.code();
    this.vaNumber = null;
    this.qrisPayload = null;
    this.billerCode = null;
    this.deeplinkUrl = null;
  }

  /** Money arrived. A later "expired" or "pending" from the provider never undoes this. */
  boolean markPaid(String providerTxnId, Instant now) {
    if (PAID.equals(status)) {
      return false;
    }
    this.status = PAID;
    this.paidAt = now;
    this.providerTxnId = providerTxnId;
    return true;
  }

  void markExpired() {
    if (PENDING.equals(status)) {
      status = EXPIRED;
    }
  }

  public String getId() { return id; }
  public String getDealId() { return dealId; }
  public Integer getMilestoneSeq() { return milestoneSeq == null ? null : milestoneSeq.intValue(); }
  public String getProvider() { return provider; }
  public long getGrossAmount() { return grossAmount; }
  public String getCurrency() { return currency; }
  public String getStatus() { return status; }
  public String getVaNumber() { return vaNumber; }
  public String getQrisPayload() { return qrisPayload; }
  public String getCheckoutUrl() { return checkoutUrl; }
  public Instant getExpiresAt() { return expiresAt; }
  public Instant getPaidAt() { return paidAt; }
  public Instant getCreatedAt() { return createdAt; }
  public String getMethod() { return method; }
  public String getChargeTransactionId() { return chargeTransactionId; }
  public String getBillerCode() { return billerCode; }
  public String getDeeplinkUrl() { return deeplinkUrl; }
}
