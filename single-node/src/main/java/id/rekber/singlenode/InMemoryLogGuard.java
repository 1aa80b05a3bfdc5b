package id.rekber.singlenode;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.ByteBuffer;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * Works around a data race in zeebe-process-test-engine 8.8's {@code InMemoryLogStorage}: it keeps
 * log entries in a plain {@code ArrayList} that gRPC threads append to while the stream processor
 * reads it, and under concurrent load the processor can read a half-published entry and die
 * (NullPointerException in {@code ListLogStorageReader.next}; every engine call then times out).
 * Before the engine starts, the list is swapped for a synchronized one that also counts what it
 * holds ({@link LogEntries}), which is how {@link EmbeddedEngine} knows when to replace the engine.
 * Found by walking the engine's object graph, so a version that fixes or renames the class makes
 * this a logged no-op.
 */
final class InMemoryLogGuard {
  private static final String STORAGE_CLASS = "io.camunda.zeebe.process.test.engine.InMemoryLogStorage";
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(InMemoryLogGuard.class);

  private InMemoryLogGuard() {}

  /** Guards the engine's log; returns the guarded entries, or null if the log was not found. */
  static LogEntries apply(Object engine) {
    Object storage = find(engine, new IdentityHashMap<>(), 0);
    if (storage == null) {
      log.warn("In-memory log storage not found; the engine's log is left as it is");
      return null;
    }
    try {
      Field entries = storage.getClass().getDeclaredField("logEntries");
      entries.setAccessible(true);
      @SuppressWarnings("unchecked")
      List<ByteBuffer> current = (List<ByteBuffer>) entries.get(storage);
      if (current instanceof LogEntries guarded) {
        return guarded;
      }
      LogEntries guarded;
      synchronized (current) {
        guarded = new LogEntries(current);
        entries.set(storage, guarded);
      }
      log.debug("Guarded the embedded engine's in-memory log against concurrent appends");
      return guarded;
    } catch (ReflectiveOperationException | RuntimeException e) {
      log.warn("Could not guard the engine's in-memory log: {}", e.toString());
      return null;
    }
  }

  private static Object find(Object node, Map<Object, Boolean> seen, int depth) {
    if (node == null || depth > 6 || seen.put(node, Boolean.TRUE) != null) {
      return null;
    }
    if (node.getClass().getName().equals(STORAGE_CLASS)) {
      return node;
    }
    if (!node.getClass().getName().startsWith("io.camunda.zeebe")) {
      return null;
    }
    for (Class<?> type = node.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
          continue;
        }
        try {
          field.setAccessible(true);
          Object found = find(field.get(node), seen, depth + 1);
          if (found != null) {
            return found;
          }
        } catch (ReflectiveOperationException | RuntimeException ignored) {
          // inaccessible field: not on the path we need
        }
      }
    }
    return null;
  }

  /**
   * The engine's log entries (one buffer per appended batch of records), synchronized, with the
   * number of bytes they hold. The storage only appends, reads by index and asks the size.
   */
  static final class LogEntries extends AbstractList<ByteBuffer> implements RandomAccess {
    private final ArrayList<ByteBuffer> entries;
    private long bytes;

    LogEntries(List<ByteBuffer> initial) {
      this.entries = new ArrayList<>(initial);
      initial.forEach(b -> bytes += b.capacity());
    }

    @Override
    public synchronized boolean add(ByteBuffer entry) {
      bytes += entry.capacity();
      return entries.add(entry);
    }

    @Override
    public synchronized ByteBuffer get(int index) {
      return entries.get(index);
    }

    @Override
    public synchronized int size() {
      return entries.size();
    }

    synchronized long bytes() {
      return bytes;
    }
  }
}
