package id.rekber.singlenode;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.time.Duration;

/**
 * Moves the embedded engine's clock and the application clock forward together. Both move under the
 * engine's lock, so an engine replacement ({@link EmbeddedEngine#replace()}, which re-applies the
 * clock's offset to the new engine) sees either both moved or neither.
 */
public class TimeMachine {
  private final ZeebeTestEngine engine;
  private final AdjustableClock clock;

  public TimeMachine(ZeebeTestEngine engine, AdjustableClock clock) {
    this.engine = engine;
    this.clock = clock;
  }

  public void advance(Duration duration) {
    synchronized (engine) {
      clock.advance(duration);
      engine.increaseTime(duration);
    }
  }
}
