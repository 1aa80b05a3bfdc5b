package id.rekber.notification;

import id.rekber.identity.AppUser;
import id.rekber.identity.CurrentUser;
import id.rekber.platform.SingleNodeOnly;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Single-node mode: the mails the embedded SMTP server received. Members see mails addressed to
 * them; admins see all. The single-node module provides them as a {@code Supplier<MimeMessage[]>}
 * named {@code receivedMails}, so this application never sees the SMTP server's own types.
 */
@RestController
@SingleNodeOnly
class DevMailboxController {
  private final Supplier<MimeMessage[]> receivedMails;
  private final CurrentUser currentUser;

  DevMailboxController(@Qualifier("receivedMails") Supplier<MimeMessage[]> receivedMails, CurrentUser currentUser) {
    this.receivedMails = receivedMails;
    this.currentUser = currentUser;
  }

  @GetMapping("/api/dev/mails")
  List<Mail> mails() throws MessagingException {
    AppUser user = currentUser.get();
    boolean admin = currentUser.roles().contains("admin");
    return Arrays.stream(receivedMails.get())
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
          hasBody(message) ? message.getContent().toString() : "",
          message.getSentDate() == null ? null : message.getSentDate().toInstant());
    } catch (MessagingException | UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static boolean hasBody(MimeMessage message) throws MessagingException, java.io.IOException {
    try (InputStream raw = message.getRawInputStream()) {
      return raw.read() != -1;
    }
  }

  record Mail(String to, String subject, String body, Instant sentAt) {}
}
