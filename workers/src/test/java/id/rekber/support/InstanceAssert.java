package id.rekber.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.TimerRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one process instance did, read from the engine's record stream: elements completed, active
 * now, timers created and triggered, variables, incidents, called child instances.
 */
public final class InstanceAssert {
  private final ProcessHarness harness;
  private final long instance;

  InstanceAssert(ProcessHarness harness, long instance) {
    this.harness = harness;
    this.instance = instance;
  }

  public long key() {
    return instance;
  }

  // ------------------------------------------------------------------ reading

  private List<Record<ProcessInstanceRecordValue>> elementEvents() {
    List<Record<ProcessInstanceRecordValue>> found = new ArrayList<>();
    for (Record<?> record : harness.records()) {
      if (record.getValueType() == ValueType.PROCESS_INSTANCE && record.getRecordType() == RecordType.EVENT
          && record.getValue() instanceof ProcessInstanceRecordValue value && value.getProcessInstanceKey() == instance) {
        @SuppressWarnings("unchecked")
        Record<ProcessInstanceRecordValue> typed = (Record<ProcessInstanceRecordValue>) record;
        found.add(typed);
      }
    }
    return found;
  }

  /** Element ids completed (and sequence flows taken), in order. */
  public List<String> passed() {
    List<String> ids = new ArrayList<>();
    for (var r : elementEvents()) {
      if (r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED && r.getValue().getBpmnElementType() != BpmnElementType.PROCESS) {
        ids.add(r.getValue().getElementId());
      }
    }
    return ids;
  }

  /** Element ids active now (activated, not completed or terminated). */
  public Set<String> active() {
    Map<Long, String> active = new LinkedHashMap<>();
    for (var r : elementEvents()) {
      if (r.getValue().getBpmnElementType() == BpmnElementType.PROCESS) {
        continue;
      }
      switch ((ProcessInstanceIntent) r.getIntent()) {
        case ELEMENT_ACTIVATED -> active.put(r.getKey(), r.getValue().getElementId());
        case ELEMENT_COMPLETED, ELEMENT_TERMINATED -> active.remove(r.getKey());
        default -> {}
      }
    }
    return new LinkedHashSet<>(active.values());
  }

  private Set<String> entered() {
    Set<String> ids = new LinkedHashSet<>();
    for (var r : elementEvents()) {
      if (r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATING) {
        ids.add(r.getValue().getElementId());
      }
    }
    return ids;
  }

  private boolean processEnded(ProcessInstanceIntent intent) {
    return elementEvents().stream()
        .anyMatch(r -> r.getValue().getBpmnElementType() == BpmnElementType.PROCESS && r.getIntent() == intent);
  }

  private List<String> timers(TimerIntent intent) {
    List<String> ids = new ArrayList<>();
    for (Record<?> record : harness.records()) {
      if (record.getValueType() == ValueType.TIMER && record.getRecordType() == RecordType.EVENT
          && record.getIntent() == intent && record.getValue() instanceof TimerRecordValue t && t.getProcessInstanceKey() == instance) {
        ids.add(t.getTargetElementId());
      }
    }
    return ids;
  }

  /** Timers created and not yet triggered or cancelled, by the element they belong to. */
  public List<String> activeTimers() {
    Map<Long, String> open = new LinkedHashMap<>();
    for (Record<?> record : harness.records()) {
      if (record.getValueType() == ValueType.TIMER && record.getRecordType() == RecordType.EVENT
          && record.getValue() instanceof TimerRecordValue t && t.getProcessInstanceKey() == instance) {
        switch ((TimerIntent) record.getIntent()) {
          case CREATED -> open.put(record.getKey(), t.getTargetElementId());
          case TRIGGERED, CANCELED -> open.remove(record.getKey());
          default -> {}
        }
      }
    }
    return new ArrayList<>(open.values());
  }

  /** The latest value of a variable anywhere in the instance, as JSON text; null if never set. */
  public String variable(String name) {
    String value = null;
    for (Record<?> record : harness.records()) {
      if (record.getValueType() == ValueType.VARIABLE && record.getRecordType() == RecordType.EVENT
          && (record.getIntent() == VariableIntent.CREATED || record.getIntent() == VariableIntent.UPDATED)
          && record.getValue() instanceof VariableRecordValue v && v.getProcessInstanceKey() == instance
          && v.getName().equals(name)) {
        value = v.getValue();
      }
    }
    return value;
  }

  public List<String> incidents() {
    List<String> at = new ArrayList<>();
    for (Record<?> record : harness.records()) {
      if (record.getValueType() == ValueType.INCIDENT && record.getIntent() == IncidentIntent.CREATED
          && record.getValue() instanceof IncidentRecordValue i && i.getProcessInstanceKey() == instance) {
        at.add(i.getElementId() + ": " + i.getErrorType() + " " + i.getErrorMessage());
      }
    }
    return at;
  }

