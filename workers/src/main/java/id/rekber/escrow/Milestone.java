package id.rekber.escrow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One milestone of a service deal (decision 43): delivered, inspected and settled on its own. */
@Entity
@Table(name = "deal_milestone")
public class Milestone {
  public enum State {
    PENDING,
    /** Funded milestone by milestone (decision 46): its invoice is open. */
    AWAITING_PAYMENT,
    /** Its invoice's deadline passed unpaid: the deal ends here, this and later milestones are not worked on. */
    UNFUNDED,
    IN_PROGRESS,
    DELIVERED,
    DISPUTED,
    RELEASED,
    REFUNDED,
    /** Shared between buyer and seller by a mediator's decision (decision 44). */
    SPLIT
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "deal_id", nullable = false)
  private String dealId;

  @Column(nullable = false)
  private short seq;

  @Column(nullable = false)
  private String description;

  @Column(nullable = false)
  private long amount;

  @Column(name = "due_date", nullable = false)
  private LocalDate dueDate;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private State state;

  @Column(name = "delivered_at")
  private Instant deliveredAt;

  @Column(name = "inspection_ends_at")
  private Instant inspectionEndsAt;

  @Column(name = "settled_at")
  private Instant settledAt;

  @Column(name = "paid_at")
  private Instant paidAt;

  protected Milestone() {}

  Milestone(String dealId, int seq, MilestoneTerms terms) {
    this.dealId = dealId;
    this.seq = (short) seq;
    this.description = terms.description();
    this.amount = terms.amount();
    this.dueDate = terms.dueDate();
    this.state = State.PENDING;
  }

  /** Moves to {@code next} once; returns false when it is already there (a redelivered job). */
  boolean enter(State next, Instant now, Instant inspectionEndsAt) {
    if (state == next || next == State.UNFUNDED && state != State.PENDING && state != State.AWAITING_PAYMENT) {
      return false; // (a redelivered "unfunded" job leaves a milestone whose late money was refunded as it is)
    }
    state = next;
    switch (next) {
      case DELIVERED -> {
        deliveredAt = now;
        this.inspectionEndsAt = inspectionEndsAt;
      }
      case RELEASED, REFUNDED, SPLIT -> settledAt = now;
      default -> { }
    }
    return true;
  }

  /** Its own payment arrived (funded per milestone); returns false when it was already recorded. */
  boolean recordPayment(Instant now) {
    if (paidAt != null) {
      return false;
    }
    paidAt = now;
    return true;
  }

  public Instant getPaidAt() { return paidAt; }
  public String getDealId() { return dealId; }
  public int getSeq() { return seq; }
  public String getDescription() { return description; }
  public long getAmount() { return amount; }
  public LocalDate getDueDate() { return dueDate; }
  public State getState() { return state; }
  public Instant getDeliveredAt() { return deliveredAt; }
  public Instant getInspectionEndsAt() { return inspectionEndsAt; }
  public Instant getSettledAt() { return settledAt; }
}
