package id.rekber.escrow;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/** The few process variables a deal's instance carries: its id and its deadlines. */
final class DealVariables {
  private DealVariables() {}

  static Map<String, Object> of(Deal deal) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("dealId", deal.getId());
    put(variables, "acceptDeadline", deal.getAcceptDeadline());
    put(variables, "paymentDeadline", deal.getPaymentDeadline());
    put(variables, "shipDeadline", deal.getShipDeadline());
    put(variables, "deliveryFallbackAt", deal.getDeliveryFallbackAt());
    put(variables, "inspectionDeadline", deal.getInspectionDeadline());
    if (deal.isServiceDeal()) {
      // The lifecycle's multi-instance call of "milestone" runs once per number (decision 43).
      variables.put("serviceDeal", true);
      variables.put("milestones", java.util.stream.IntStream.rangeClosed(1, deal.getMilestoneCount()).boxed().toList());
      variables.put("milestoneFunding", deal.getMilestoneFunding().name());
    }
    return variables;
  }

  /**
   * Timers read ISO-8601 instants in whole seconds; rounding up keeps a timer from firing before
   * the deadline the user was shown.
   */
  static String timerDate(Instant instant) {
    Instant seconds = instant.truncatedTo(ChronoUnit.SECONDS);
    return (seconds.equals(instant) ? seconds : seconds.plusSeconds(1)).toString();
  }

  private static void put(Map<String, Object> variables, String name, Instant value) {
    if (value != null) {
      variables.put(name, timerDate(value));
    }
  }
}
