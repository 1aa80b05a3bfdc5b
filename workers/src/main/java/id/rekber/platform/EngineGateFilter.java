package id.rekber.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The HTTP side of {@link EngineGate}: a state-changing request (anything but GET, HEAD, OPTIONS,
 * TRACE) waits before it touches anything while the embedded engine is replaced, at most
 * {@code rekber.engine-rebase.max-hold}; then it is answered 503 with {@code Retry-After}. Reading
 * is never held. Registered by {@link EngineRebase}, ahead of the security filters.
 */
class EngineGateFilter extends OncePerRequestFilter {
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private final EngineGate gate;
  private final Duration maxHold;

  EngineGateFilter(EngineGate gate, Duration maxHold) {
    this.gate = gate;
    this.maxHold = maxHold;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    // The admin's own rebase request must not wait for itself.
    return SAFE.contains(request.getMethod()) || request.getRequestURI().startsWith(EngineController.PATH);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean entered;
    try {
      entered = gate.enterRequest(maxHold);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      entered = false;
    }
    if (!entered) {
      response.setHeader("Retry-After", "5");
      response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "The workflow engine is being replaced; try again in a few seconds.");
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      gate.exitRequest();
    }
  }
}
