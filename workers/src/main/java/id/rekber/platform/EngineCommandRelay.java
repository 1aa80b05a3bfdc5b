package id.rekber.platform;

import io.camunda.client.CamundaClient;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what {@link EngineCommands} wrote, in order per reference, once the writing transaction has
 * committed. A command the engine refuses for a passing reason (unavailable, overloaded, timed out)
 * is retried with growing back-off; the relay starts only when the application is ready, after any
 * single-node recovery, so a start it sends never doubles one the recovery made.
 */
@Component
public class EngineCommandRelay {
  private static final Logger log = LoggerFactory.getLogger(EngineCommandRelay.class);
  private static final int BATCH = 50;
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

  private final CamundaClient client;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "engine-command-relay"));
  private final AtomicBoolean ready = new AtomicBoolean();
  private final AtomicBoolean scheduled = new AtomicBoolean();

  EngineCommandRelay(CamundaClient client, JdbcTemplate jdbc, TransactionTemplate tx, ApplicationEventPublisher events, Clock clock) {
    this.client = client;
    this.jdbc = jdbc;
    this.tx = tx;
    this.events = events;
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.LOWEST_PRECEDENCE)
  void start() {
    ready.set(true);
    wake();
  }

  @EventListener(ContextClosedEvent.class)
  void stop() {
    ready.set(false);
    worker.shutdown();
    try {
      worker.awaitTermination(SEND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Asks for a round soon; rounds never overlap. */
  public void wake() {
    if (ready.get() && scheduled.compareAndSet(false, true)) {
      try {
        worker.execute(this::round);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        scheduled.set(false); // shutting down
      }
    }
  }

  /** Catches what is due again after a back-off, and anything a missed wake-up left behind. */
  @Scheduled(fixedDelayString = "${rekber.engine.relay-interval:PT1S}")
  void poll() {
    wake();
  }

  private void round() {
    scheduled.set(false);
    try {
      Integer sent;
      do {
        sent = tx.execute(status -> sendBatch());
      } while (sent != null && sent > 0 && ready.get()); // the next command of each reference comes up in the next batch
    } catch (RuntimeException e) {
      log.warn("Engine command relay round failed: {}", e.toString());
    }
  }

  private int sendBatch() {
    List<PendingCommand> batch =
        jdbc.query(
            """
            SELECT id, kind, process_id, start_before, reference, message_name, correlation_key, message_id,
                   ttl_seconds, variables, attempts
            FROM engine_command c WHERE status = 'PENDING' AND next_attempt_at <= ?
              AND NOT EXISTS (SELECT 1 FROM engine_command earlier
                              WHERE earlier.reference = c.reference AND earlier.status = 'PENDING' AND earlier.id < c.id)
            ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED
            """,
            (rs, i) ->
                new PendingCommand(
                    rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                    rs.getString(7), rs.getString(8), rs.getLong(9), rs.getString(10), rs.getInt(11)),
            Timestamp.from(clock.instant()), BATCH);
    // At most one command per reference: the first pending one (the query), so their order holds.
    int done = 0;
    for (PendingCommand command : batch) {
      try {
        Long key = send(command);
        jdbc.update(
            "UPDATE engine_command SET status = 'SENT', sent_at = ?, attempts = attempts + 1, process_instance_key = ? WHERE id = ?",
            Timestamp.from(clock.instant()), key, command.id());
        if (key != null) {
          events.publishEvent(new ProcessInstanceStarted(command.processId(), command.reference(), key));
        }
        done++;
      } catch (RuntimeException e) {
        Duration backoff = backoff(command.attempts() + 1);
        log.warn("Engine command {} ({} {}) failed, attempt {}, retry in {}: {}",
            command.id(), command.kind(), command.reference(), command.attempts() + 1, backoff, e.toString());
        jdbc.update(
            "UPDATE engine_command SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?",
            truncate(e.toString()), Timestamp.from(clock.instant().plus(backoff)), command.id());
        if (EngineAnswers.isUnreachable(e)) {
          return 0; // the rest would fail the same way: wait for the next round
        }
      }
    }
    return done;
  }

  private Long send(PendingCommand c) {
    if ("MESSAGE".equals(c.kind())) {
      try {
        client.newPublishMessageCommand().messageName(c.messageName()).correlationKey(c.correlationKey())
            .messageId(c.messageId()).timeToLive(Duration.ofSeconds(c.ttlSeconds())).variables(c.variables())
            .requestTimeout(SEND_TIMEOUT).send().join();
      } catch (RuntimeException e) {
        if (!EngineAnswers.isDuplicate(e)) {
          throw e;
        }
      }
      return null;
    }
    var start = client.newCreateInstanceCommand().bpmnProcessId(c.processId()).latestVersion().variables(c.variables());
    if (c.startBefore() != null) {
      start.startBeforeElement(c.startBefore());
    }
    return start.requestTimeout(SEND_TIMEOUT).send().join().getProcessInstanceKey();
  }

  static Duration backoff(int attempts) {
    long millis = 500L << Math.min(attempts - 1, 20);
    return millis > MAX_BACKOFF.toMillis() ? MAX_BACKOFF : Duration.ofMillis(millis);
  }

  private static String truncate(String text) {
    return text.length() <= 500 ? text : text.substring(0, 500);
  }

  private record PendingCommand(
      long id, String kind, String processId, String startBefore, String reference, String messageName,
      String correlationKey, String messageId, long ttlSeconds, String variables, int attempts) {}
}
