package id.rekber.notification;

import id.rekber.platform.ClusterOnly;
import id.rekber.platform.Refusal;
import org.springframework.stereotype.Component;

/**
 * Cluster mode: no SMS/WhatsApp provider is wired yet, so nothing can be sent and phone
 * verification answers 503 {@code phone.sender-not-configured} (decision 42).
 */
@Component
@ClusterOnly
class NoMessageProvider implements MessageSender {
  @Override
  public void send(String phone, Channel channel, String text) {
    throw Refusal.unavailable("phone.sender-not-configured");
  }
}
