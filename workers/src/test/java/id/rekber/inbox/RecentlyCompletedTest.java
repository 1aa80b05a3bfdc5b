package id.rekber.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The memory of just-completed tasks that hides the search index's lag is bounded in size and time. */
class RecentlyCompletedTest {
  final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T08:00:00Z"));
  final Clock clock = new Clock() {
    @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    @Override public Instant instant() { return now.get(); }
  };

  @Test
  void forgetsTasksOnceTheIndexHasLongCaughtUp() {
    RecentlyCompleted completed = new RecentlyCompleted(10, Duration.ofMinutes(10), clock);
    completed.add(1);
    now.set(now.get().plusSeconds(300));
    completed.add(2);

    assertThat(completed.contains(1)).isTrue();
    now.set(now.get().plusSeconds(301));
    assertThat(completed.contains(1)).isFalse();
    assertThat(completed.contains(2)).isTrue();
  }

  @Test
  void keepsAtMostItsCapacityDroppingTheOldest() {
    RecentlyCompleted completed = new RecentlyCompleted(2, Duration.ofMinutes(10), clock);
    completed.add(1);
    completed.add(2);
    completed.add(3);

    assertThat(completed.contains(1)).isFalse();
    assertThat(completed.contains(2)).isTrue();
    assertThat(completed.contains(3)).isTrue();
  }
}
