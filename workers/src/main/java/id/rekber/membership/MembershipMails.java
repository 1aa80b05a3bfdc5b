package id.rekber.membership;

import id.rekber.identity.AppUser;
import id.rekber.identity.AppUserRepository;
import id.rekber.notification.Formats;
import id.rekber.notification.Outbox;
import id.rekber.platform.PublicUrl;
import id.rekber.platform.Rupiah;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Mails of templates/mail/&lt;language&gt;/membership/: activated, renewal reminder, grace, ended. */
@Component
class MembershipMails {
  private final Outbox outbox;
  private final AppUserRepository users;
  private final PublicUrl urls;

  MembershipMails(Outbox outbox, AppUserRepository users, PublicUrl urls) {
    this.outbox = outbox;
    this.users = users;
    this.urls = urls;
  }

  void activated(UUID userId, MembershipPayment payment, Instant periodEnd) {
    send(userId, "membership/ACTIVATED", "membership:" + payment.orderId() + ":paid",
        Map.of("plan", payment.plan().name(), "amount", payment.amount(), "periodEnd", periodEnd));
  }

  void reminder(UUID userId, MembershipPayment renewal, Instant periodEnd) {
    send(userId, "membership/REMINDER", "membership:" + renewal.orderId() + ":reminder",
        Map.of("plan", renewal.plan().name(), "amount", renewal.amount(), "periodEnd", periodEnd, "checkout", absolute(renewal.checkoutUrl())));
  }

  void grace(UUID userId, String orderId, Instant graceUntil) {
    send(userId, "membership/GRACE", "membership:" + orderId + ":grace", Map.of("graceUntil", graceUntil));
  }

  void ended(UUID userId, String reason, String orderId) {
    send(userId, "membership/" + reason, "membership:" + orderId + ":" + reason, Map.of());
  }

  private void send(UUID userId, String template, String dedupeKey, Map<String, Object> values) {
    AppUser user = users.findById(userId).orElseThrow();
    if (!outbox.hasTemplate(template)) {
      return;
    }
    Map<String, Object> variables = new HashMap<>();
    values.forEach((k, v) -> variables.put(k, switch (v) {
      case Instant i -> Formats.wib(i, user.getLocale());
      case Long amount -> Rupiah.format(amount);
      default -> v;
    }));
    variables.put("name", user.getDisplayName());
    variables.put("link", urls.of("/profile"));
    outbox.enqueue(dedupeKey, null, user.getEmail(), user.getLocale(), template, variables);
  }

  private String absolute(String url) {
    return url == null ? urls.of("/profile") : url.startsWith("http") ? url : urls.of(url);
  }
}
