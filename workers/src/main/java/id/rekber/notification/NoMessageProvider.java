package id.rekber.notification;

import org.springframework.context.annotation.Conditional;
import id.rekber.platform.Refusal;
import org.springframework.stereotype.Component;

/**
 * Cluster mode without the demo switch: no SMS/WhatsApp provider is wired yet, so nothing can be sent and phone
 * verification answers 503 {@code phone.sender-not-configured} (decision 42).
 */
@Component
@Conditional(MessageSandboxCondition.Absent.class)
class NoMessageProvider implements MessageSender {
  @Override
  public void send(String phone, Channel channel, String text) {
    throw Refusal.unavailable("phone.sender-not-configured");
  }
}
