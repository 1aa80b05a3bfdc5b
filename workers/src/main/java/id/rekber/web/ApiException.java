package id.rekber.web;

import org.springframework.http.HttpStatus;

/** A refusal the caller can understand: an HTTP status and a message code with arguments. */
public class ApiException extends RuntimeException {
  private final HttpStatus status;
  private final String code;
  private final transient Object[] args;

  public ApiException(HttpStatus status, String code, Object... args) {
    super(code);
    this.status = status;
    this.code = code;
    this.args = args;
  }

  public HttpStatus status() {
    return status;
  }

  public String code() {
    return code;
  }

  public Object[] args() {
    return args;
  }

  public static ApiException notFound(String code, Object... args) {
    return new ApiException(HttpStatus.NOT_FOUND, code, args);
  }

  public static ApiException conflict(String code, Object... args) {
    return new ApiException(HttpStatus.CONFLICT, code, args);
  }

  public static ApiException forbidden(String code, Object... args) {
    return new ApiException(HttpStatus.FORBIDDEN, code, args);
  }

  public static ApiException invalid(String code, Object... args) {
    return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, code, args);
  }
}
