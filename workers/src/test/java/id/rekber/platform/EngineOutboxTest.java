package id.rekber.platform;

import static id.rekber.support.DemoUsers.BUDI;
import static id.rekber.support.DemoUsers.SARI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.rekber.support.Deals;
import id.rekber.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The engine outbox: what is written is sent, once, in order per reference, whatever happens after the commit. */
@IntegrationTest
class EngineOutboxTest {
  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired EngineCommands commands;
  @Autowired TransactionTemplate tx;
  @Autowired Clock clock;

  @Test
  void aCommandWrittenJustBeforeTheJvmDiedIsSentByTheNextRound() {
    Deals deals = new Deals(port);
    String id = deals.create(SARI, BUDI, 181_000);
    deals.awaitStatus(BUDI, id, "MENUNGGU_PERSETUJUAN");
    // Committed, but the wake-up after commit never ran (as if the JVM died right there).
    insertRaw("message:DealDeclined:" + id, "MESSAGE", null, id, "DealDeclined", "DealDeclined:" + id);

    deals.awaitStatus(SARI, id, "DIBATALKAN");
    assertThat(status("message:DealDeclined:" + id)).isEqualTo("SENT");
  }

  @Test
  void aCommandTheEngineRefusesIsRetriedAndHoldsBackLaterOnesForTheSameReference() {
    String broken = "R-" + UUID.randomUUID();
    String other = "R-" + UUID.randomUUID();
    insertRaw("start:broken:" + broken, "START", "no-such-process", broken, null, null);
    insertRaw("message:later:" + broken, "MESSAGE", null, broken, "NothingWaits", "later:" + broken);
    insertRaw("message:other:" + other, "MESSAGE", null, other, "NothingWaits", "other:" + other);

    await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(status("message:other:" + other)));
    await().atMost(Duration.ofSeconds(20)).until(() ->
        jdbc.queryForObject("SELECT attempts FROM engine_command WHERE dedupe_key = ?", Integer.class, "start:broken:" + broken) > 0);
    assertThat(jdbc.queryForObject("SELECT last_error FROM engine_command WHERE dedupe_key = ?", String.class, "start:broken:" + broken))
        .isNotBlank();
    assertThat(status("start:broken:" + broken)).isEqualTo("PENDING");
    assertThat(status("message:later:" + broken)).isEqualTo("PENDING"); // its order behind the start holds
    jdbc.update("UPDATE engine_command SET status = 'SUPERSEDED' WHERE reference = ?", broken);
  }

  @Test
  void theSameDecisionWrittenTwiceIsOneCommand() {
    String ref = "R-" + UUID.randomUUID();
    tx.executeWithoutResult(s -> {
      commands.publish("NothingWaits", ref, "twice:" + ref, Map.of("n", 1));
      commands.publish("NothingWaits", ref, "twice:" + ref, Map.of("n", 2));
    });
    assertThat(jdbc.queryForObject("SELECT count(*) FROM engine_command WHERE reference = ?", Integer.class, ref)).isEqualTo(1);
    await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(status("message:twice:" + ref)));
  }

  @Test
  void nothingIsWrittenWhenTheDecidingTransactionRollsBack() {
    String ref = "R-" + UUID.randomUUID();
    tx.executeWithoutResult(s -> {
      commands.publish("NothingWaits", ref, "rolled-back:" + ref, Map.of());
      s.setRollbackOnly();
    });
    assertThat(jdbc.queryForObject("SELECT count(*) FROM engine_command WHERE reference = ?", Integer.class, ref)).isZero();
  }

  @Test
  void aNewEngineGetsAgainOnlyTheMessagesOfWorkStillRunning() {
    Deals deals = new Deals(port);
    String closed = deals.create(SARI, BUDI, 182_000);
    deals.awaitStatus(BUDI, closed, "MENUNGGU_PERSETUJUAN");
    deals.act(BUDI, closed, "decline");
    deals.awaitStatus(SARI, closed, "DIBATALKAN");
    String open = deals.create(SARI, BUDI, 183_000);
    deals.awaitStatus(BUDI, open, "MENUNGGU_PERSETUJUAN");
    // Both sent a minute ago, within their time to live, as if the old engine still held them.
    Timestamp sentAt = Timestamp.from(clock.instant().minusSeconds(60));
    for (String deal : new String[] {closed, open}) {
      insertRaw("message:Buffered:" + deal, "MESSAGE", null, deal, "NothingWaits", "Buffered:" + deal);
      jdbc.update("UPDATE engine_command SET status = 'SENT', sent_at = ? WHERE dedupe_key = ?", sentAt, "message:Buffered:" + deal);
    }

    commands.replayBufferedMessages();

    await().atMost(Duration.ofSeconds(20)).until(() -> !sentAt.equals(sentAt("message:Buffered:" + open)));
    assertThat(sentAt("message:Buffered:" + closed)).isEqualTo(sentAt); // a closed deal waits for nothing
    assertThat(status("message:Buffered:" + closed)).isEqualTo("SENT");
  }

  private Timestamp sentAt(String dedupeKey) {
    return jdbc.queryForObject("SELECT sent_at FROM engine_command WHERE dedupe_key = ?", Timestamp.class, dedupeKey);
  }

  private void insertRaw(String dedupeKey, String kind, String processId, String reference, String messageName, String messageId) {
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.update(
        """
        INSERT INTO engine_command (dedupe_key, kind, process_id, reference, message_name, correlation_key, message_id,
                                    ttl_seconds, variables, next_attempt_at, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, '{}', ?, ?)
        """,
        dedupeKey, kind, processId, reference, messageName, messageName == null ? null : reference, messageId,
        messageName == null ? null : 3600L, now, now);
  }

  private String status(String dedupeKey) {
    return jdbc.queryForObject("SELECT status FROM engine_command WHERE dedupe_key = ?", String.class, dedupeKey);
  }
}
