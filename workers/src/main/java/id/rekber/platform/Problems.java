package id.rekber.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/** Builds RFC 7807 problem details whose title and detail are in the caller's language. */
@Component
public class Problems {
  /**
   * Request attribute naming the problem code for an error answered later by the error page
   * ({@code sendError}), when the status alone would say too little (e.g. {@code request.malformed}).
   */
  public static final String CODE_ATTRIBUTE = Problems.class.getName() + ".CODE";

  private final MessageSource messages;
  private final ObjectMapper json;

  Problems(MessageSource messages, ObjectMapper json) {
    this.messages = messages;
    this.json = json;
  }

  public ProblemDetail of(HttpStatus status, String code, Locale locale, Object... args) {
    Locale language = Languages.supported(locale);
    ProblemDetail problem = ProblemDetail.forStatus(status);
    problem.setType(URI.create("urn:rekber:problem:" + code));
    problem.setTitle(messages.getMessage("problem.title." + status.value(), null, status.getReasonPhrase(), language));
    problem.setDetail(messages.getMessage(code, args, code, language));
    problem.setProperty("code", code);
    return problem;
  }

  /**
   * The problem for a bare HTTP status (an error that arose outside a controller): code
   * {@code request.http-<status>}, with the generic client or server error text when that status
   * has no text of its own.
   */
  public ProblemDetail ofStatus(HttpStatus status, Locale locale) {
    ProblemDetail problem = of(status, "request.http-" + status.value(), locale);
    if (problem.getDetail().equals("request.http-" + status.value())) {
      String generic = status.is5xxServerError() ? "request.http-500" : "request.http-400";
      problem.setDetail(messages.getMessage(generic, null, generic, Languages.supported(locale)));
    }
    return problem;
  }

  /**
   * Whether an error is answered with a problem document rather than a page: on API paths always,
   * elsewhere unless the client asks for HTML (a browser). A path that could not be read counts as API.
   */
  public static boolean wantedFor(String path, String accept) {
    if (path == null || path.isEmpty() || path.equals("/api") || path.startsWith("/api/")) {
      return true;
    }
    return accept == null || !accept.contains("text/html");
  }

  /** The problem as JSON text (for writers outside Spring MVC: filters, the servlet container). */
  public String toJson(ProblemDetail problem) {
    try {
      return json.writeValueAsString(problem);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes the problem as the whole response, outside Spring MVC (filters, entry points). */
  public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.getOutputStream().write(toJson(problem).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
