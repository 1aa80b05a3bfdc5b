package id.rekber.platform;

import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The one clock the application reads; code injects {@code java.time.Clock}. System time in UTC,
 * unless another configuration provides a {@code Clock}: in single-node mode the single-node module
 * supplies an adjustable one that moves with the embedded engine's clock (its {@code TimeMachine}).
 * An auto-configuration (so it is evaluated after the single-node one), never component-scanned.
 */
@AutoConfiguration(afterName = "id.rekber.singlenode.SingleNodeConfiguration")
public class ClockConfiguration {
  @Bean
  @ConditionalOnMissingBean(Clock.class)
  Clock clock() {
    return Clock.systemUTC();
  }
}
