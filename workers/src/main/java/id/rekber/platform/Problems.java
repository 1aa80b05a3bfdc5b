package id.rekber.platform;

import java.net.URI;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/** Builds RFC 7807 problem details whose title and detail are in the caller's language. */
@Component
public class Problems {
  private final MessageSource messages;

  Problems(MessageSource messages) {
    this.messages = messages;
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
}
