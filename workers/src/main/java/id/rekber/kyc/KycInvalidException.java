package id.rekber.kyc;

import java.util.Map;

/** The KYC form broke its rules; field → message code. Nothing was stored. */
class KycInvalidException extends RuntimeException {
  private final transient Map<String, String> errors;

  KycInvalidException(Map<String, String> errors) {
    super("KYC form invalid: " + errors.keySet());
    this.errors = errors;
  }

  Map<String, String> errors() {
    return errors;
  }
}
