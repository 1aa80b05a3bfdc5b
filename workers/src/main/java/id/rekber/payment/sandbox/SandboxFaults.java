package id.rekber.payment.sandbox;

import id.rekber.platform.PaymentSandbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Faults a real provider has, switched on at will (demo and fault tests): down (every call answers
 * like HTTP 503), slow (every call waits), and notifications held back (queued, sent when released;
 * lost if the JVM dies, as a provider's retries would be from our point of view).
 */
@Component
@PaymentSandbox
public class SandboxFaults {
  private volatile boolean down;
  private volatile Duration latency = Duration.ZERO;
  private volatile boolean holdCallbacks;
  private final List<Runnable> held = new ArrayList<>();
  private final java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
  private final java.util.Set<String> droppedFromStatement = java.util.concurrent.ConcurrentHashMap.newKeySet();

  public State state() {
    return new State(down, latency.toMillis(), holdCallbacks, heldCount(), refused.get());
  }

  /** Sets the faults; releasing held callbacks sends the queued ones now. */
  public State set(boolean down, long latencyMillis, boolean holdCallbacks) {
    this.down = down;
    this.latency = Duration.ofMillis(Math.max(0, Math.min(latencyMillis, 60_000)));
    this.holdCallbacks = holdCallbacks;
    if (!holdCallbacks) {
      List<Runnable> release;
      synchronized (held) {
        release = new ArrayList<>(held);
        held.clear();
      }
      release.forEach(Runnable::run);
    }
    return state();
  }

  /** Called at the start of every provider operation. */
  void beforeCall() {
    if (!latency.isZero()) {
      try {
        Thread.sleep(latency);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (down) {
      refused.incrementAndGet();
      throw new ProviderUnavailableException();
    }
  }

  /** Sends now, or keeps it for later while callbacks are held. */
  void callback(Runnable send) {
    synchronized (held) {
      if (holdCallbacks) {
        held.add(send);
        return;
      }
    }
    send.run();
  }

  /**
   * The daily statement ({@link SandboxReports}) leaves this payout out, as a provider's report with
   * a missing line would: the books no longer agree with Rekber's ledger (reconciliation tests).
   */
  public void dropFromStatement(String payoutId) {
    droppedFromStatement.add(payoutId);
  }

  /** Statements are complete again. */
  public void completeStatements() {
    droppedFromStatement.clear();
  }

  boolean droppedFromStatement(String payoutId) {
    return droppedFromStatement.contains(payoutId);
  }

  private int heldCount() {
    synchronized (held) {
      return held.size();
    }
  }

  /** {@code refusedCalls}: calls answered "unavailable" since start-up. */
  public record State(boolean down, long latencyMillis, boolean holdCallbacks, int heldCallbacks, int refusedCalls) {}

  /** What a client of a provider sees when it answers 503. */
  public static class ProviderUnavailableException extends RuntimeException {
    ProviderUnavailableException() {
      super("sandbox provider unavailable (503)");
    }
  }
}
