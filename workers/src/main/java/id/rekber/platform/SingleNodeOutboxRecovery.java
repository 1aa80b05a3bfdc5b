package id.rekber.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Single-node mode starts with an empty engine, and so does an engine rebase ({@link EngineRebase}):
 * the messages the old one still held in its buffer are sent again from the outbox, before the relay starts (docs/architecture.md, "From the database
 * to the engine").
 */
@Component
@Conditional(SingleNodeCondition.class)
class SingleNodeOutboxRecovery {
  private static final Logger log = LoggerFactory.getLogger(SingleNodeOutboxRecovery.class);

  private final EngineCommands commands;

  SingleNodeOutboxRecovery(EngineCommands commands) {
    this.commands = commands;
  }

  @EventListener({ApplicationReadyEvent.class, EngineReplaced.class})
  @Order(-100)
  void replayBufferedMessages() {
    int replayed = commands.replayBufferedMessages();
    if (replayed > 0) {
      log.info("Sending {} messages again that the previous engine held in its buffer", replayed);
    }
  }
}
