package id.rekber.web;

import id.rekber.platform.ProblemMapper;
import id.rekber.platform.Languages;
import id.rekber.platform.Problems;
import id.rekber.platform.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Refusals on pages become friendly pages in the layout (error/404, error/403, error/error) in the
 * user's language; API calls and script endpoints keep getting RFC 7807 problems.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {
  private final Problems problems;
  private final MessageSource messages;

  PageErrors(Problems problems, MessageSource messages) {
    this.problems = problems;
    this.messages = messages;
  }

  @ExceptionHandler(Refusal.class)
  Object refused(Refusal e, HttpServletRequest request, Locale locale) {
    ProblemMapper.noteConcealedReason(e, request);
    if (!isPage(request)) {
      ProblemDetail problem = problems.of(ProblemMapper.statusOf(e), e.code(), locale, e.args());
      return ResponseEntity.status(problem.getStatus()).body(problem);
    }
    return page(ProblemMapper.statusOf(e), messages.getMessage(e.code(), e.args(), e.code(), Languages.supported(locale)));
  }

  @ExceptionHandler(NoResourceFoundException.class)
  Object notFound(HttpServletRequest request, Locale locale) {
    if (!isPage(request)) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problems.of(HttpStatus.NOT_FOUND, "request.http-404", locale));
    }
    return page(HttpStatus.NOT_FOUND, null);
  }

  static ModelAndView page(HttpStatus status, String message) {
    String view = switch (status) {
      case NOT_FOUND -> "error/404";
      case FORBIDDEN -> "error/403";
      default -> "error/error";
    };
    ModelAndView page = new ModelAndView(view, status);
    page.addObject("status", status.value());
    page.addObject("detail", message);
    return page;
  }

  /** A page controller (no @ResponseBody), or a browser asking for a path outside the API. */
  private static boolean isPage(HttpServletRequest request) {
    Object handler = request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE);
    if (handler instanceof HandlerMethod method) {
      return !method.hasMethodAnnotation(ResponseBody.class)
          && !AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class);
    }
    String accept = request.getHeader("Accept");
    return !request.getRequestURI().startsWith("/api/") && accept != null && accept.contains("text/html");
  }
}
