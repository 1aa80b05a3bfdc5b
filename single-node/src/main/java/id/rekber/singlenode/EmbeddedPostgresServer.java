package id.rekber.singlenode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL 17 from the zonky binaries artifact (Maven Central), run as a child process with its
 * data directory on disk.
 *
 * <p>We launch the binaries ourselves instead of through zonky's {@code EmbeddedPostgres} because
 * PostgreSQL refuses to run as root, and the build machines run as root: when we are root, the
 * server runs as the unprivileged {@code nobody} user through {@code setpriv}. See
 * docs/decisions.md.
 */
public class EmbeddedPostgresServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
  private static final String ARCHIVE = "postgres-linux-x86_64.txz";
  private static final String UNPRIVILEGED_ID = "65534";

  private final Path dataDirectory;
  private final Path binaryDirectory;
  private final int port;
  private final boolean root;
  private Process server;

  public EmbeddedPostgresServer(Path baseDirectory, Path binaryDirectory, int port) {
    this.dataDirectory = baseDirectory.resolve("pgdata").toAbsolutePath();
    this.binaryDirectory = binaryDirectory.toAbsolutePath();
    this.port = port;
    this.root = "root".equals(System.getProperty("user.name"));
  }

  public void start() {
    long started = System.nanoTime();
    try {
      Files.createDirectories(dataDirectory.getParent());
      extractBinaries();
      if (!Files.exists(dataDirectory.resolve("PG_VERSION"))) {
        initDatabase();
      }
      // A server of ours that outlived its application (kill -9) would keep the data directory.
      LeftoverProcess.stopIfOurs(dataDirectory.resolve("postmaster.pid"), dataDirectory.toString(), "PostgreSQL", Duration.ofSeconds(30));
      server =
          processBuilder(
                  binary("postgres"),
                  "-D", dataDirectory.toString(),
                  "-p", Integer.toString(port),
                  "-c", "listen_addresses=127.0.0.1",
                  "-c", "unix_socket_directories=",
                  "-c", "fsync=on",
                  "-c", "max_connections=100")
              .redirectErrorStream(true)
              .redirectOutput(dataDirectory.getParent().resolve("postgres.log").toFile())
              .start();
      ParentWatchdog.watch(server.pid(), "PostgreSQL", 30);
      awaitReady(Duration.ofSeconds(60));
      log.info(
          "Embedded PostgreSQL ready on 127.0.0.1:{} (data {}) in {} ms",
          port, dataDirectory, (System.nanoTime() - started) / 1_000_000);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start embedded PostgreSQL", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting PostgreSQL", e);
    }
  }

  public int port() {
    return port;
  }

  private void extractBinaries() throws IOException, InterruptedException {
    if (Files.exists(binaryDirectory.resolve("bin/postgres"))) {
      return;
    }
    Path partial = binaryDirectory.resolveSibling(binaryDirectory.getFileName() + ".partial");
    deleteRecursively(partial);
    Files.createDirectories(partial);
    try (InputStream archive = getClass().getClassLoader().getResourceAsStream(ARCHIVE)) {
      if (archive == null) {
        throw new IllegalStateException(ARCHIVE + " not on the classpath: add the zonky binaries");
      }
      Process tar = new ProcessBuilder("tar", "-xJf", "-", "-C", partial.toString()).start();
      try (var stdin = tar.getOutputStream()) {
        archive.transferTo(stdin);
      }
      if (tar.waitFor() != 0) {
        throw new IOException("tar failed: " + new String(tar.getErrorStream().readAllBytes()));
      }
    }
    Files.move(partial, binaryDirectory);
  }

  private void initDatabase() throws IOException, InterruptedException {
    Files.createDirectories(dataDirectory);
    handOverToServerUser(dataDirectory.getParent());
    run(
        binary("initdb"),
        "-D", dataDirectory.toString(),
        "-U", "postgres",
        "-A", "trust",
        "-E", "UTF-8",
        "--locale=C");
  }

  private void handOverToServerUser(Path directory) throws IOException, InterruptedException {
    if (root) {
      Process chown =
          new ProcessBuilder("chown", "-R", UNPRIVILEGED_ID + ":" + UNPRIVILEGED_ID, directory.toString())
              .redirectErrorStream(true)
              .start();
      if (chown.waitFor() != 0) {
        throw new IOException("chown failed: " + new String(chown.getInputStream().readAllBytes()));
      }
    }
  }

  private void awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    SQLException last = null;
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) {
        throw new IllegalStateException(
            "PostgreSQL exited with " + server.exitValue() + "; see " + dataDirectory.getParent().resolve("postgres.log"));
      }
      try (var ignored = DriverManager.getConnection(url, "postgres", "")) {
        return;
      } catch (SQLException e) {
        last = e;
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("PostgreSQL did not become ready in " + timeout, last);
  }

  @Override
  public void close() {
    if (server == null || !server.isAlive()) {
      return;
    }
    try {
      run(binary("pg_ctl"), "-D", dataDirectory.toString(), "stop", "-m", "fast", "-w");
      server.waitFor(30, TimeUnit.SECONDS);
    } catch (IOException | RuntimeException e) {
      log.warn("pg_ctl stop failed, killing PostgreSQL", e);
      server.destroy();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      server.destroy();
    }
  }

  private String binary(String name) {
    return binaryDirectory.resolve("bin").resolve(name).toString();
  }

  private ProcessBuilder processBuilder(String... command) {
    List<String> full = new ArrayList<>();
    if (root) {
      full.addAll(
          List.of("setpriv", "--reuid=" + UNPRIVILEGED_ID, "--regid=" + UNPRIVILEGED_ID, "--clear-groups", "--"));
    }
    full.addAll(List.of(command));
    ProcessBuilder builder = new ProcessBuilder(full);
    builder.environment().put("LC_ALL", "C");
    return builder;
  }

  private void run(String... command) throws IOException, InterruptedException {
    Process process = processBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + output);
    }
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (var paths = Files.walk(path)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
