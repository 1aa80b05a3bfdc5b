package id.rekber.escrow;

import id.rekber.platform.SingleNodeOnly;
import io.camunda.zeebe.process.test.api.RecordStreamSource;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads the deal's process instance from the embedded engine's record stream (single-node mode):
 * an element is active between ELEMENT_ACTIVATED and ELEMENT_COMPLETED/TERMINATED, done once
 * completed; taken sequence flows count as done. This is what the engine really did, not a guess
 * from the deal's status. After a restart rebuilt the instance, it knows only what the current
 * instance recorded; see decision #6.1. Cluster mode uses {@link ClusterDealProgress} instead.
 *
 * <p>The stream is tailed, not rescanned: each page view reads only the records written since the
 * last one (remembered by position) and folds the escrow-lifecycle events into a bounded
 * per-instance map ({@link ProgressFold}, {@code rekber.escrow.progress-instances} instances).
 */
@Component
@SingleNodeOnly
class EngineDealProgress implements DealProgress {
  private final ObjectProvider<ZeebeTestEngine> engine;
  private final ProgressFold fold;
  private RecordStreamSource source;
  private long lastPosition = -1;
  /** Index into the source's list of records, when it hands out a list (it does in 8.8). */
  private int nextIndex;
  /** Records looked at since start: for tests that check nothing is read twice. */
  private long recordsRead;

  EngineDealProgress(ObjectProvider<ZeebeTestEngine> engine, @Value("${rekber.escrow.progress-instances:20000}") int capacity) {
    this.engine = engine;
    this.fold = new ProgressFold(capacity);
  }

  @Override
  public synchronized Steps of(Deal deal) {
    ZeebeTestEngine embedded = engine.getIfAvailable();
    if (embedded == null || deal.getProcessInstanceKey() == null) {
      return Steps.UNKNOWN;
    }
    return stepsOf(embedded.getRecordStreamSource(), deal.getProcessInstanceKey());
  }

  synchronized Steps stepsOf(RecordStreamSource stream, long processInstanceKey) {
    catchUp(stream);
    return fold.steps(processInstanceKey);
  }

  /** Folds the records written since the last call. */
  synchronized void catchUp(RecordStreamSource stream) {
    if (stream != source) {
      source = stream;
      lastPosition = -1;
      nextIndex = 0;
    }
    Iterable<Record<?>> records = stream.getRecords();
    if (records instanceof List<Record<?>> list) {
      // Appended to only; start where the last call stopped. A record still being published reads
      // as null (or beyond the size seen) and is picked up next time.
      int size = list.size();
      while (nextIndex < size) {
        Record<?> record = list.get(nextIndex);
        if (record == null) {
          break;
        }
        accept(record);
        nextIndex++;
      }
    } else {
      for (Record<?> record : records) {
        if (record.getPosition() > lastPosition) {
          accept(record);
        }
      }
    }
  }

  private void accept(Record<?> record) {
    recordsRead++;
    if (record.getPosition() <= lastPosition) {
      return;
    }
    lastPosition = record.getPosition();
    if (record.getValueType() != ValueType.PROCESS_INSTANCE
        || record.getRecordType() != RecordType.EVENT
        || !(record.getValue() instanceof ProcessInstanceRecordValue value)
        || !EscrowProcess.PROCESS_ID.equals(value.getBpmnProcessId())) {
      return;
    }
    fold.apply(value.getProcessInstanceKey(), value.getBpmnElementType(), (ProcessInstanceIntent) record.getIntent(), value.getElementId());
  }

  synchronized long recordsRead() {
    return recordsRead;
  }
}
