package id.rekber.singlenode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Real processes: a child outlives its parent only until the watchdog notices. */
class ParentWatchdogTest {
  @Test
  void aChildIsStoppedWhenItsParentIsKilled() throws Exception {
    Process parent = new ProcessBuilder("sleep", "300").start();
    Process child = new ProcessBuilder("sleep", "300").start();
    Process watchdog = ParentWatchdog.watch(parent.pid(), child.pid(), "a sleeping child", 5);
    try {
      assertThat(watchdog).isNotNull();
      assertThat(child.isAlive()).isTrue();

      parent.destroyForcibly(); // kill -9
      parent.waitFor(); // reaped, as init reaps a dead JVM (a zombie would still answer kill -0)

      await().atMost(Duration.ofSeconds(15)).until(() -> !child.isAlive());
      await().atMost(Duration.ofSeconds(15)).until(() -> !watchdog.isAlive());
    } finally {
      parent.destroyForcibly();
      child.destroyForcibly();
    }
  }

  @Test
  void aChildIsLeftAloneWhileItsParentLives() throws Exception {
    Process parent = new ProcessBuilder("sleep", "300").start();
    Process child = new ProcessBuilder("sleep", "300").start();
    Process watchdog = ParentWatchdog.watch(parent.pid(), child.pid(), "a sleeping child", 5);
    try {
      // The watchdog is polling, and the child is still there after several of its rounds.
      await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> watchdog.isAlive());
      assertThat(child.isAlive()).isTrue();
    } finally {
      parent.destroyForcibly();
      child.destroyForcibly();
      watchdog.destroyForcibly();
    }
  }
}