  /** The key of the process definition (one version of one process) this instance runs. */
  public long processDefinitionKey() {
    for (Record<?> record : harness.records()) {
      if (record.getValueType() == ValueType.PROCESS_INSTANCE && record.getRecordType() == RecordType.EVENT
          && record.getValue() instanceof ProcessInstanceRecordValue v && v.getProcessInstanceKey() == instance
          && v.getBpmnElementType() == BpmnElementType.PROCESS) {
        return v.getProcessDefinitionKey();
      }
    }
    throw new AssertionError("instance " + instance + " has no records");
  }

  /** The newest instance called by the given call activity of this instance. */
  public InstanceAssert calledBy(String callActivityId) {
    Set<Long> callKeys = new LinkedHashSet<>();
    Long child = null;
    for (Record<?> record : harness.records()) {
      if (record.getValueType() != ValueType.PROCESS_INSTANCE || record.getRecordType() != RecordType.EVENT
          || !(record.getValue() instanceof ProcessInstanceRecordValue v)) {
        continue;
      }
      if (v.getProcessInstanceKey() == instance && v.getElementId().equals(callActivityId)) {
        callKeys.add(record.getKey());
      } else if (v.getBpmnElementType() == BpmnElementType.PROCESS && record.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED
          && callKeys.contains(v.getParentElementInstanceKey())) {
        child = v.getProcessInstanceKey();
      }
    }
    if (child == null) {
      throw new AssertionError(callActivityId + " of instance " + instance + " called no process");
    }
    return new InstanceAssert(harness, child);
  }

  // ------------------------------------------------------------------ asserting

  public InstanceAssert hasPassed(String... elementIds) {
    assertThat(passed()).as("completed elements of instance %d", instance).contains(elementIds);
    return this;
  }

  /** Passed these elements in this order (others may lie between; an element may repeat). */
  public InstanceAssert hasPassedInOrder(String... elementIds) {
    List<String> passed = passed();
    int next = 0;
    for (String id : passed) {
      if (next < elementIds.length && id.equals(elementIds[next])) {
        next++;
      }
    }
    assertThat(next).as("%s in this order within the completed elements %s", List.of(elementIds), passed)
        .isEqualTo(elementIds.length);
    return this;
  }

  public InstanceAssert hasNotEntered(String... elementIds) {
    assertThat(entered()).as("elements entered by instance %d", instance).doesNotContain(elementIds);
    return this;
  }

  /** Exactly these elements are active (the instance waits there). */
  public InstanceAssert isWaitingAt(String... elementIds) {
    assertThat(active()).as("active elements of instance %d (incidents: %s)", instance, incidents())
        .containsExactlyInAnyOrder(elementIds);
    return this;
  }

  public InstanceAssert hasActiveTimers(String... elementIds) {
    assertThat(activeTimers()).as("open timers of instance %d", instance).containsExactlyInAnyOrder(elementIds);
    return this;
  }

  public InstanceAssert hasTriggeredTimer(String elementId) {
    assertThat(timers(TimerIntent.TRIGGERED)).as("triggered timers of instance %d", instance).contains(elementId);
    return this;
  }

  public InstanceAssert hasNoTriggeredTimers() {
    assertThat(timers(TimerIntent.TRIGGERED)).as("triggered timers of instance %d", instance).isEmpty();
    return this;
  }

  public InstanceAssert isCompleted() {
    assertThat(processEnded(ProcessInstanceIntent.ELEMENT_COMPLETED))
        .as("instance %d completed (active: %s, incidents: %s)", instance, active(), incidents()).isTrue();
    return this;
  }

  public InstanceAssert isActive() {
    assertThat(processEnded(ProcessInstanceIntent.ELEMENT_COMPLETED) || processEnded(ProcessInstanceIntent.ELEMENT_TERMINATED))
        .as("instance %d ended", instance).isFalse();
    return this;
  }

  /** Completed, and this end event was the last one reached (a non-interrupting branch may end earlier). */
  public InstanceAssert endedAt(String endEventId) {
    isCompleted();
    List<String> ends = new ArrayList<>();
    for (var r : elementEvents()) {
      if (r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED && r.getValue().getBpmnElementType() == BpmnElementType.END_EVENT) {
        ends.add(r.getValue().getElementId());
      }
    }
    assertThat(ends).as("end events of instance %d", instance).isNotEmpty().last().isEqualTo(endEventId);
    return this;
  }

  /** The variable's latest JSON value equals the JSON of {@code expected} (strings quoted). */
  public InstanceAssert hasVariable(String name, Object expected) {
    String json = expected instanceof String s ? "\"" + s + "\"" : String.valueOf(expected);
    assertThat(variable(name)).as("variable %s of instance %d", name, instance).isEqualTo(json);
    return this;
  }

  /** The variable's latest value is exactly this JSON text (lists, objects). */
  public InstanceAssert hasVariableJson(String name, String json) {
    assertThat(variable(name)).as("variable %s of instance %d", name, instance).isEqualTo(json);
    return this;
  }

  public InstanceAssert hasNoIncidents() {
    assertThat(incidents()).as("incidents of instance %d", instance).isEmpty();
    return this;
  }

  public InstanceAssert hasIncidentAt(String elementId) {
    assertThat(incidents()).as("incidents of instance %d", instance).anyMatch(i -> i.startsWith(elementId + ":"));
    return this;
  }
}
