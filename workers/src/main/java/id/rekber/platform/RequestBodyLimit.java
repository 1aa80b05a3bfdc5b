package id.rekber.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No request body above {@code rekber.http.max-body-size} (1 MB), except uploads: multipart bodies
 * have their own limits ({@code spring.servlet.multipart.*}, and per file in the KYC and evidence
 * code). A body that declares a larger Content-Length is refused with 413 {@code request.too-large}
 * before anything reads it, before authentication; a body without a length (chunked) is cut off
 * when the application reads past the limit, and answered the same way.
 */
@Configuration(proxyBeanMethods = false)
class RequestBodyLimit {

  @Bean
  FilterRegistrationBean<LimitFilter> requestBodyLimitFilter(@Value("${rekber.http.max-body-size:1MB}") DataSize limit) {
    FilterRegistrationBean<LimitFilter> registration = new FilterRegistrationBean<>(new LimitFilter(limit.toBytes()));
    // Before Spring Security and everything else: nothing reads an oversized body.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  /** Thrown when a body without a declared length grows past the limit while being read. */
  static final class BodyTooLargeException extends IOException {
    BodyTooLargeException(long limit) {
      super("request body larger than " + limit + " bytes");
    }
  }

  /** Whether an exception (or one of its causes) is a body cut off at the limit. */
  static boolean isBodyTooLarge(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof BodyTooLargeException) {
        return true;
      }
    }
    return false;
  }

  static final class LimitFilter extends OncePerRequestFilter {
    private final long limit;

    LimitFilter(long limit) {
      this.limit = limit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String type = request.getContentType();
      if (type != null && type.regionMatches(true, 0, "multipart/", 0, 10)) {
        chain.doFilter(request, response);
        return;
      }
      if (request.getContentLengthLong() > limit) {
        request.setAttribute(Problems.CODE_ATTRIBUTE, "request.too-large");
        response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        return;
      }
      chain.doFilter(request.getContentLengthLong() < 0 ? new Limited(request, limit) : request, response);
    }
  }

  /** A request whose body stops with {@link BodyTooLargeException} once more than the limit is read. */
  private static final class Limited extends HttpServletRequestWrapper {
    private final long limit;
    private ServletInputStream stream;

    Limited(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new CountingStream(super.getInputStream(), limit);
      }
      return stream;
    }
  }

  private static final class CountingStream extends ServletInputStream {
    private final ServletInputStream in;
    private final long limit;
    private long read;

    CountingStream(ServletInputStream in, long limit) {
      this.in = in;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws IOException {
      read += n;
      if (read > limit) {
        throw new BodyTooLargeException(limit);
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
