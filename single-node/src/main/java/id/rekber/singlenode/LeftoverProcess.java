package id.rekber.singlenode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A child server (Keycloak, PostgreSQL) that outlived the application, e.g. after {@code kill -9}
 * or a power cut of the JVM only. Each server's pid is kept in a file under the data directory;
 * the next start stops the process it names, but only when it is still alive and its command line
 * shows it is ours (it names our data directory), so a reused pid is never touched.
 */
final class LeftoverProcess {
  private static final Logger log = LoggerFactory.getLogger(LeftoverProcess.class);

  private LeftoverProcess() {}

  /** Remembers the pid of a server we just started. */
  static void record(Path pidFile, long pid) {
    try {
      Files.createDirectories(pidFile.getParent());
      Files.writeString(pidFile, pid + "\n", StandardCharsets.US_ASCII);
    } catch (IOException e) {
      log.warn("Could not write {}: {}", pidFile, e.getMessage());
    }
  }

  /**
   * Stops the process named in {@code pidFile} (and its children) if it is alive and its command
   * line contains {@code marker}; returns whether one was stopped. Asks politely, then kills.
   */
  static boolean stopIfOurs(Path pidFile, String marker, String what, Duration grace) {
    Optional<ProcessHandle> found = pidIn(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
    if (found.isEmpty() || !commandLine(found.get()).contains(marker)) {
      return false;
    }
    ProcessHandle leftover = found.get();
    log.warn("Stopping a {} left over from an earlier run (pid {}, {})", what, leftover.pid(), pidFile);
    List<ProcessHandle> tree = new ArrayList<>(leftover.descendants().toList());
    tree.add(leftover);
    tree.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + grace.toNanos();
    for (ProcessHandle handle : tree) {
      try {
        handle.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (Exception stillRunning) {
        handle.destroyForcibly();
      }
    }
    tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    tree.forEach(handle -> handle.onExit().join());
    return true;
  }

  private static Optional<Long> pidIn(Path pidFile) {
    try {
      String first = Files.readAllLines(pidFile, StandardCharsets.US_ASCII).stream().findFirst().orElse("").trim();
      return first.matches("\\d{1,10}") ? Optional.of(Long.parseLong(first)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The full command line; read from /proc where ProcessHandle cannot see it (another user's process). */
  private static String commandLine(ProcessHandle process) {
    Optional<String> viaInfo = process.info().commandLine();
    if (viaInfo.isPresent()) {
      return viaInfo.get();
    }
    try {
      return new String(Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline")), StandardCharsets.UTF_8)
          .replace('\0', ' ');
    } catch (IOException e) {
      return "";
    }
  }
}
