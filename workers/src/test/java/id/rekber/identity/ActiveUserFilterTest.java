package id.rekber.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import id.rekber.identity.KeycloakUserStatus.Status;
import id.rekber.platform.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** What the user check does with each answer Keycloak gives, in the API and on the web. */
class ActiveUserFilterTest {
  private final Problems problems = mock(Problems.class);

  ActiveUserFilterTest() throws Exception {
    when(problems.of(any(), any(), any())).thenAnswer(call -> {
      ProblemDetail problem = ProblemDetail.forStatus((HttpStatus) call.getArgument(0));
      problem.setProperty("code", call.getArgument(1));
      return problem;
    });
    doAnswer(call -> {
      ((HttpServletResponse) call.getArgument(0)).setStatus(((ProblemDetail) call.getArgument(1)).getStatus());
      return null;
    }).when(problems).write(any(), any());
  }

  @AfterEach
  void signOut() {
    SecurityContextHolder.clearContext();
  }

  /** A user check that answers as told, without Keycloak. */
  private static KeycloakUserStatus answering(Status status) {
    return new KeycloakUserStatus("http://127.0.0.1:1/realms/rekber",
        new UserCheckProperties(true, "rekber-app", "x", Duration.ofSeconds(15), Duration.ofSeconds(1)), System::nanoTime) {
      @Override
      Status of(String subject) {
        assertThat(subject).isEqualTo("user-1");
        return status;
      }
    };
  }

  private static void signedInWithToken() {
    Jwt jwt = new Jwt("t", Instant.now(), Instant.now().plusSeconds(300), Map.of("alg", "RS256"), Map.of("sub", "user-1"));
    SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt, List.of()));
  }

  private static boolean passes(ActiveUserFilter filter, MockHttpServletRequest request, MockHttpServletResponse response) throws Exception {
    AtomicBoolean passed = new AtomicBoolean();
    filter.doFilter(request, response, (req, res) -> passed.set(true));
    return passed.get();
  }

  @Test
  void anActiveUserGoesOn() throws Exception {
    signedInWithToken();
    MockHttpServletResponse response = new MockHttpServletResponse();
    assertThat(passes(new ActiveUserFilter(answering(Status.ACTIVE), problems, true), new MockHttpServletRequest("POST", "/api/deals"), response)).isTrue();
  }

  @Test
  void aDisabledOrDeletedUserGets401InTheApi() throws Exception {
    signedInWithToken();
    MockHttpServletResponse response = new MockHttpServletResponse();
    assertThat(passes(new ActiveUserFilter(answering(Status.INACTIVE), problems, true), new MockHttpServletRequest("GET", "/api/me"), response)).isFalse();
    assertThat(response.getStatus()).isEqualTo(401);
    assertThat(response.getHeader("WWW-Authenticate")).contains("invalid_token");
    verify(problems).of(eq(HttpStatus.UNAUTHORIZED), eq("auth.account-inactive"), any());
  }

  @Test
  void aDisabledUsersWebSessionEndsAndTheBrowserGoesToLogin() throws Exception {
    signedInWithToken();
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/deals");
    MockHttpSession session = new MockHttpSession();
    request.setSession(session);
    MockHttpServletResponse response = new MockHttpServletResponse();
    assertThat(passes(new ActiveUserFilter(answering(Status.INACTIVE), problems, false), request, response)).isFalse();
    assertThat(session.isInvalid()).isTrue();
    assertThat(response.getRedirectedUrl()).isEqualTo("/oauth2/authorization/keycloak");
  }

  @Test
  void whenKeycloakCannotSayReadsGoOnAndChangesAreRefused() throws Exception {
    signedInWithToken();
    ActiveUserFilter api = new ActiveUserFilter(answering(Status.UNKNOWN), problems, true);
    for (String safe : List.of("GET", "HEAD", "OPTIONS")) {
      assertThat(passes(api, new MockHttpServletRequest(safe, "/api/deals/RB-1"), new MockHttpServletResponse())).as(safe).isTrue();
    }
    for (String change : List.of("POST", "PUT", "PATCH", "DELETE")) {
      MockHttpServletResponse response = new MockHttpServletResponse();
      assertThat(passes(api, new MockHttpServletRequest(change, "/api/deals/RB-1/accept-goods"), response)).as(change).isFalse();
      assertThat(response.getStatus()).isEqualTo(503);
      assertThat(response.getHeader("Retry-After")).isEqualTo("5");
    }
    verify(problems, org.mockito.Mockito.times(4)).of(eq(HttpStatus.SERVICE_UNAVAILABLE), eq("auth.identity-unavailable"), any());

    MockHttpServletRequest form = new MockHttpServletRequest("POST", "/deals/RB-1/accept-goods");
    MockHttpServletResponse page = new MockHttpServletResponse();
    assertThat(passes(new ActiveUserFilter(answering(Status.UNKNOWN), problems, false), form, page)).isFalse();
    assertThat(page.getStatus()).as("the error page says why").isEqualTo(503);
    assertThat(form.getAttribute(Problems.CODE_ATTRIBUTE)).isEqualTo("auth.identity-unavailable");
  }

  @Test
  void requestsWithoutASignedInUserAreNotChecked() throws Exception {
    ActiveUserFilter filter = new ActiveUserFilter(answering(Status.INACTIVE), problems, true);
    assertThat(passes(filter, new MockHttpServletRequest("POST", "/api/webhooks/sandbox/payments"), new MockHttpServletResponse())).isTrue();
    verify(problems, never()).write(any(), any());
  }
}
