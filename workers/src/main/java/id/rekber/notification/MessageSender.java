package id.rekber.notification;

/**
 * Short messages to a member's phone (SMS or WhatsApp). Single-node mode has a sandbox that keeps
 * them for the dev message box; cluster mode has no provider yet and refuses (decision 42).
 */
public interface MessageSender {
  enum Channel {
    SMS,
    WHATSAPP
  }

  /** Sends {@code text} to {@code phone} (normalized, +62…); refuses with a {@code Refusal} when it cannot. */
  void send(String phone, Channel channel, String text);
}
