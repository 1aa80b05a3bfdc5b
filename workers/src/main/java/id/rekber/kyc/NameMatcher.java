package id.rekber.kyc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Compares the name on the KTP with the bank account holder's name the way Indonesian names are
 * written (documented in docs/personal-data.md):
 * <ol>
 *   <li>case and punctuation are ignored ("Budi S." = "BUDI S");
 *   <li>religious and academic titles are dropped (H., Hj., Dr., Ir., Drs., S.E., S.H., S.Kom., M.M., …);
 *   <li>"bin"/"binti" and the father's name after it are dropped (banks often omit them);
 *   <li>old spelling is normalized (oe→u, dj→j, tj→c, j/y alike) and common forms of Muhammad are one name;
 *   <li>word order does not matter; an initial matches a word with that first letter ("M. Rizky").
 * </ol>
 * MATCH when every word pairs up; PARTIAL when all words of the shorter name pair up but the longer
 * has more (a middle or family name missing); MISMATCH otherwise.
 */
public final class NameMatcher {
  public enum Result { MATCH, PARTIAL, MISMATCH }

  /** Titles that are never a name. */
  static final Set<String> TITLES = Set.of(
      "HJ", "HAJI", "HAJJAH", "KH", "DR", "DRS", "DRA", "IR", "PROF", "SKOM", "SPD", "SSOS", "SAG", "SIP", "SKED", "SPSI",
      "SFARM", "SSI", "SHI", "MSI", "MPD", "MKOM", "AMD", "SKM", "SPDI", "MAG", "SSTP", "SPT");
  /** Titles that could also be a name or an initial, so dropped only when written with dots ("H.", "S.E."). */
  static final Set<String> DOTTED_TITLES = Set.of("H", "SE", "SH", "ST", "MM", "MT", "MH", "MA", "BA", "LC", "SP", "MBA", "AK");
  private static final Set<String> PATRONYM_MARKERS = Set.of("BIN", "BINTI", "BT", "BTE");
  private static final Map<String, String> SAME_NAME = Map.of(
      "MUHAMAD", "MUHAMMAD", "MOHAMMAD", "MUHAMMAD", "MOHAMAD", "MUHAMMAD", "MOCHAMMAD", "MUHAMMAD", "MOCHAMAD", "MUHAMMAD",
      "MUCHAMMAD", "MUHAMMAD", "MUH", "MUHAMMAD", "MOH", "MUHAMMAD", "MOCH", "MUHAMMAD", "MHD", "MUHAMMAD");

  private NameMatcher() {}

  public static Result match(String a, String b) {
    List<String> left = tokens(a);
    List<String> right = tokens(b);
    if (left.isEmpty() || right.isEmpty()) {
      return Result.MISMATCH;
    }
    List<String> shorter = left.size() <= right.size() ? left : right;
    List<String> longer = new ArrayList<>(shorter == left ? right : left);
    // Whole words first, then initials, so "M RIZKY" does not take "MUHAMMAD" from a whole-word pair.
    List<String> unmatched = new ArrayList<>();
    for (String word : shorter) {
      if (!longer.remove(word)) {
        unmatched.add(word);
      }
    }
    for (String word : unmatched) {
      String partner = longer.stream().filter(w -> initialOf(word, w) || initialOf(w, word)).findFirst().orElse(null);
      if (partner == null) {
        return Result.MISMATCH;
      }
      longer.remove(partner);
    }
    return longer.isEmpty() ? Result.MATCH : Result.PARTIAL;
  }

  private static boolean initialOf(String initial, String word) {
    return initial.length() == 1 && word.length() > 1 && word.charAt(0) == initial.charAt(0);
  }

  static List<String> tokens(String name) {
    List<String> words = new ArrayList<>();
    if (name == null) {
      return words;
    }
    // Titles written with dots ("S.E.", "S.Kom.") become one word before punctuation is dropped.
    String cleaned = name.toUpperCase(Locale.ROOT).replaceAll("\\b([A-Z])\\.(?=[A-Z]{1,3}\\.)", "$1");
    for (String raw : cleaned.split("[\\s,]+")) {
      String word = raw.replaceAll("[^A-Z]", "");
      if (word.isEmpty() || TITLES.contains(word) || DOTTED_TITLES.contains(word) && raw.contains(".")) {
        continue;
      }
      if (PATRONYM_MARKERS.contains(word)) {
        break;
      }
      String normalized = oldSpelling(word);
      words.add(SAME_NAME.getOrDefault(normalized, normalized));
    }
    return words;
  }

  private static String oldSpelling(String word) {
    // Old spelling (before 1972): oe→u, dj→j, tj→c, j→y. Old "j" and new "j" cannot be told apart,
    // so j and y count as one letter on both sides.
    return word.replace("OE", "U").replace("DJ", "J").replace("TJ", "C").replace("J", "Y");
  }
}
