package id.rekber.escrow;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Reads the deal's process instance from the embedded engine's record stream (single-node mode):
 * an element is active between ELEMENT_ACTIVATED and ELEMENT_COMPLETED/TERMINATED, done once
 * completed; taken sequence flows count as done. This is what the engine really did, not a guess
 * from the deal's status. Without an embedded engine (cluster mode) or after a restart rebuilt the
 * instance, it knows only what the current instance recorded; see decision #6.1.
 */
@Component
class EngineDealProgress implements DealProgress {
  private final ObjectProvider<ZeebeTestEngine> engine;

  EngineDealProgress(ObjectProvider<ZeebeTestEngine> engine) {
    this.engine = engine;
  }

  @Override
  public synchronized Steps of(Deal deal) {
    ZeebeTestEngine embedded = engine.getIfAvailable();
    if (embedded == null || deal.getProcessInstanceKey() == null) {
      return Steps.UNKNOWN;
    }
    long instance = deal.getProcessInstanceKey();
    Set<String> active = new LinkedHashSet<>();
    Set<String> done = new LinkedHashSet<>();
    for (Record<?> record : embedded.getRecordStreamSource().getRecords()) {
      if (record.getValueType() != ValueType.PROCESS_INSTANCE
          || !(record.getValue() instanceof ProcessInstanceRecordValue value)
          || value.getProcessInstanceKey() != instance
          || value.getBpmnElementType() == BpmnElementType.PROCESS) {
        continue;
      }
      String element = value.getElementId();
      switch ((ProcessInstanceIntent) record.getIntent()) {
        case ELEMENT_ACTIVATED -> active.add(element);
        case ELEMENT_COMPLETED -> {
          active.remove(element);
          done.add(element);
        }
        case ELEMENT_TERMINATED -> active.remove(element);
        case SEQUENCE_FLOW_TAKEN -> done.add(element);
        default -> {}
      }
    }
    done.removeAll(active);
    return new Steps(new ArrayList<>(active), List.copyOf(done));
  }
}
