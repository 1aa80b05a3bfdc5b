package id.rekber.platform;

/**
 * A business refusal the caller can understand: what kind of "no" it is and a message code with
 * its arguments (resolved in the caller's language). Domain code throws it; only the web edge
 * ({@link ProblemMapper}, the page controllers) decides how it is shown.
 */
public class Refusal extends RuntimeException {
  /**
   * Request attribute holding the true reason of a {@linkplain #concealed() concealed} refusal once
   * the web edge has answered it, for the audit trail (the caller never sees it).
   */
  public static final String CONCEALED_REASON = Refusal.class.getName() + ".CONCEALED_REASON";

  /** What kind of refusal; the web edge maps each to an HTTP status. */
  public enum Kind {
    NOT_FOUND,
    CONFLICT,
    FORBIDDEN,
    INVALID,
    UNAUTHENTICATED,
    TOO_LARGE,
    UNSUPPORTED_TYPE,
    TOO_MANY_REQUESTS
  }

  private final Kind kind;
  private final String code;
  private final transient Object[] args;
  private final String concealed;

  public Refusal(Kind kind, String code, Object... args) {
    this(kind, code, null, args);
  }

  private Refusal(Kind kind, String code, String concealed, Object... args) {
    super(concealed == null ? code : code + " (" + concealed + ")");
    this.kind = kind;
    this.code = code;
    this.concealed = concealed;
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

  /**
   * The true reason when the caller is told something vaguer on purpose (a foreign deal answers like
   * an unknown one, so ids cannot be probed); null otherwise. Only the audit trail records it.
   */
  public String concealed() {
    return concealed;
  }

  public static Refusal notFound(String code, Object... args) {
    return new Refusal(Kind.NOT_FOUND, code, args);
  }

  /**
   * "Not found" for something that exists but is not the caller's: the same answer as for something
   * that does not exist, with the true reason kept for the audit trail.
   */
  public static Refusal notFoundConcealing(String reason, String code, Object... args) {
    return new Refusal(Kind.NOT_FOUND, code, reason, args);
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
