package id.rekber.dispute;

import java.util.Map;

/** A member's form broke its rules; field key → message code. Answered as 400 with an {@code errors} object. */
class FormErrors extends RuntimeException {
  private final transient Map<String, String> errors;

  FormErrors(Map<String, String> errors) {
    super("form invalid: " + errors);
    this.errors = errors;
  }

  Map<String, String> errors() {
    return errors;
  }
}
