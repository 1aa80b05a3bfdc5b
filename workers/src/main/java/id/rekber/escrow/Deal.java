package id.rekber.escrow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A deal between a buyer and a seller. Every wait state has its status and absolute deadline
 * persisted here, so orchestration can be rebuilt from this row alone.
 */
@Entity
@Table(name = "deal")
public class Deal {
  @Id private String id;

  @Column(name = "item_name", nullable = false)
  private String itemName;

  @Column(name = "item_description")
  private String itemDescription;

  private long price;

  @Column(name = "shipping_cost")
  private long shippingCost;

  private long fee;

  @Column(name = "buyer_fee")
  private long buyerFee;

  @Column(name = "seller_fee")
  private long sellerFee;

  @Enumerated(EnumType.STRING)
  @Column(name = "fee_payer")
  private FeePayer feePayer;

  @Enumerated(EnumType.STRING)
  @Column(name = "initiator_role")
  private PartyRole initiatorRole;

  @Column(name = "buyer_id")
  private UUID buyerId;

  @Column(name = "seller_id")
  private UUID sellerId;

  @Column(name = "counterparty_email", nullable = false)
  private String counterpartyEmail;

  @Enumerated(EnumType.STRING)
  private DealStatus status;

  @Column(name = "status_reason")
  private String statusReason;

  @Column(name = "ship_within_days")
  private short shipWithinDays;

  @Column(name = "inspection_days")
  private short inspectionDays;

  @Column(name = "accept_deadline")
  private Instant acceptDeadline;

  @Column(name = "payment_deadline")
  private Instant paymentDeadline;

  @Column(name = "ship_deadline")
  private Instant shipDeadline;

  @Column(name = "delivery_fallback_at")
  private Instant deliveryFallbackAt;

  @Column(name = "inspection_deadline")
  private Instant inspectionDeadline;

  @Column(name = "paid_at")
  private Instant paidAt;

  @Column(name = "shipped_at")
  private Instant shippedAt;

  @Column(name = "delivered_at")
  private Instant deliveredAt;

  @Column(name = "completed_at")
  private Instant completedAt;

  private String courier;

  @Column(name = "tracking_number")
  private String trackingNumber;

  @Column(name = "buyer_cancel_requested")
  private boolean buyerCancelRequested;

  @Column(name = "seller_cancel_requested")
  private boolean sellerCancelRequested;

  // Written only by EscrowOrchestration (JDBC) when the relay or the recovery starts an instance.
  @Column(name = "process_instance_key", insertable = false, updatable = false)
  private Long processInstanceKey;

