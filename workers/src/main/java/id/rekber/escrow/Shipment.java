package id.rekber.escrow;

import id.rekber.platform.FormInvalidException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Courier and tracking number of a parcel: the seller's shipment (API and deal page) and the buyer's
 * return in a dispute follow the same rule. Both are trimmed; the courier is required and at most
 * {@value #COURIER_MAX} characters; the tracking number is {@value #TRACKING_MIN} to
 * {@value #TRACKING_MAX} letters, digits and dashes (couriers' numbers look like
 * {@code JNE-1234567890}; nothing else belongs on a timeline or in a mail).
 */
public record Shipment(String courier, String trackingNumber) {
  public static final int COURIER_MAX = 40;
  public static final int TRACKING_MIN = 6;
  public static final int TRACKING_MAX = 60;
  /** No parcel: steps other than shipping carry none. */
  public static final Shipment NONE = new Shipment(null, null);

  private static final Pattern TRACKING = Pattern.compile("[A-Za-z0-9-]+");

  /** What is wrong with the typed values: field ({@code courier}, {@code trackingNumber}) → message code; empty if nothing. */
  public static Map<String, String> problems(String courier, String trackingNumber) {
    Map<String, String> problems = new LinkedHashMap<>();
    String c = trim(courier);
    if (c.isEmpty()) {
      problems.put("courier", "ship.courier.required");
    } else if (c.length() > COURIER_MAX) {
      problems.put("courier", "ship.courier.size");
    }
    String t = trim(trackingNumber);
    if (t.isEmpty()) {
      problems.put("trackingNumber", "ship.trackingNumber.required");
    } else if (t.length() < TRACKING_MIN || t.length() > TRACKING_MAX) {
      problems.put("trackingNumber", "ship.trackingNumber.size");
    } else if (!TRACKING.matcher(t).matches()) {
      problems.put("trackingNumber", "ship.trackingNumber.pattern");
    }
    return problems;
  }

  /** The shipment, trimmed; a {@link FormInvalidException} (answered as 400 with the field messages) if it breaks the rule. */
  public static Shipment of(String courier, String trackingNumber) {
    Map<String, String> problems = problems(courier, trackingNumber);
    if (!problems.isEmpty()) {
      throw new FormInvalidException(problems);
    }
    return new Shipment(trim(courier), trim(trackingNumber));
  }

  private static String trim(String value) {
    return value == null ? "" : value.trim();
  }
}
