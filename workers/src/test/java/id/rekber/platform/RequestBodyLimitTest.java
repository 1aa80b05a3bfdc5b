package id.rekber.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Bodies above the limit are refused before anything reads them, or cut off while being read. */
class RequestBodyLimitTest {
  private final RequestBodyLimit.LimitFilter filter = new RequestBodyLimit.LimitFilter(1000);

  @Test
  void aDeclaredOversizedBodyIsRefusedUnread() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/deals");
    request.setContentType("application/json");
    request.setContent(new byte[1001]);
    MockHttpServletResponse response = new MockHttpServletResponse();
    AtomicReference<ServletRequest> passed = new AtomicReference<>();
    filter.doFilter(request, response, (req, res) -> passed.set(req));
    assertThat(passed.get()).as("the chain never sees it").isNull();
    assertThat(response.getStatus()).isEqualTo(413);
    assertThat(request.getAttribute(Problems.CODE_ATTRIBUTE)).isEqualTo("request.too-large");
  }

  @Test
  void uploadsKeepTheirOwnLimits() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/kyc/submissions");
    request.setContentType("multipart/form-data; boundary=x");
    request.setContent(new byte[5000]);
    AtomicReference<ServletRequest> passed = new AtomicReference<>();
    filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> passed.set(req));
    assertThat(passed.get()).isSameAs(request);
  }

  @Test
  void aBodyWithoutLengthIsCutOffAtTheLimit() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/deals") {
      @Override
      public long getContentLengthLong() {
        return -1; // chunked
      }
    };
    request.setContentType("application/json");
    request.setContent(new byte[1500]);
    AtomicReference<ServletRequest> passed = new AtomicReference<>();
    filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> passed.set(req));
    HttpServletRequest limited = (HttpServletRequest) passed.get();
    byte[] buffer = new byte[600];
    assertThat(limited.getInputStream().read(buffer)).isEqualTo(600);
    assertThatThrownBy(() -> limited.getInputStream().read(buffer))
        .satisfies(e -> assertThat(RequestBodyLimit.isBodyTooLarge(new RuntimeException(e))).isTrue());
  }
}
