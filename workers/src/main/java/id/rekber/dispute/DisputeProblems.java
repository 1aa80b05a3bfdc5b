package id.rekber.dispute;

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

/** A member's form that broke its rules: 400 with {@code errors} (field → readable message), as form-js shows it. */
@RestControllerAdvice(assignableTypes = DisputeController.class)
class DisputeProblems {
  private final Problems problems;
  private final MessageSource messages;

  DisputeProblems(Problems problems, MessageSource messages) {
    this.problems = problems;
    this.messages = messages;
  }

  @ExceptionHandler(FormErrors.class)
  ResponseEntity<ProblemDetail> invalid(FormErrors e, Locale locale) {
    ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, "request.invalid", locale);
    Map<String, String> fields = new LinkedHashMap<>();
    e.errors().forEach((field, code) -> fields.put(field, messages.getMessage(code, null, code, id.rekber.platform.Languages.supported(locale))));
    problem.setProperty("errors", fields);
    return ResponseEntity.badRequest().body(problem);
  }
}
