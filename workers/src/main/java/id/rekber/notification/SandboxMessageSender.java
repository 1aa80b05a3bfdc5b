package id.rekber.notification;

import org.springframework.context.annotation.Conditional;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Single-node mode (and a demo cluster stack, {@link MessageSandboxCondition}): an SMS/WhatsApp provider that delivers nowhere and keeps the newest messages
 * in memory, readable at {@code /api/dev/messages} and {@code /dev/messages} like the dev mailbox.
 */
@Component
@Conditional(MessageSandboxCondition.class)
class SandboxMessageSender implements MessageSender {
  static final int KEPT = 2_000;
  private final Deque<SentMessage> sent = new ArrayDeque<>();
  private final Clock clock;

  SandboxMessageSender(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized void send(String phone, Channel channel, String text) {
    sent.addFirst(new SentMessage(phone, channel, text, clock.instant()));
    while (sent.size() > KEPT) {
      sent.removeLast();
    }
  }

  /** Newest first. */
  synchronized List<SentMessage> sent() {
    return List.copyOf(sent);
  }
}
