package id.rekber.kyc;

import id.rekber.identity.AppUser;
import id.rekber.notification.Outbox;
import id.rekber.platform.PublicUrl;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Mails about a member's KYC, in their language, once per event and submission round. Templates
 * {@code templates/mail/<language>/kyc/<EVENT>.txt} with the variables name, reason (or the
 * officer's note), deadline and link (to /kyc).
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
    Map<String, Object> variables = new HashMap<>();
    variables.put("name", user.getDisplayName());
    variables.put("reason", reason);
    variables.put("deadline", s.getResubmitBy());
    variables.put("link", publicUrl.of("/kyc"));
    outbox.enqueue(
        "kyc:" + s.getId() + ":" + event + ":" + s.getSubmittedAt().toEpochMilli(),
        null,
        user.getEmail(),
        user.getLocale(),
        "kyc/" + event,
        variables);
  }
}
