package id.rekber.singlenode;

import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.logstreams.log.LogStreamReader;
import io.camunda.zeebe.logstreams.log.LoggedEvent;
import io.camunda.zeebe.process.test.api.RecordStreamSource;
import io.camunda.zeebe.protocol.impl.record.CopiedRecord;
import io.camunda.zeebe.protocol.impl.record.RecordMetadata;
import io.camunda.zeebe.protocol.impl.record.UnifiedRecordValue;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import java.lang.reflect.Constructor;
import java.util.AbstractList;
import java.util.EnumMap;
import java.util.Map;
import java.util.RandomAccess;

/**
 * The engine's records as a list that reads the in-memory log when asked, instead of the engine's
 * own record stream, which keeps a decoded copy of every record it ever handed out: after one deal
 * page had shown its progress, those copies took about nine times the log's own memory (2.8 KB per
 * record; 1.5 GB for a log of 170 MB). Element {@code i} is the record at log position {@code i + 1}
 * (Zeebe numbers the records of a partition 1, 2, 3 …), decoded on each call and not kept; the
 * list's size is the position of the last record written. A record that cannot be read (not written
 * yet) reads as null, as the engine's own list does for a record still being published.
 */
final class LogRecordStream implements RecordStreamSource {
  private static final int PARTITION = 1;

  /** Null once the engine was replaced: whoever still holds this stream must not keep the old log alive. */
  private LogStreamReader reader;
  private final Map<ValueType, Constructor<? extends UnifiedRecordValue>> valueTypes = new EnumMap<>(ValueType.class);
  private long nextPosition = -1;

  LogRecordStream(LogStream logStream) {
    this.reader = logStream.newLogStreamReader();
    UnifiedRecordValue.allRecordsMap().forEach((type, value) -> {
      try {
        valueTypes.put(type, value.getClass().getDeclaredConstructor());
      } catch (NoSuchMethodException e) {
        // a value type without a plain constructor is read as an unknown record below
      }
    });
  }

  /** Lets go of the log (its engine was replaced); from now on there are no records. */
  synchronized void detach() {
    if (reader != null) {
      reader.close();
      reader = null;
    }
  }

  @Override
  public Iterable<Record<?>> getRecords() {
    long last;
    synchronized (this) {
      if (reader == null) {
        return java.util.List.of();
      }
      last = reader.seekToEnd();
      nextPosition = -1;
    }
    return new Records((int) Math.max(0, Math.min(Integer.MAX_VALUE, last)));
  }

  /** The record at this position, decoded now; null if the log has none there (yet). */
  synchronized Record<?> at(long position) {
    if (reader == null) {
      return null;
    }
    if (position != nextPosition && !reader.seek(position)) {
      nextPosition = -1;
      return null;
    }
    if (!reader.hasNext()) {
      nextPosition = -1;
      return null;
    }
    LoggedEvent event = reader.next();
    nextPosition = event.getPosition() + 1;
    return event.getPosition() == position ? decode(event) : null;
  }

  private Record<?> decode(LoggedEvent event) {
    RecordMetadata metadata = new RecordMetadata();
    event.readMetadata(metadata);
    Constructor<? extends UnifiedRecordValue> constructor = valueTypes.get(metadata.getValueType());
    if (constructor == null) {
      return null;
    }
    UnifiedRecordValue value;
    try {
      value = constructor.newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot decode a " + metadata.getValueType() + " record", e);
    }
    event.readValue(value);
    return new CopiedRecord<>(value, metadata, event.getKey(), PARTITION, event.getPosition(), event.getSourceEventPosition(), event.getTimestamp());
  }

  /** The log up to the position it had when {@link #getRecords()} was called. */
  private final class Records extends AbstractList<Record<?>> implements RandomAccess {
    private final int size;

    Records(int size) {
      this.size = size;
    }

    @Override
    public Record<?> get(int index) {
      if (index < 0 || index >= size) {
        throw new IndexOutOfBoundsException(index);
      }
      return at(index + 1L);
    }

    @Override
    public int size() {
      return size;
    }
  }
}
