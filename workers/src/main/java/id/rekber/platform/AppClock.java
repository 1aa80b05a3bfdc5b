package id.rekber.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one clock the application reads. In single-node mode it moves together with the embedded
 * engine's clock (see {@link TimeMachine}), so deadlines stored on deals and timers in the engine
 * agree when tests move time forward.
 */
public class AppClock extends Clock {
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
}
