package id.rekber.studio;

/**
 * One result of a draft's checks, shown beside {@code elementId} (empty when it concerns the whole
 * model). {@code check} is parse, lint, feel, worker, contract or form; errors block submission.
 */
public record Finding(String elementId, String check, String rule, boolean error, String message) {
  static Finding error(String elementId, String check, String rule, String message) {
    return new Finding(elementId == null ? "" : elementId, check, rule, true, message);
  }

  static Finding warning(String elementId, String check, String rule, String message) {
    return new Finding(elementId == null ? "" : elementId, check, rule, false, message);
  }
}
