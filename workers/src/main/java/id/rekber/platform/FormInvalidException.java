package id.rekber.platform;

import java.util.Map;

/** Submitted form values broke the form's rules; field → message code. */
public class FormInvalidException extends RuntimeException {
  private final transient Map<String, String> errors;

  public FormInvalidException(Map<String, String> errors) {
    super("form invalid: " + errors);
    this.errors = errors;
  }

  public Map<String, String> errors() {
    return errors;
  }
}