  /** The buyer's verdict on the goods: the first of accept, dispute or silence wins (docs/decisions.md). */
  @Column(name = "buyer_verdict")
  @Enumerated(EnumType.STRING)
  private BuyerVerdict buyerVerdict;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "updated_at")
  private Instant updatedAt;

  /** 0 for goods; 1–10 for a service deal paid by milestone (decision 43). */
  @Column(name = "milestone_count")
  private short milestoneCount;

  @Enumerated(EnumType.STRING)
  @Column(name = "milestone_funding")
  private MilestoneFunding milestoneFunding = MilestoneFunding.UP_FRONT;

  @Version private long version;

  protected Deal() {}

  Deal(String id, DealTerms terms, FeeQuote fee, UUID initiatorId, PartyRole initiatorRole, Instant now, Instant acceptDeadline) {
    this.id = id;
    this.itemName = terms.itemName();
    this.itemDescription = terms.itemDescription();
    this.price = terms.price();
    this.shippingCost = terms.shippingCost();
    this.shipWithinDays = (short) terms.shipWithinDays();
    this.inspectionDays = (short) terms.inspectionDays();
    this.feePayer = terms.feePayer();
    this.counterpartyEmail = terms.counterpartyEmail().trim().toLowerCase();
    this.fee = fee.fee();
    this.buyerFee = fee.buyerFee();
    this.sellerFee = fee.sellerFee();
    this.initiatorRole = initiatorRole;
    if (initiatorRole == PartyRole.BUYER) {
      this.buyerId = initiatorId;
    } else {
      this.sellerId = initiatorId;
    }
    this.status = DealStatus.MENUNGGU_PERSETUJUAN;
    this.createdAt = now;
    this.updatedAt = now;
    this.acceptDeadline = acceptDeadline;
    this.milestoneCount = (short) terms.milestones().size();
    this.milestoneFunding = terms.milestoneFunding();
  }

  public MilestoneFunding getMilestoneFunding() {
    return milestoneFunding;
  }

  /** A service deal whose later milestones each have their own invoice (decision 46). */
  public boolean isFundedPerMilestone() {
    return milestoneFunding == MilestoneFunding.PER_MILESTONE;
  }

  public int getMilestoneCount() {
    return milestoneCount;
  }

  public boolean isServiceDeal() {
    return milestoneCount > 0;
  }

  /** What the buyer pays in: price, shipping and the buyer's part of the fee. */
  public long grossAmount() {
    return price + shippingCost + buyerFee;
  }

  /** What the seller receives on release: price and shipping less the seller's part of the fee. */
  public long sellerProceeds() {
    return price + shippingCost - sellerFee;
  }

  public Optional<PartyRole> roleOf(UUID userId) {
    if (userId.equals(buyerId)) {
      return Optional.of(PartyRole.BUYER);
    }
    if (userId.equals(sellerId)) {
      return Optional.of(PartyRole.SELLER);
    }
    return Optional.empty();
  }

  public UUID partyId(PartyRole role) {
    return role == PartyRole.BUYER ? buyerId : sellerId;
  }

  void joinAsCounterparty(UUID userId) {
    if (initiatorRole == PartyRole.BUYER) {
      sellerId = userId;
    } else {
      buyerId = userId;
    }
  }

  void moveTo(DealStatus newStatus, String reason, Instant now) {
    this.status = newStatus;
    this.statusReason = reason;
    this.updatedAt = now;
  }

  void requestCancellation(PartyRole role) {
    if (role == PartyRole.BUYER) {
      buyerCancelRequested = true;
    } else {
      sellerCancelRequested = true;
    }
  }

  boolean bothRequestedCancellation() {
    return buyerCancelRequested && sellerCancelRequested;
  }

  void recordPaymentDeadline(Instant deadline) {
    this.paymentDeadline = deadline;
  }

  void recordFundsHeld(Instant now) {
    if (shipDeadline == null) {
      shipDeadline = now.plus(java.time.Duration.ofDays(shipWithinDays));
    }
  }

  void recordShipment(String courier, String trackingNumber, Instant now, java.time.Duration deliveryFallback) {
    if (shippedAt == null) {
      this.courier = courier;
      this.trackingNumber = trackingNumber;
      this.shippedAt = now;
      this.deliveryFallbackAt = now.plus(deliveryFallback);
    }
  }

  void recordDelivery(Instant now) {
    if (deliveredAt == null) {
      deliveredAt = now;
      inspectionDeadline = now.plus(java.time.Duration.ofDays(inspectionDays));
    }
  }

  void recordCompletion(Instant now) {
    if (completedAt == null) {
      completedAt = now;
    }
  }

  public void recordPayment(Instant now) {
    if (paidAt == null) {
      paidAt = now;
    }
  }

  /**
   * Records the buyer's verdict unless one is already recorded; returns the verdict that stands.
   * Called under the deal's row lock, so accepting, disputing and the end of inspection cannot
   * both win.
   */
  public BuyerVerdict recordVerdict(BuyerVerdict verdict) {
    if (buyerVerdict == null) {
      buyerVerdict = verdict;
    }
    return buyerVerdict;
  }

  public String getId() { return id; }
  public String getItemName() { return itemName; }
  public String getItemDescription() { return itemDescription; }
  public long getPrice() { return price; }
  public long getShippingCost() { return shippingCost; }
  public long getFee() { return fee; }
  public long getBuyerFee() { return buyerFee; }
  public long getSellerFee() { return sellerFee; }
  public FeePayer getFeePayer() { return feePayer; }
  public PartyRole getInitiatorRole() { return initiatorRole; }
  public UUID getBuyerId() { return buyerId; }
  public UUID getSellerId() { return sellerId; }
  public String getCounterpartyEmail() { return counterpartyEmail; }
  public DealStatus getStatus() { return status; }
  public String getStatusReason() { return statusReason; }
  public int getShipWithinDays() { return shipWithinDays; }
  public int getInspectionDays() { return inspectionDays; }
  public Instant getAcceptDeadline() { return acceptDeadline; }
  public Instant getPaymentDeadline() { return paymentDeadline; }
  public Instant getShipDeadline() { return shipDeadline; }
  public Instant getDeliveryFallbackAt() { return deliveryFallbackAt; }
  public Instant getInspectionDeadline() { return inspectionDeadline; }
  public Instant getPaidAt() { return paidAt; }
  public Instant getShippedAt() { return shippedAt; }
  public Instant getDeliveredAt() { return deliveredAt; }
  public Instant getCompletedAt() { return completedAt; }
  public String getCourier() { return courier; }
  public String getTrackingNumber() { return trackingNumber; }
  public boolean isBuyerCancelRequested() { return buyerCancelRequested; }
  public boolean isSellerCancelRequested() { return sellerCancelRequested; }
  public Long getProcessInstanceKey() { return processInstanceKey; }
  public BuyerVerdict getBuyerVerdict() { return buyerVerdict; }
  public Instant getCreatedAt() { return createdAt; }
  public Instant getUpdatedAt() { return updatedAt; }
}
