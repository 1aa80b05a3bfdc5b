package id.rekber.platform;

/**
 * A business refusal the caller can understand: what kind of "no" it is and a message code with
 * its arguments (resolved in the caller's language). Domain code throws it; only the web edge
 * ({@link ProblemMapper}, the page controllers) decides how it is shown.
 */
public class Refusal extends RuntimeException {
  /** What kind of refusal; the web edge maps each to an HTTP status. */
  public enum Kind {
    NOT_FOUND,
    CONFLICT,
    FORBIDDEN,
    INVALID,
    UNAUTHENTICATED,
    TOO_LARGE,
    UNSUPPORTED_TYPE
  }

  private final Kind kind;
  private final String code;
  private final transient Object[] args;

  public Refusal(Kind kind, String code, Object... args) {
    super(code);
    this.kind = kind;
    this.code = code;
    this.args = args;
  }

  public Kind kind() {
    return kind;
  }

  public String code() {
    return code;
  }

  public Object[] args() {
    return args;
  }

  public static Refusal notFound(String code, Object... args) {
    return new Refusal(Kind.NOT_FOUND, code, args);
  }

  public static Refusal conflict(String code, Object... args) {
    return new Refusal(Kind.CONFLICT, code, args);
  }

  public static Refusal forbidden(String code, Object... args) {
    return new Refusal(Kind.FORBIDDEN, code, args);
  }

  public static Refusal invalid(String code, Object... args) {
    return new Refusal(Kind.INVALID, code, args);
  }

  public static Refusal unauthenticated(String code, Object... args) {
    return new Refusal(Kind.UNAUTHENTICATED, code, args);
  }

  public static Refusal tooLarge(String code, Object... args) {
    return new Refusal(Kind.TOO_LARGE, code, args);
  }

  public static Refusal unsupportedType(String code, Object... args) {
    return new Refusal(Kind.UNSUPPORTED_TYPE, code, args);
  }
}
