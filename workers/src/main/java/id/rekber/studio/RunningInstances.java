package id.rekber.studio;

import id.rekber.platform.SingleNodeOnly;
import io.camunda.zeebe.process.test.api.RecordStreamSource;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * How many process instances run on each process definition (single-node mode): tails the embedded
 * engine's record stream like {@code EngineDealProgress}, keeping one entry per running instance.
 * Cluster mode shows no count yet (docs/studio.md, "Not yet built").
 */
@Component
@SingleNodeOnly
class RunningInstances {
  private final ObjectProvider<ZeebeTestEngine> engine;
  private final Map<Long, Long> definitionOfRunning = new HashMap<>();
  private RecordStreamSource source;
  private int nextIndex;
  private long lastPosition = -1;

  RunningInstances(ObjectProvider<ZeebeTestEngine> engine) {
    this.engine = engine;
  }

  /** Running instances per process definition key. */
  synchronized Map<Long, Long> perDefinition() {
    ZeebeTestEngine embedded = engine.getIfAvailable();
    if (embedded == null) {
      return Map.of();
    }
    RecordStreamSource stream = embedded.getRecordStreamSource();
    if (stream != source) {
      source = stream;
      nextIndex = 0;
      lastPosition = -1;
      definitionOfRunning.clear();
    }
    Iterable<Record<?>> records = stream.getRecords();
    if (records instanceof List<Record<?>> list) {
      int size = list.size();
      while (nextIndex < size && list.get(nextIndex) != null) {
        accept(list.get(nextIndex++));
      }
    } else {
      records.forEach(this::accept);
    }
    Map<Long, Long> counts = new HashMap<>();
    definitionOfRunning.values().forEach(d -> counts.merge(d, 1L, Long::sum));
    return counts;
  }

  private void accept(Record<?> record) {
    if (record.getPosition() <= lastPosition) {
      return;
    }
    lastPosition = record.getPosition();
    if (record.getValueType() != ValueType.PROCESS_INSTANCE || record.getRecordType() != RecordType.EVENT
        || !(record.getValue() instanceof ProcessInstanceRecordValue value) || value.getBpmnElementType() != BpmnElementType.PROCESS) {
      return;
    }
    ProcessInstanceIntent intent = (ProcessInstanceIntent) record.getIntent();
    if (intent == ProcessInstanceIntent.ELEMENT_ACTIVATED) {
      definitionOfRunning.put(value.getProcessInstanceKey(), value.getProcessDefinitionKey());
    } else if (intent == ProcessInstanceIntent.ELEMENT_COMPLETED || intent == ProcessInstanceIntent.ELEMENT_TERMINATED) {
      definitionOfRunning.remove(value.getProcessInstanceKey());
    }
  }
}
