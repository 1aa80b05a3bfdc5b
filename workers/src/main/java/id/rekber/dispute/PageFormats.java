package id.rekber.dispute;

import id.rekber.notification.Formats;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Money and time as the dispute pages show them (Rp 1.250.000, WIB), for use in templates as {@code fmt}. */
public final class PageFormats {
  private final Locale locale;

  PageFormats(Locale locale) {
    this.locale = locale;
  }

  public String rupiah(Long amount) {
    return amount == null ? "" : Formats.rupiah(amount);
  }

  public String wib(Instant instant) {
    return instant == null ? "" : DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'WIB'", locale).format(instant.atZone(Formats.WIB));
  }
}
