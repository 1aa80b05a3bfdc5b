package id.rekber.platform;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of money in whole rupiah. Never negative, never a fraction, never floating point; Rupiah
 * has no coins in use, so every amount Rekber holds, charges or pays is a whole number.
 *
 * <p>The one parser for what people type and what providers send ({@link #parse}) and the one way an
 * amount is shown ({@link #format}: {@code Rp 1.250.000}).
 *
 * <p>What {@link #parse} accepts, after trimming:
 *
 * <ul>
 *   <li>an optional currency prefix {@code Rp}, {@code Rp.} or {@code IDR} (any case), with or
 *       without a space after it: {@code Rp 1.250.000}, {@code Rp1.250.000}, {@code IDR 150000};
 *   <li>the number as plain digits ({@code 1250000}) or grouped by thousands with dots, the
 *       Indonesian way ({@code 1.250.000}; every group after the first has exactly three digits), or
 *       grouped with spaces ({@code 1 250 000}), one kind of separator per amount;
 *   <li>an optional fraction of one or two digits after a comma (Indonesian, {@code 1.250.000,00})
 *       or after a dot (what payment providers send, {@code 150000.00}), but only if it is zero: a
 *       fraction of a rupiah is not money we accept, so {@code 100000.7} is refused;
 * </ul>
 *
 * <p>It refuses empty text, negative amounts, commas as thousands separators ({@code 1,250,000} is
 * ambiguous), groups of the wrong size ({@code 1.25.000}), exponents, anything else, and amounts
 * larger than {@link Long#MAX_VALUE}.
 */
public record Rupiah(long amount) implements Comparable<Rupiah> {
  public static final Rupiah ZERO = new Rupiah(0);

  private static final Pattern TYPED =
      Pattern.compile("(?i)(?:rp\\.?|idr)?\\s*(\\d+|\\d{1,3}([. ])\\d{3}(?:\\2\\d{3})*)(?:[.,](\\d{1,2}))?");

  public Rupiah {
    if (amount < 0) {
      throw new IllegalArgumentException("negative amount: " + amount);
    }
  }

  public static Rupiah of(long amount) {
    return new Rupiah(amount);
  }

  /** The amount in {@code text} as described above; empty if it is not a whole, non-negative rupiah amount. */
  public static Optional<Rupiah> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = TYPED.matcher(text.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    String fraction = m.group(3);
    if (fraction != null && !fraction.chars().allMatch(c -> c == '0')) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Rupiah(Long.parseLong(m.group(1).replace(".", "").replace(" ", ""))));
    } catch (NumberFormatException tooLarge) {
      return Optional.empty();
    }
  }

  /**
   * A number from JSON (a form value, a decision's output) as rupiah; empty if it has a fraction, is
   * negative or too large. Text is read with {@link #parse}.
   */
  public static Optional<Rupiah> exact(Object value) {
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof Number number)) {
      return parse(value.toString());
    }
    try {
      BigDecimal decimal = number instanceof BigDecimal d ? d : new BigDecimal(number.toString());
      long whole = decimal.stripTrailingZeros().scale() > 0 ? -1 : decimal.longValueExact();
      return whole < 0 ? Optional.empty() : Optional.of(new Rupiah(whole));
    } catch (ArithmeticException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** {@code Rp 1.250.000}. */
  public static String format(long amount) {
    String digits = Long.toString(Math.abs(amount));
    StringBuilder grouped = new StringBuilder(digits.length() + digits.length() / 3);
    for (int i = 0; i < digits.length(); i++) {
      if (i > 0 && (digits.length() - i) % 3 == 0) {
        grouped.append('.');
      }
      grouped.append(digits.charAt(i));
    }
    return (amount < 0 ? "-Rp " : "Rp ") + grouped;
  }

  public Rupiah plus(Rupiah other) {
    return new Rupiah(Math.addExact(amount, other.amount));
  }

  /** The difference; an {@link ArithmeticException} if {@code other} is larger (amounts are never negative). */
  public Rupiah minus(Rupiah other) {
    long difference = Math.subtractExact(amount, other.amount);
    if (difference < 0) {
      throw new ArithmeticException(this + " minus " + other + " is negative");
    }
    return new Rupiah(difference);
  }

  public boolean isZero() {
    return amount == 0;
  }

  @Override
  public int compareTo(Rupiah other) {
    return Long.compare(amount, other.amount);
  }

  @Override
  public String toString() {
    return format(amount);
  }
}
