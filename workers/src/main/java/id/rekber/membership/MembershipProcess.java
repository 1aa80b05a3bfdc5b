package id.rekber.membership;

import id.rekber.platform.ModelReference;
import id.rekber.platform.ModelReference.Kind;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** Names in processes/membership.bpmn, and the timer dates the process waits for. */
final class MembershipProcess {
  @ModelReference(Kind.PROCESS)
  static final String PROCESS_ID = "membership";

  @ModelReference(Kind.MESSAGE)
  static final String PAID = "membership-paid";

  static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

  private MembershipProcess() {}

  /** The end of a period that starts at {@code start}: the same day of the month, months later (Jakarta calendar). */
  static Instant periodEnd(Instant start, int months) {
    return start.atZone(JAKARTA).plusMonths(months).toInstant();
  }

  /** What the period loop waits for: the reminder (with the renewal invoice), the period's end, the grace's end. */
  static Map<String, Object> timers(Instant periodEnd, MembershipProperties properties) {
    return Map.of(
        "reminderAt", timerDate(periodEnd.minus(properties.reminderBefore())),
        "periodEnd", timerDate(periodEnd),
        "graceUntil", timerDate(periodEnd.plus(properties.grace())));
  }

  static String timerDate(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
