package id.rekber.kyc;

import id.rekber.identity.AppUser;
import id.rekber.notification.Formats;
import id.rekber.notification.Outbox;
import id.rekber.platform.PublicUrl;
import org.springframework.stereotype.Component;

/**
 * Mails about a member's KYC, in their language, once per event and submission round. Templates
 * {@code mail.kyc.<EVENT>.*}: {0} name, {1} reason or note, {2} deadline (WIB), {3} link to /kyc.
 */
@Component
class KycMails {
  private final Outbox outbox;
  private final PublicUrl publicUrl;

  KycMails(Outbox outbox, PublicUrl publicUrl) {
    this.outbox = outbox;
    this.publicUrl = publicUrl;
  }

  /** An automatic rejection: the DMN's reason codes, told in the member's language. */
  void sendReasons(AppUser user, KycSubmission s, String event, java.util.List<String> reasonCodes) {
    String reasons = String.join("; ", reasonCodes.stream().map(code -> outbox.text("kyc.reason." + code, user.getLocale())).toList());
    send(user, s, event, reasons);
  }

  void send(AppUser user, KycSubmission s, String event, String reason) {
    String deadline = s.getResubmitBy() == null ? "" : Formats.wib(s.getResubmitBy(), user.getLocale());
    String note = reason == null ? "" : reason;
    outbox.enqueue(
        "kyc:" + s.getId() + ":" + event + ":" + s.getSubmittedAt().toEpochMilli(),
        null,
        user.getEmail(),
        user.getLocale(),
        "mail.kyc." + event,
        new Object[] {user.getDisplayName(), note, deadline, publicUrl.of("/kyc")});
  }
}
