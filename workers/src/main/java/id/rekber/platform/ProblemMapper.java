package id.rekber.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import com.fasterxml.jackson.databind.JsonMappingException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place where errors become RFC 7807 problem details in the caller's language: domain
 * {@link Refusal}s, Spring MVC's own errors and optimistic-locking conflicts.
 */
@RestControllerAdvice
public class ProblemMapper extends ResponseEntityExceptionHandler {
  private final Problems problems;
  private final MessageSource messages;

  ProblemMapper(Problems problems, MessageSource messages) {
    this.problems = problems;
    this.messages = messages;
  }

  @ExceptionHandler(Refusal.class)
  ResponseEntity<ProblemDetail> handle(Refusal e, Locale locale, HttpServletRequest request) {
    noteConcealedReason(e, request);
    return respond(problemOf(e, locale));
  }

  /** Keeps the true reason of a concealed refusal on the request, where the audit filter finds it. */
  public static void noteConcealedReason(Refusal e, HttpServletRequest request) {
    if (e.concealed() != null) {
      request.setAttribute(Refusal.CONCEALED_REASON, e.concealed());
    }
  }

  public ProblemDetail problemOf(Refusal e, Locale locale) {
    return problems.of(statusOf(e), e.code(), locale, e.args());
  }

  public static HttpStatus statusOf(Refusal e) {
    return switch (e.kind()) {
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case CONFLICT -> HttpStatus.CONFLICT;
      case FORBIDDEN -> HttpStatus.FORBIDDEN;
      case INVALID -> HttpStatus.UNPROCESSABLE_ENTITY;
      case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
      case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
      case UNSUPPORTED_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
      case TOO_MANY_REQUESTS -> HttpStatus.TOO_MANY_REQUESTS;
    };
  }

  /**
   * A form submission that breaks its rules (a task form, a dispute form, a shipment): a 400 with a
   * message per field, as form-js shows it. Pages catch the exception themselves and show the
   * messages next to the fields.
   */
  @ExceptionHandler(FormInvalidException.class)
  ResponseEntity<ProblemDetail> handleInvalidFields(FormInvalidException e, Locale locale) {
    ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, "request.invalid", locale);
    Map<String, String> fields = new LinkedHashMap<>();
    e.errors().forEach((field, code) -> fields.put(field, messages.getMessage(code, null, code, Languages.supported(locale))));
    problem.setProperty("errors", fields);
    return ResponseEntity.badRequest().body(problem);
  }

  @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
  ResponseEntity<ProblemDetail> handleConcurrentChange(Locale locale) {
    return respond(problems.of(HttpStatus.CONFLICT, "request.concurrent-change", locale));
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    Locale locale = Languages.supported(LocaleContextHolder.getLocale());
    ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, "request.invalid", locale);
    Map<String, String> fields = new LinkedHashMap<>();
    e.getBindingResult()
        .getFieldErrors()
        .forEach(f -> fields.putIfAbsent(f.getField(), messages.getMessage(f, locale)));
    problem.setProperty("errors", fields);
    return ResponseEntity.badRequest().body(problem);
  }

  /**
   * A body that is not JSON, not UTF-8, of the wrong shape (an array where an object belongs, text
   * where a number belongs, a fraction or an overflowing number for whole rupiah), or with a NUL
   * character: 400 with the offending field under {@code errors} when Jackson knows it. A body
   * without a length cut off at the size limit: 413.
   */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    Locale locale = Languages.supported(LocaleContextHolder.getLocale());
    if (RequestBodyLimit.isBodyTooLarge(e)) {
      return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "request.too-large", locale));
    }
    boolean nul = NulCharacterGuard.isNulRefusal(e.getMostSpecificCause());
    ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, nul ? "request.text-nul" : "request.unreadable", locale);
    String field = e.getMostSpecificCause() instanceof JsonMappingException mapping ? fieldOf(mapping) : null;
    if (field != null) {
      String message = nul ? "request.text-nul" : "request.field-unreadable";
      problem.setProperty("errors", Map.of(field, messages.getMessage(message, null, message, locale)));
    }
    return ResponseEntity.badRequest().body(problem);
  }

  /** "price", "items[2].name": where in the body Jackson gave up; null at the top level. */
  private static String fieldOf(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference step : e.getPath()) {
      if (step.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(step.getFieldName());
      } else if (step.getIndex() >= 0) {
        path.append('[').append(step.getIndex()).append(']');
      }
    }
    // Field names come from the caller: keep them short and printable in the answer.
    String text = path.toString().replaceAll("[^\\p{Alnum}._\\[\\]-]", "?");
    return text.isEmpty() ? null : text.length() > 100 ? text.substring(0, 100) : text;
  }

  /** A multipart body Tomcat cannot parse (no boundary, truncated): 400, not a 500. */
  @ExceptionHandler(MultipartException.class)
  ResponseEntity<ProblemDetail> handleUnparsableMultipart(MultipartException e, Locale locale) {
    return respond(problems.of(HttpStatus.BAD_REQUEST, "request.multipart-invalid", locale));
  }

  @Override
  protected ResponseEntity<Object> createResponseEntity(
      Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
    if (body instanceof ProblemDetail detail && statusCode instanceof HttpStatus status) {
      Locale locale = Languages.supported(LocaleContextHolder.getLocale());
      ProblemDetail localized = problems.of(status, "request.http-" + status.value(), locale);
      if (detail.getDetail() != null && localized.getDetail().startsWith("request.http-")) {
        localized.setDetail(detail.getDetail());
      }
      return new ResponseEntity<>(localized, headers, statusCode);
    }
    return super.createResponseEntity(body, headers, statusCode, request);
  }

  private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus()).body(problem);
  }
}
