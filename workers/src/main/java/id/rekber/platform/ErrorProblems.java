package id.rekber.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The error page, for errors that happen outside a controller: a request the security firewall
 * rejects, {@code sendError} from a filter or from the servlet container (405 for TRACE, an
 * oversized body), an exception escaping a filter. Replaces Spring Boot's error controller, whose
 * JSON is not a problem document: API paths (and clients that do not ask for HTML) get an RFC 7807
 * problem with a stable code in their language, whatever their Accept header says; browsers get the
 * portal's error page.
 */
@Controller
class ErrorProblems implements ErrorController {
  private final Problems problems;

  ErrorProblems(Problems problems) {
    this.problems = problems;
  }

  @RequestMapping("${server.error.path:${error.path:/error}}")
  Object error(HttpServletRequest request) {
    HttpStatus status = statusOf(request);
    String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (Problems.wantedFor(uri, request.getHeader("Accept"))) {
      ProblemDetail problem = request.getAttribute(Problems.CODE_ATTRIBUTE) instanceof String code
          ? problems.of(status, code, Languages.of(request))
          : problems.ofStatus(status, Languages.of(request));
      // Content type set here: a problem is sent even to a client whose Accept header excludes it (406).
      return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
    String view = switch (status) {
      case NOT_FOUND -> "error/404";
      case FORBIDDEN -> "error/403";
      default -> "error/error";
    };
    ModelAndView page = new ModelAndView(view, status);
    page.addObject("status", status.value());
    if (request.getAttribute(Problems.CODE_ATTRIBUTE) instanceof String code) {
      page.addObject("detail", problems.of(status, code, LocaleContextHolder.getLocale()).getDetail());
    }
    return page;
  }

  private static HttpStatus statusOf(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = code instanceof Integer number ? HttpStatus.resolve(number) : null;
    return status == null || status.value() < 400 ? HttpStatus.INTERNAL_SERVER_ERROR : status;
  }
}
