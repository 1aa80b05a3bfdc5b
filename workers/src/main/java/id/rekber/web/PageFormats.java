package id.rekber.web;

import id.rekber.platform.Languages;
import id.rekber.notification.Formats;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Money, WIB times and countdowns for templates: {@code ${@fmt.rupiah(deal.price)}}. */
@Component("fmt")
public class PageFormats {
  private final Clock clock;
  private final MessageSource messages;

  PageFormats(Clock clock, MessageSource messages) {
    this.clock = clock;
    this.messages = messages;
  }

  public String rupiah(long amount) {
    return Formats.rupiah(amount);
  }

  public String wib(Instant instant) {
    return Formats.wib(instant, locale());
  }

  public boolean isPast(Instant instant) {
    return instant != null && !instant.isAfter(clock.instant());
  }

  /** "2 hari 4 jam lagi", "35 menit lagi", or "sudah lewat". */
  public String countdown(Instant deadline) {
    if (deadline == null) {
      return "";
    }
    Duration left = Duration.between(clock.instant(), deadline);
    if (left.isNegative() || left.isZero()) {
      return text("countdown.passed");
    }
    long days = left.toDays();
    long hours = left.toHoursPart();
    long minutes = Math.max(1, left.toMinutesPart());
    if (days > 0) {
      return text("countdown.days-hours", days, hours);
    }
    if (hours > 0) {
      return text("countdown.hours-minutes", hours, minutes);
    }
    return text("countdown.minutes", minutes);
  }

  private String text(String code, Object... args) {
    return messages.getMessage(code, args, locale());
  }

  private static Locale locale() {
    return Languages.supported(LocaleContextHolder.getLocale());
  }
}
