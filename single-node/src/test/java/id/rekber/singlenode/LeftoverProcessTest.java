package id.rekber.singlenode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server left over from a crashed run is stopped on the next start, and nothing else is. */
class LeftoverProcessTest {
  @TempDir Path dataDir;
  private Process server;

  @AfterEach
  void cleanUp() {
    if (server != null) {
      server.descendants().forEach(ProcessHandle::destroyForcibly);
      server.destroyForcibly();
    }
  }

  @Test
  void aLeftoverServerOfOursIsStoppedWithItsChildren() throws Exception {
    String marker = dataDir.resolve("transaction-logs").toString();
    server = new ProcessBuilder("sh", "-c", "sleep 300 & wait", marker).start();
    Path pidFile = dataDir.resolve("server.pid");
    LeftoverProcess.record(pidFile, server.pid());
    awaitChild();
    ProcessHandle child = server.descendants().findFirst().orElseThrow();

    assertThat(LeftoverProcess.stopIfOurs(pidFile, marker, "test server", Duration.ofSeconds(5))).isTrue();

    assertThat(server.isAlive()).isFalse();
    assertThat(child.isAlive()).isFalse();
  }

  @Test
  void aProcessThatIsNotOursIsLeftAlone() throws Exception {
    server = new ProcessBuilder("sh", "-c", "sleep 300", "someone-else-" + UUID.randomUUID()).start();
    Path pidFile = dataDir.resolve("server.pid");
    LeftoverProcess.record(pidFile, server.pid());

    assertThat(LeftoverProcess.stopIfOurs(pidFile, dataDir.toString(), "test server", Duration.ofSeconds(5))).isFalse();
    assertThat(server.isAlive()).isTrue();
  }

  @Test
  void aMissingStaleOrGarbledPidFileIsIgnored() throws Exception {
    Path pidFile = dataDir.resolve("server.pid");
    assertThat(LeftoverProcess.stopIfOurs(pidFile, "x", "test server", Duration.ofSeconds(1))).isFalse();
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    LeftoverProcess.record(pidFile, gone.pid());
    assertThat(LeftoverProcess.stopIfOurs(pidFile, "", "test server", Duration.ofSeconds(1))).isFalse();
    Files.writeString(pidFile, "not a pid\n");
    assertThat(LeftoverProcess.stopIfOurs(pidFile, "", "test server", Duration.ofSeconds(1))).isFalse();
  }

  /** The shell forks its child a moment after it starts. */
  private void awaitChild() {
    await().atMost(Duration.ofSeconds(5)).until(() -> server.descendants().findAny().isPresent());
  }
}
