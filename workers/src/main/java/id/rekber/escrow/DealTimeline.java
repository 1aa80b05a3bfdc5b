package id.rekber.escrow;

import id.rekber.inbox.TaskCompleted;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Puts what staff decided on a deal onto its timeline, where both parties can read it. */
@Component
class DealTimeline {
  private final DealEventRepository events;
  private final Clock clock;

  DealTimeline(DealEventRepository events, Clock clock) {
    this.events = events;
    this.clock = clock;
  }

  @EventListener
  void staffDecided(TaskCompleted task) {
    if (task.dealId() == null) {
      return;
    }
    String detail = task.taskName() + ": " + summary(task.submitted());
    events.save(new DealEvent(task.dealId(), "STAFF_DECISION", task.staffEmail(), truncate(detail), clock.instant()));
  }

  private static String summary(Map<String, Object> submitted) {
    return submitted.entrySet().stream()
        .filter(e -> e.getValue() != null && !e.getKey().equals("dealId"))
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
  }

  private static String truncate(String text) {
    return text.length() <= 500 ? text : text.substring(0, 497) + "...";
  }
}
