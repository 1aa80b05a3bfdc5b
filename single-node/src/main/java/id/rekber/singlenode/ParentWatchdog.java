package id.rekber.singlenode;

import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a child server die with the JVM that started it, as far as the OS allows: a tiny shell
 * process polls the parent every second and, once it is gone (kill -9, OOM killer), stops the child
 * politely (Keycloak's kc.sh passes SIGTERM on to its JVM), then for good with its children. Linux has no portable "die with my parent" for a Java child, so this is
 * the first line; {@link LeftoverProcess} at the next start is the second.
 */
final class ParentWatchdog {
  private static final Logger log = LoggerFactory.getLogger(ParentWatchdog.class);
  private static final String SCRIPT =
      "while kill -0 \"$1\" 2>/dev/null; do sleep 1; done; "
          + "kill -TERM \"$2\" 2>/dev/null; "
          + "for i in $(seq 1 \"$3\"); do kill -0 \"$2\" 2>/dev/null || exit 0; sleep 1; done; "
          + "pkill -KILL -P \"$2\" 2>/dev/null; kill -KILL \"$2\" 2>/dev/null";

  private ParentWatchdog() {}

  /** Watches this JVM for {@code child}. */
  static void watch(long child, String what, int graceSeconds) {
    watch(ProcessHandle.current().pid(), child, what, graceSeconds);
  }

  static Process watch(long parent, long child, String what, int graceSeconds) {
    try {
      Process watchdog =
          new ProcessBuilder(List.of("sh", "-c", SCRIPT, "rekber-watchdog", Long.toString(parent), Long.toString(child), Integer.toString(graceSeconds)))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      log.debug("Watchdog {} stops {} (pid {}) if pid {} dies", watchdog.pid(), what, child, parent);
      return watchdog;
    } catch (IOException e) {
      log.warn("No watchdog for {} (pid {}): {}; a leftover is stopped at the next start", what, child, e.getMessage());
      return null;
    }
  }
}
