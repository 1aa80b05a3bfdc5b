package id.rekber.notification;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How people in Indonesia read money and time: Rp 1.250.000 and WIB. */
public final class Formats {
  public static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

  private Formats() {}

  public static String rupiah(long amount) {
    DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
    symbols.setGroupingSeparator('.');
    return "Rp " + new DecimalFormat("#,##0", symbols).format(amount);
  }

  public static String wib(Instant instant, Locale locale) {
    if (instant == null) {
      return "";
    }
    return DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'WIB'", locale).format(instant.atZone(WIB));
  }
}
