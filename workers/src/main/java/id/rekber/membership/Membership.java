package id.rekber.membership;

import java.time.Instant;
import java.util.UUID;

/** A member's membership row; status PENDING, ACTIVE, GRACE or ENDED. */
public record Membership(
    UUID userId,
    Plan plan,
    String status,
    Instant periodStart,
    Instant periodEnd,
    Instant graceUntil,
    boolean cancelAtPeriodEnd,
    String endReason) {
  public static final String PENDING = "PENDING";
  public static final String ACTIVE = "ACTIVE";
  public static final String GRACE = "GRACE";
  public static final String ENDED = "ENDED";

  /** Benefits apply while paid for, and in the grace period after an unpaid renewal. */
  public boolean givesBenefits() {
    return ACTIVE.equals(status) || GRACE.equals(status);
  }
}
