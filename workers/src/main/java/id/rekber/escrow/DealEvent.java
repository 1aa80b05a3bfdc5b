package id.rekber.escrow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.springframework.data.domain.DomainEvents;

/** One line of a deal's timeline: who did what, when. */
@Entity
@Table(name = "deal_event")
public class DealEvent {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "deal_id")
  private String dealId;

  private String type;
  private String actor;
  private String detail;

  @Column(name = "occurred_at")
  private Instant occurredAt;

  protected DealEvent() {}

  public DealEvent(String dealId, String type, String actor, String detail, Instant occurredAt) {
    this.dealId = dealId;
    this.type = type;
    this.actor = actor;
    this.detail = detail;
    this.occurredAt = occurredAt;
  }

  public String getType() { return type; }
  public String getActor() { return actor; }
  public String getDetail() { return detail; }
  public Instant getOccurredAt() { return occurredAt; }

  /** Published by the repository on save, in the saving transaction (listeners: the partner webhooks). */
  @DomainEvents
  java.util.List<DealEventRecorded> recorded() {
    return java.util.List.of(new DealEventRecorded(dealId, type, occurredAt));
  }
}
