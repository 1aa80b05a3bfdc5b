package id.rekber.singlenode;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.time.Duration;

/** Moves the embedded engine's clock and the application clock forward together. */
public class TimeMachine {
  private final ZeebeTestEngine engine;
  private final AdjustableClock clock;

  public TimeMachine(ZeebeTestEngine engine, AdjustableClock clock) {
    this.engine = engine;
    this.clock = clock;
  }

  public synchronized void advance(Duration duration) {
    clock.advance(duration);
    engine.increaseTime(duration);
  }
}
