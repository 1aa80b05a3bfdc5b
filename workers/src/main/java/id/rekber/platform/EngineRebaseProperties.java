package id.rekber.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * When the embedded engine is replaced by a fresh one (single-node mode, {@link EngineRebase}).
 *
 * @param enabled whether the log size is checked at all (a rebase can still be asked for)
 * @param maxLogEntries replace the engine once its log has more entries (batches of records) than this
 * @param maxLogSize or once its entries hold more bytes than this
 * @param checkInterval how often the log size is looked at
 * @param quietPeriod how long no job may have been handed out or finished before the engine is replaced
 * @param drainTimeout how long a rebase waits for running requests and jobs before it gives up for now
 * @param maxHold how long a state-changing request waits for a rebase before it is answered 503
 */
@ConfigurationProperties("rekber.engine-rebase")
public record EngineRebaseProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("400000") long maxLogEntries,
    @DefaultValue("256MB") DataSize maxLogSize,
    @DefaultValue("PT1M") Duration checkInterval,
    @DefaultValue("PT1.5S") Duration quietPeriod,
    @DefaultValue("PT10S") Duration drainTimeout,
    @DefaultValue("PT30S") Duration maxHold) {}
