package id.rekber.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The only way a change in the database reaches the engine: process starts and messages are
 * written to the {@code engine_command} outbox in the caller's transaction and sent by {@link
 * EngineCommandRelay} after it commits, with retries, again after a restart. A command is written
 * once per dedupe key; the engine drops a repeated message id, so a resend is harmless.
 */
@Component
public class EngineCommands {
  /** Long enough to bridge the moment between two wait states; short enough not to linger. */
  public static final Duration MESSAGE_TIME_TO_LIVE = Duration.ofHours(1);

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final Clock clock;
  private final EngineCommandRelay relay;
  private final List<FinishedReferences> finishedReferences;

  EngineCommands(JdbcTemplate jdbc, ObjectMapper json, Clock clock, EngineCommandRelay relay, List<FinishedReferences> finishedReferences) {
    this.finishedReferences = finishedReferences;
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
    this.relay = relay;
  }

  /** Starts {@code processId} at its start event for {@code reference} (a deal or submission id). */
  @Transactional
  public void start(String processId, String reference, Map<String, ?> variables) {
    insertStart("start:" + processId + ":" + reference, processId, null, reference, variables);
  }

  /**
   * Starts {@code processId} before {@code elementId}; {@code dedupeKey} names the decision (for
   * example "refund of a late payment for deal X"), so deciding it twice starts one instance.
   */
  @Transactional
  public void startBefore(String dedupeKey, String processId, String elementId, String reference, Map<String, ?> variables) {
    insertStart(dedupeKey, processId, elementId, reference, variables);
  }

  /** Publishes a message; {@code messageId} is both the outbox's and the engine's dedupe key. */
  @Transactional
  public void publish(String name, String correlationKey, String messageId, Map<String, ?> variables) {
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.update(
        """
        INSERT INTO engine_command (dedupe_key, kind, reference, message_name, correlation_key, message_id,
                                    ttl_seconds, variables, next_attempt_at, created_at)
        VALUES (?, 'MESSAGE', ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING
        """,
        "message:" + messageId, correlationKey, name, correlationKey, messageId, MESSAGE_TIME_TO_LIVE.toSeconds(),
        write(variables), now, now);
    wakeRelayAfterCommit();
  }

  public void publish(String name, String correlationKey) {
    publish(name, correlationKey, name + ":" + correlationKey, Map.of());
  }

  private void insertStart(String dedupeKey, String processId, String elementId, String reference, Map<String, ?> variables) {
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.update(
        """
        INSERT INTO engine_command (dedupe_key, kind, process_id, start_before, reference, variables, next_attempt_at, created_at)
        VALUES (?, 'START', ?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING
        """,
        dedupeKey, processId, elementId, reference, write(variables), now, now);
    wakeRelayAfterCommit();
  }

  /**
   * Single-node recovery has started {@code reference} again from the database; a start still
   * waiting in the outbox would make a second instance.
   */
  public void supersedePendingStarts(String processId, String reference) {
    jdbc.update(
        "UPDATE engine_command SET status = 'SUPERSEDED' WHERE status = 'PENDING' AND kind = 'START' AND process_id = ? AND reference = ?",
        processId, reference);
  }

  /**
   * A new, empty engine has lost the messages the old one held in its buffer: send again those
   * still within their time to live, unless their work is finished ({@link FinishedReferences}).
   * The engine correlates each to a waiting instance at most once.
   */
  public int replayBufferedMessages() {
    Timestamp now = Timestamp.from(clock.instant());
    Map<Long, String> candidates = new HashMap<>();
    jdbc.query(
        "SELECT id, reference FROM engine_command WHERE kind = 'MESSAGE' AND status = 'SENT' AND sent_at + ttl_seconds * INTERVAL '1 second' > ?",
        rs -> {
          candidates.put(rs.getLong(1), rs.getString(2));
        },
        now);
    Set<String> finished = new HashSet<>();
    for (FinishedReferences feature : finishedReferences) {
      finished.addAll(feature.finishedAmong(Set.copyOf(candidates.values())));
    }
    Long[] replay = candidates.entrySet().stream().filter(e -> !finished.contains(e.getValue())).map(Map.Entry::getKey).toArray(Long[]::new);
    if (replay.length == 0) {
      return 0;
    }
    return jdbc.update(
        "UPDATE engine_command SET status = 'PENDING', attempts = 0, next_attempt_at = ? WHERE id = ANY(?) AND status = 'SENT'",
        ps -> {
          ps.setTimestamp(1, now);
          ps.setArray(2, ps.getConnection().createArrayOf("bigint", replay));
        });
  }

  private String write(Map<String, ?> variables) {
    try {
      return json.writeValueAsString(variables);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("variables not serialisable", e);
    }
  }

  private void wakeRelayAfterCommit() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              relay.wake();
            }
          });
    } else {
      relay.wake();
    }
  }
}
