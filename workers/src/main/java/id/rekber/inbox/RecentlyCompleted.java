package id.rekber.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Task keys this application completed a moment ago. The cluster's search index lags behind the
 * engine, so a task just completed may still be listed as CREATED; the inbox hides those. Bounded in
 * size and time: after {@code keep} the index has long caught up.
 */
final class RecentlyCompleted {
  private final int capacity;
  private final Duration keep;
  private final Clock clock;
  private final LinkedHashMap<Long, Instant> completed = new LinkedHashMap<>();

  RecentlyCompleted(int capacity, Duration keep, Clock clock) {
    this.capacity = capacity;
    this.keep = keep;
    this.clock = clock;
  }

  synchronized void add(long taskKey) {
    completed.remove(taskKey);
    completed.put(taskKey, clock.instant());
    while (completed.size() > capacity) {
      completed.remove(completed.keySet().iterator().next());
    }
  }

  synchronized boolean contains(long taskKey) {
    expire();
    return completed.containsKey(taskKey);
  }

  private void expire() {
    Instant oldest = clock.instant().minus(keep);
    for (Iterator<Map.Entry<Long, Instant>> it = completed.entrySet().iterator(); it.hasNext(); ) {
      if (it.next().getValue().isAfter(oldest)) {
        return;
      }
      it.remove();
    }
  }
}
