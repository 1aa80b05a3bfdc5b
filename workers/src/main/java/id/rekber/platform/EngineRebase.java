package id.rekber.platform;

import io.camunda.client.CamundaClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Single-node mode: keeps the embedded engine's memory bounded. zeebe-process-test-engine keeps its
 * whole log in memory and never truncates it (about 300 entries and 0.3 MB per completed deal), so
 * when the log passes {@code rekber.engine-rebase.max-log-entries} or {@code max-log-size} the
 * engine is replaced by a fresh one on the same port and orchestration is rebuilt from PostgreSQL,
 * as after a restart:
 *
 * <ol>
 *   <li>the {@link EngineGate} is held: state-changing requests wait, other threads' engine commands
 *       are refused; running requests finish, and the jobs they caused run until no job has been
 *       handed out or finished for {@code quiet-period} (every process waits for a message, a timer
 *       or a person);
 *   <li>the gate is sealed: no new job reaches a worker; jobs already handed out finish;
 *   <li>the single-node module replaces the engine (key generator and clock offset carried over);
 *   <li>the models are deployed again ({@link ModelDeployer#deploy()});
 *   <li>{@link EngineReplaced} is published: the recoveries that run at start-up rebuild every open
 *       deal and KYC submission on this thread;
 *   <li>the gate opens.
 * </ol>
 *
 * See docs/architecture.md ("Replacing the embedded engine") for what is kept and what is not.
 */
@Component
@SingleNodeOnly
public class EngineRebase {
  private static final Logger log = LoggerFactory.getLogger(EngineRebase.class);
  private static final Duration ENGINE_REACHABLE_TIMEOUT = Duration.ofSeconds(30);

  private final EngineGate gate;
  private final Supplier<Map<String, Long>> engineStatus;
  private final Runnable engineReplacement;
  private final ModelDeployer models;
  private final CamundaClient client;
  private final ApplicationEventPublisher events;
  private final EngineRebaseProperties properties;
  private final Clock clock;
  private final AtomicInteger rebases = new AtomicInteger();
  private volatile Map<String, Object> lastOutcome = Map.of();

  EngineRebase(
      EngineGate gate,
      // Beans of the single-node module, seen only through JDK types (see SingleNodeConfiguration).
      @Qualifier("engineStatus") Supplier<Map<String, Long>> engineStatus,
      @Qualifier("engineReplacement") Runnable engineReplacement,
      ModelDeployer models,
      CamundaClient client,
      ApplicationEventPublisher events,
      EngineRebaseProperties properties,
      Clock clock) {
    this.gate = gate;
    this.engineStatus = engineStatus;
    this.engineReplacement = engineReplacement;
    this.models = models;
    this.client = client;
    this.events = events;
    this.properties = properties;
    this.clock = clock;
  }

  @Bean
  static FilterRegistrationBean<EngineGateFilter> engineGateFilter(EngineGate gate, EngineRebaseProperties properties) {
    FilterRegistrationBean<EngineGateFilter> registration = new FilterRegistrationBean<>(new EngineGateFilter(gate, properties.maxHold()));
    // Before Spring Security's chain (order -100), so a held request has done nothing yet.
    registration.setOrder(-110);
    return registration;
  }

  @Scheduled(
      initialDelayString = "${rekber.engine-rebase.check-interval:PT1M}",
      fixedDelayString = "${rekber.engine-rebase.check-interval:PT1M}")
  void checkLogSize() {
    if (!properties.enabled()) {
      return;
    }
    Map<String, Long> status = engineStatus.get();
    long entries = status.getOrDefault("logEntries", 0L);
    long bytes = status.getOrDefault("logBytes", 0L);
    if (entries > properties.maxLogEntries() || bytes > properties.maxLogSize().toBytes()) {
      rebase("log has " + entries + " entries, " + (bytes >> 20) + " MiB");
    }
  }

  /**
   * Replaces the engine now, unless running requests or jobs do not finish within the drain timeout
   * (then nothing changes and the next check tries again). Returns what happened.
   */
  public synchronized Map<String, Object> rebase(String reason) {
    Map<String, Long> before = engineStatus.get();
    long start = System.nanoTime();
    Map<String, Object> outcome = new LinkedHashMap<>();
    outcome.put("reason", reason);
    outcome.put("at", clock.instant().toString());
    gate.hold();
    try {
      if (!gate.awaitRequestsDone(properties.drainTimeout())) {
        return done(outcome, false, "requests still running after " + properties.drainTimeout());
      }
      // Chains that running requests started (message, job, next job …) run to their next wait state.
      if (!gate.awaitJobsDone(properties.quietPeriod(), properties.drainTimeout())) {
        return done(outcome, false, gate.jobsInFlight() + " jobs still running after " + properties.drainTimeout());
      }
      gate.seal();
      // A job handed out between the two looks (a timer fired) is finished before the engine goes.
      if (!gate.awaitJobsDone(Duration.ZERO, properties.drainTimeout())) {
        log.warn("{} jobs did not finish after the gate was sealed; replacing the engine anyway", gate.jobsInFlight());
      }
      long drained = System.nanoTime();
      engineReplacement.run();
      gate.unseal(); // workers may take jobs of the new engine; others still wait
      awaitEngine();
      models.deploy();
      long replaced = System.nanoTime();
      int number = rebases.incrementAndGet();
      events.publishEvent(new EngineReplaced(number, clock.instant()));
      long rebuilt = System.nanoTime();
      outcome.put("rebase", number);
      outcome.put("logEntriesBefore", before.get("logEntries"));
      outcome.put("logBytesBefore", before.get("logBytes"));
      outcome.put("drainMillis", millis(start, drained));
      outcome.put("replaceMillis", millis(drained, replaced));
      outcome.put("rebuildMillis", millis(replaced, rebuilt));
      log.info(
          "Engine rebase {} ({}): drained in {} ms, replaced and redeployed in {} ms, rebuilt in {} ms; requests were held {} ms",
          number, reason, millis(start, drained), millis(drained, replaced), millis(replaced, rebuilt), millis(start, rebuilt));
      return done(outcome, true, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return done(outcome, false, "interrupted");
    } catch (RuntimeException e) {
      log.error("Engine rebase failed ({}); the engine may have to be restarted", reason, e);
      done(outcome, false, e.toString());
      throw e;
    } finally {
      outcome.put("heldMillis", millis(start, System.nanoTime()));
      gate.open();
    }
  }

  private Map<String, Object> done(Map<String, Object> outcome, boolean replaced, String why) {
    outcome.put("replaced", replaced);
    if (why != null) {
      outcome.put("notReplacedBecause", why);
      log.warn("Engine rebase not done ({}): {}", outcome.get("reason"), why);
    }
    lastOutcome = outcome;
    return outcome;
  }

  /** The client reconnects by itself; wait until the new gateway answers. */
  private void awaitEngine() throws InterruptedException {
    Instant until = Instant.now().plus(ENGINE_REACHABLE_TIMEOUT);
    while (true) {
      try {
        client.newTopologyRequest().send().join();
        return;
      } catch (RuntimeException e) {
        if (Instant.now().isAfter(until)) {
          throw new IllegalStateException("the new engine did not answer within " + ENGINE_REACHABLE_TIMEOUT, e);
        }
        Thread.sleep(100);
      }
    }
  }

  /** The engine's log size and generation, the limits, and what the last rebase did. */
  public Map<String, Object> status() {
    Map<String, Object> status = new LinkedHashMap<>(engineStatus.get());
    status.put("rebases", rebases.get());
    status.put("maxLogEntries", properties.maxLogEntries());
    status.put("maxLogBytes", properties.maxLogSize().toBytes());
    status.put("gate", gate.state().name());
    status.put("lastRebase", lastOutcome);
    return status;
  }

  private static long millis(long fromNanos, long toNanos) {
    return (toNanos - fromNanos) / 1_000_000;
  }
}
