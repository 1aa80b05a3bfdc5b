package id.rekber.inbox;

import java.time.Duration;
import java.time.Instant;

/** Where a task stands against its due date, as the inbox colours it. */
public enum Sla {
  NONE, ON_TRACK, DUE_SOON, OVERDUE;

  static final Duration SOON = Duration.ofHours(24);

  public static Sla of(Instant dueAt, Instant now) {
    if (dueAt == null) {
      return NONE;
    }
    if (!now.isBefore(dueAt)) {
      return OVERDUE;
    }
    return Duration.between(now, dueAt).compareTo(SOON) <= 0 ? DUE_SOON : ON_TRACK;
  }
}
