package id.rekber.singlenode;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.rekber.singlenode.InMemoryLogGuard.LogEntries;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.db.TransactionContext;
import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.process.test.api.RecordStreamSource;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.camunda.zeebe.stream.impl.state.DbKeyGenerator;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Zeebe engine as one long-lived bean that can be replaced by a fresh one on the same
 * port. zeebe-process-test-engine keeps its whole log in memory and never truncates it, so a
 * long-running single-node Rekber grows without bound; the application replaces the engine when the
 * log is big (platform {@code EngineRebase}) and rebuilds orchestration from PostgreSQL.
 *
 * <p>Everything that holds the engine ({@code TimeMachine}, the deal progress view) holds this
 * object, which delegates to the current engine. A replacement carries two things over:
 *
 * <ul>
 *   <li>the <em>key generator</em>: the new engine continues after the last key the old one handed
 *       out, so no job, task or instance key is ever reused (the inbox stores job keys, and a job of
 *       the old engine completed against the new one must find nothing);
 *   <li>the <em>clock offset</em> that {@link TimeMachine} applied, so timers of rebuilt instances
 *       fire when the application clock says they are due.
 * </ul>
 *
 * <p>The caller must make sure nothing talks to the engine while it is replaced (the application's
 * engine gate); clients see the port closed for a moment and reconnect.
 */
