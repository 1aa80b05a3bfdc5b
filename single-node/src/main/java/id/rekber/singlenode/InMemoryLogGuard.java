package id.rekber.singlenode;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Works around a data race in zeebe-process-test-engine 8.8's {@code InMemoryLogStorage}: it keeps
 * log entries in a plain {@code ArrayList} that gRPC threads append to while the stream processor
 * reads it, and under concurrent load the processor can read a half-published entry and die
 * (NullPointerException in {@code ListLogStorageReader.next}; every engine call then times out).
 * Before the engine starts, the list is swapped for a synchronized one. Found by walking the
 * engine's object graph, so a version that fixes or renames the class makes this a logged no-op.
 */
final class InMemoryLogGuard {
  private static final String STORAGE_CLASS = "io.camunda.zeebe.process.test.engine.InMemoryLogStorage";
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(InMemoryLogGuard.class);

  private InMemoryLogGuard() {}

  static void apply(Object engine) {
    Object storage = find(engine, new IdentityHashMap<>(), 0);
    if (storage == null) {
      log.warn("In-memory log storage not found; the engine's log is left as it is");
      return;
    }
    try {
      Field entries = storage.getClass().getDeclaredField("logEntries");
      entries.setAccessible(true);
      @SuppressWarnings("unchecked")
      List<ByteBuffer> current = (List<ByteBuffer>) entries.get(storage);
      if (current.getClass().getName().contains("Synchronized")) {
        return;
      }
      synchronized (current) {
        entries.set(storage, Collections.synchronizedList(new ArrayList<>(current)));
      }
      log.info("Guarded the embedded engine's in-memory log against concurrent appends");
    } catch (ReflectiveOperationException | RuntimeException e) {
      log.warn("Could not guard the engine's in-memory log: {}", e.toString());
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
}
