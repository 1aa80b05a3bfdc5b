package id.rekber.platform;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Container;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Errors Tomcat answers itself, before the request reaches the application: a NUL character,
 * invalid percent-encoding or invalid UTF-8 in the path, a malformed request line or header. By
 * default Tomcat's error report valve answers those with an HTML page naming the Tomcat version.
 * This valve answers them like every other API error: an RFC 7807 problem with code
 * {@code request.malformed} in the caller's language. Browsers asking for HTML get a plain page
 * without server details.
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrorProblems {

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports(Problems problems) {
    // The context is given its host before the context customizers run; the host is not started yet.
    return factory -> factory.addContextCustomizers(context -> {
      Container parent = context.getParent();
      if (parent instanceof StandardHost host) {
        ProblemReportValve valve = new ProblemReportValve(problems);
        host.getPipeline().addValve(valve);
        // Tells the host that its error report valve is there, so it does not add Tomcat's own.
        host.setErrorReportValveClass(ProblemReportValve.class.getName());
      } else {
        throw new IllegalStateException("Expected the Tomcat context's parent to be a StandardHost, was " + parent);
      }
    });
  }

  /** Tomcat's error report valve, answering with problem documents. */
  static final class ProblemReportValve extends ErrorReportValve {
    private final Problems problems;

    ProblemReportValve(Problems problems) {
      this.problems = problems;
      setShowReport(false);
      setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      if (!wantsProblem(request)) {
        super.report(request, response, throwable);
        return;
      }
      // As Tomcat's own report: only for errors, only if nothing was written, only once.
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      AtomicBoolean ioAllowed = new AtomicBoolean(true);
      response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
      if (!ioAllowed.get()) {
        return;
      }
      HttpStatus known = HttpStatus.resolve(status);
      HttpStatus answer = known == null ? HttpStatus.BAD_REQUEST : known;
      try {
        ProblemDetail problem = answer == HttpStatus.BAD_REQUEST
            ? problems.of(answer, "request.malformed", languageOf(request))
            : problems.ofStatus(answer, languageOf(request));
        response.setStatus(answer.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        Writer writer = response.getReporter();
        if (writer != null) {
          writer.write(problems.toJson(problem));
          response.finishResponse();
        }
      } catch (IOException | RuntimeException e) {
        // The client went away, or the response cannot take a body any more: nothing more to say.
      }
    }

    private static java.util.Locale languageOf(Request request) {
      try {
        return Languages.of(request);
      } catch (RuntimeException unreadableHeaders) {
        return Languages.INDONESIAN;
      }
    }

    /** API paths, and anyone who does not ask for HTML (a request whose path could not be read included). */
    private static boolean wantsProblem(Request request) {
      String uri;
      String accept;
      try {
        uri = request.getRequestURI();
        accept = request.getHeader("Accept");
      } catch (RuntimeException unreadable) {
        return true;
      }
      return Problems.wantedFor(uri, accept);
    }
  }
}