public final class EmbeddedEngine implements ZeebeTestEngine {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedEngine.class);
  private static final int PARTITION = 1;
  /** Keys the old engine might still hand out after we read its key generator (a timer firing). */
  private static final long KEY_MARGIN = 100_000;

  private final int port;
  private final AdjustableClock clock;
  private volatile ZeebeTestEngine current;
  private volatile LogEntries logEntries;
  private volatile RecordStreamSource records;
  private long generation;
  private long entriesBefore;
  private long bytesBefore;

  EmbeddedEngine(int port, AdjustableClock clock) {
    this.port = port;
    this.clock = clock;
  }

  @Override
  public synchronized void start() {
    if (current == null) {
      current = startEngine(-1);
      generation = 1;
    }
  }

  @Override
  public synchronized void stop() {
    if (current != null) {
      current.stop();
      current = null;
    }
  }

  /**
   * Stops the current engine and starts a fresh one on the same port, with the key generator and
   * the clock offset carried over. The new engine knows no process, decision or instance: deploy
   * and rebuild afterwards.
   */
  public synchronized void replace() {
    ZeebeTestEngine old = current;
    long entries = logEntries();
    long bytes = logBytes();
    try {
      old.waitForIdleState(Duration.ofSeconds(5));
    } catch (TimeoutException e) {
      log.warn("The old engine did not become idle within 5 s; replacing it anyway");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the engine", e);
    }
    long lastKey = lastKey(old);
    current = null;
    if (records instanceof LogRecordStream stream) {
      stream.detach(); // a reader still holding it (the deal progress view) must not keep the old log
    }
    records = null;
    old.stop();
    ZeebeTestEngine fresh = startEngine(lastKey < 0 ? -1 : lastKey + KEY_MARGIN);
    current = fresh;
    generation++;
    entriesBefore += entries;
    bytesBefore += bytes;
    log.info(
        "Replaced the embedded engine on port {} (generation {}): the old log held {} entries, {} MiB; keys continue after {}",
        port, generation, entries, bytes >> 20, lastKey);
  }

  /** Creates and starts an engine; retries while the port is still held by the one just stopped. */
  private ZeebeTestEngine startEngine(long firstKey) {
    RuntimeException failure = null;
    for (int attempt = 1; attempt <= 10; attempt++) {
      ZeebeTestEngine engine = EngineFactory.create(port);
      LogEntries guarded = InMemoryLogGuard.apply(engine);
      if (firstKey > 0) {
        continueKeysAfter(engine, firstKey);
      }
      long offset = clock.offset().toMillis();
      if (offset != 0) {
        engine.increaseTime(Duration.ofMillis(offset));
      }
      try {
        engine.start();
        logEntries = guarded;
        records = recordsOf(engine);
        return engine;
      } catch (RuntimeException e) {
        failure = e;
        stopQuietly(engine);
        log.info("Embedded engine did not start on port {} (attempt {}): {}", port, attempt, e.toString());
        sleep(Duration.ofMillis(200L * attempt));
      }
    }
    throw new IllegalStateException("the embedded engine could not start on port " + port, failure);
  }

  private static void stopQuietly(ZeebeTestEngine engine) {
    try {
      engine.stop();
    } catch (RuntimeException ignored) {
      // it never started
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The highest key the engine has generated, read from its state; -1 if that cannot be read. */
  static long lastKey(ZeebeTestEngine engine) {
    for (int attempt = 1; attempt <= 3; attempt++) {
      try {
        ZeebeDb<ZbColumnFamilies> db = database(engine);
        TransactionContext context = db.createContext();
        long[] key = new long[1];
        context.runInTransaction(() -> key[0] = new DbKeyGenerator(PARTITION, db, context).getCurrentKey());
        return key[0];
      } catch (Exception e) {
        // a concurrent write by the stream processor (a timer firing): read again
        log.debug("Could not read the engine's key generator (attempt {}): {}", attempt, e.toString());
      }
    }
    log.warn("Could not read the old engine's key generator; keys of the new engine may repeat old ones");
    return -1;
  }

  /** Sets the key generator of an engine that has not started yet, so its first key follows {@code key}. */
  static void continueKeysAfter(ZeebeTestEngine engine, long key) {
    try {
      ZeebeDb<ZbColumnFamilies> db = database(engine);
      TransactionContext context = db.createContext();
      context.runInTransaction(() -> new DbKeyGenerator(PARTITION, db, context).setKeyIfHigher(key));
    } catch (Exception e) {
      log.warn("Could not carry the key generator over to the new engine; its keys may repeat old ones: {}", e.toString());
    }
  }

  @SuppressWarnings("unchecked")
  private static ZeebeDb<ZbColumnFamilies> database(ZeebeTestEngine engine) throws ReflectiveOperationException {
    Field field = engine.getClass().getDeclaredField("database");
    field.setAccessible(true);
    return (ZeebeDb<ZbColumnFamilies>) field.get(engine);
  }

  /** The engine currently running (tests compare its own record stream with ours). */
  ZeebeTestEngine current() {
    return current;
  }

  /** Entries (batches of records) in the current engine's log. */
  public long logEntries() {
    LogEntries entries = logEntries;
    return entries == null ? 0 : entries.size();
  }

  /** Bytes held by the current engine's log entries (the buffers alone, not the index beside them). */
  public long logBytes() {
    LogEntries entries = logEntries;
    return entries == null ? 0 : entries.bytes();
  }

  /**
   * Records the engine's own record stream has copied out of its log (a second, bigger copy of the
   * log); 0 while the application reads the log through {@link LogRecordStream}.
   */
  public long recordCopies() {
    try {
      ZeebeTestEngine engine = current;
      if (engine == null) {
        return 0;
      }
      RecordStreamSource source = engine.getRecordStreamSource();
      Field records = source.getClass().getDeclaredField("records");
      records.setAccessible(true);
      return ((List<?>) records.get(source)).size();
    } catch (ReflectiveOperationException | RuntimeException e) {
      return -1;
    }
  }

  /** What the application's status page shows. */
  public synchronized Map<String, Long> status() {
    Map<String, Long> status = new LinkedHashMap<>();
    status.put("generation", generation);
    status.put("logEntries", logEntries());
    status.put("logBytes", logBytes());
    status.put("recordCopies", recordCopies());
    status.put("logEntriesOfReplacedEngines", entriesBefore);
    status.put("logBytesOfReplacedEngines", bytesBefore);
    return status;
  }

  /**
   * The current engine's records, read from its log when asked ({@link LogRecordStream}) rather than
   * through the engine's own stream, which keeps a copy of every record; none for the moment an
   * engine is being replaced.
   */
  @Override
  public RecordStreamSource getRecordStreamSource() {
    RecordStreamSource source = records;
    return source == null ? List::of : source;
  }

  private static RecordStreamSource recordsOf(ZeebeTestEngine engine) {
    try {
      Field field = engine.getClass().getDeclaredField("logStream");
      field.setAccessible(true);
      return new LogRecordStream((LogStream) field.get(engine));
    } catch (ReflectiveOperationException | RuntimeException e) {
      log.warn("Reading the engine's records through its own record stream, which copies every record: {}", e.toString());
      return engine.getRecordStreamSource();
    }
  }

  @Override
  @SuppressWarnings("deprecation")
  public ZeebeClient createClient() {
    return current.createClient();
  }

  @Override
  @SuppressWarnings("deprecation")
  public ZeebeClient createClient(ObjectMapper objectMapper) {
    return current.createClient(objectMapper);
  }

  @Override
  public String getGatewayAddress() {
    return current.getGatewayAddress();
  }

  /** Moves the current engine's clock; {@link TimeMachine} moves the application clock with it. */
  @Override
  public synchronized void increaseTime(Duration timeToAdd) {
    current.increaseTime(timeToAdd);
  }

  @Override
  public void waitForIdleState(Duration timeout) throws InterruptedException, TimeoutException {
    current.waitForIdleState(timeout);
  }

  @Override
  public void waitForBusyState(Duration timeout) throws InterruptedException, TimeoutException {
    current.waitForBusyState(timeout);
  }
}
