package id.rekber.escrow;

import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds process-instance events, one at a time, into where each instance stands: the elements
 * active now and those done (completed, and sequence flows taken). An element is active between
 * ELEMENT_ACTIVATED and ELEMENT_COMPLETED/TERMINATED. Bounded: at most {@code capacity} instances
 * are kept; beyond that the instances that ended longest ago go first, then the least recently
 * changed ones. Not thread-safe; the caller synchronizes.
 */
final class ProgressFold {
  private final int capacity;
  /** Access order = least recently changed first. */
  private final LinkedHashMap<Long, Instance> instances = new LinkedHashMap<>(64, 0.75f, true);
  /** Ended instances, oldest end first. */
  private final LinkedHashSet<Long> ended = new LinkedHashSet<>();
  /** Element ids repeat in every instance; keep one copy of each. */
  private final Map<String, String> ids = new HashMap<>();

  ProgressFold(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.capacity = capacity;
  }

  private static final class Instance {
    final Set<String> active = new LinkedHashSet<>();
    final Set<String> done = new LinkedHashSet<>();
  }

  void apply(long instanceKey, BpmnElementType type, ProcessInstanceIntent intent, String elementId) {
    if (type == BpmnElementType.PROCESS) {
      if (intent == ProcessInstanceIntent.ELEMENT_COMPLETED || intent == ProcessInstanceIntent.ELEMENT_TERMINATED) {
        if (instances.containsKey(instanceKey)) {
          ended.remove(instanceKey);
          ended.add(instanceKey);
        }
      }
      return;
    }
    if (intent != ProcessInstanceIntent.ELEMENT_ACTIVATED && intent != ProcessInstanceIntent.ELEMENT_COMPLETED
        && intent != ProcessInstanceIntent.ELEMENT_TERMINATED && intent != ProcessInstanceIntent.SEQUENCE_FLOW_TAKEN) {
      return;
    }
    Instance instance = instances.computeIfAbsent(instanceKey, k -> new Instance());
    String element = ids.computeIfAbsent(elementId, id -> id);
    switch (intent) {
      case ELEMENT_ACTIVATED -> instance.active.add(element);
      case ELEMENT_COMPLETED -> {
        instance.active.remove(element);
        instance.done.add(element);
      }
      case ELEMENT_TERMINATED -> instance.active.remove(element);
      case SEQUENCE_FLOW_TAKEN -> instance.done.add(element);
      default -> {}
    }
    evict();
  }

  private void evict() {
    while (instances.size() > capacity) {
      Long victim;
      Iterator<Long> oldestEnded = ended.iterator();
      if (oldestEnded.hasNext()) {
        victim = oldestEnded.next();
        oldestEnded.remove();
      } else {
        victim = instances.keySet().iterator().next();
      }
      instances.remove(victim);
    }
  }

  /** Where the instance stands; {@link DealProgress.Steps#UNKNOWN} for an instance not (or no longer) known. */
  DealProgress.Steps steps(long instanceKey) {
    Instance instance = instances.get(instanceKey);
    if (instance == null) {
      return DealProgress.Steps.UNKNOWN;
    }
    List<String> done = new ArrayList<>(instance.done);
    done.removeAll(instance.active);
    return new DealProgress.Steps(new ArrayList<>(instance.active), List.copyOf(done));
  }

  int size() {
    return instances.size();
  }
}
