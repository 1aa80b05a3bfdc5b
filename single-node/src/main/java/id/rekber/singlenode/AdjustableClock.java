package id.rekber.singlenode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The application's {@link Clock} in single-node mode: system time plus an offset that only
 * {@link TimeMachine} moves, together with the embedded engine's clock, so deadlines stored on deals
 * and timers in the engine agree when tests move time forward. The application injects it as a
 * plain {@code java.time.Clock}; without this module it gets {@code Clock.systemUTC()}.
 */
public class AdjustableClock extends Clock {
  private final AtomicLong offsetMillis = new AtomicLong();

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.offset(Clock.system(zone), Duration.ofMillis(offsetMillis.get()));
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis());
  }

  @Override
  public long millis() {
    return System.currentTimeMillis() + offsetMillis.get();
  }

  void advance(Duration duration) {
    offsetMillis.addAndGet(duration.toMillis());
  }

  /** How far this clock is ahead of system time: what a new engine's clock must be moved by. */
  Duration offset() {
    return Duration.ofMillis(offsetMillis.get());
  }
}
