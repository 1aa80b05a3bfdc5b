package id.rekber.inbox;

import id.rekber.platform.Languages;
import id.rekber.platform.Problems;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A form submission that breaks its rules (a task form, a dispute form, a shipment): a 400 problem
 * with a message per field in the caller's language, as form-js shows it. Pages catch
 * {@link FormInvalidException} themselves and show the messages next to the fields.
 */
@RestControllerAdvice
class FormProblems {
  private final Problems problems;
  private final MessageSource messages;

  FormProblems(Problems problems, MessageSource messages) {
    this.problems = problems;
    this.messages = messages;
  }

  @ExceptionHandler(FormInvalidException.class)
  ResponseEntity<ProblemDetail> invalid(FormInvalidException e, Locale locale) {
    ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, "request.invalid", locale);
    Map<String, String> fields = new LinkedHashMap<>();
    e.errors().forEach((field, code) -> fields.put(field, messages.getMessage(code, null, code, Languages.supported(locale))));
    problem.setProperty("errors", fields);
    return ResponseEntity.badRequest().body(problem);
  }
}
