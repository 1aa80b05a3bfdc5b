package id.rekber.singlenode;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The dev mailbox keeps the newest mails only. */
class MailboxLimitTest {
  @Test
  void theOldestMailsBeyondTheLimitAreDeleted() throws Exception {
    GreenMail greenMail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    greenMail.start();
    try (MailboxLimit limit = new MailboxLimit(greenMail, 3, Duration.ofHours(1))) {
      for (int i = 1; i <= 5; i++) {
        GreenMailUtil.sendTextEmail((i % 2 == 0 ? "budi" : "sari") + "@rekber.test", "no-reply@rekber.test", "mail " + i, "body", greenMail.getSmtp().getServerSetup());
      }
      greenMail.waitForIncomingEmail(5_000, 5);

      assertThat(limit.prune()).isEqualTo(2);

      MimeMessage[] left = greenMail.getReceivedMessages();
      assertThat(Arrays.stream(left).map(m -> subject(m))).containsExactlyInAnyOrder("mail 3", "mail 4", "mail 5");
      assertThat(limit.prune()).isZero();
    } finally {
      greenMail.stop();
    }
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
