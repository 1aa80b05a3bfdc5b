package id.rekber.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import id.rekber.identity.AppUser;
import id.rekber.identity.CurrentUser;
import id.rekber.platform.SingleNodeOnly;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Single-node mode: the mails the embedded SMTP server received. Members see mails addressed to
 * them; admins see all.
 */
@RestController
@SingleNodeOnly
class DevMailboxController {
  private final GreenMail smtp;
  private final CurrentUser currentUser;

  DevMailboxController(GreenMail smtp, CurrentUser currentUser) {
    this.smtp = smtp;
    this.currentUser = currentUser;
  }

  @GetMapping("/api/dev/mails")
  List<Mail> mails() throws MessagingException {
    AppUser user = currentUser.get();
    boolean admin = currentUser.roles().contains("admin");
    return Arrays.stream(smtp.getReceivedMessages())
        .map(DevMailboxController::toMail)
        .filter(m -> admin || m.to().equalsIgnoreCase(user.getEmail()))
        .toList();
  }

  private static Mail toMail(MimeMessage message) {
    try {
      Address[] to = message.getAllRecipients();
      return new Mail(
          to == null || to.length == 0 ? "" : to[0].toString(),
          MimeUtility.decodeText(message.getSubject()),
          GreenMailUtil.getBody(message).isEmpty() ? "" : message.getContent().toString(),
          message.getSentDate() == null ? null : message.getSentDate().toInstant());
    } catch (MessagingException | UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  record Mail(String to, String subject, String body, Instant sentAt) {}
}
