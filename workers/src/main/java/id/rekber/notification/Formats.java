package id.rekber.notification;

import id.rekber.platform.Rupiah;
import id.rekber.platform.Languages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How people in Indonesia read money and time: Rp 1.250.000 and WIB, the same on every page and in
 * every mail. Pages use it as the bean {@code fmt}: {@code ${@fmt.rupiah(deal.price)}},
 * {@code ${@fmt.wib(deal.shippedAt)}}, {@code ${@fmt.countdown(deadline)}}, in the request's
 * language.
 */
@Component("fmt")
public class Formats {
  public static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
  private static final String WIB_PATTERN = "d MMMM yyyy, HH:mm 'WIB'";

  private final Clock clock;
  private final MessageSource messages;

  Formats(Clock clock, MessageSource messages) {
    this.clock = clock;
    this.messages = messages;
  }

  /** "17 Agustus 2026, 14:30 WIB" (or "17 August 2026, …" in English); empty for no time. */
  public static String wib(Instant instant, Locale locale) {
    if (instant == null) {
      return "";
    }
    return DateTimeFormatter.ofPattern(WIB_PATTERN, Languages.supported(locale)).format(instant.atZone(WIB));
  }

  /** Rp 1.250.000; empty for no amount. */
  public String rupiah(Long amount) {
    return amount == null ? "" : Rupiah.format(amount);
  }

  public String wib(Instant instant) {
    return wib(instant, locale());
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
