package id.rekber.web;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.EventBasedGateway;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.IntermediateCatchEvent;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ReceiveTask;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The deal's steps for a phone screen, read from the process model the deal runs and the engine's
 * progress (the same data as the diagram): the wait states on the main path (event-based gateways,
 * receive and user tasks) and its end, each done, now or next, with the variable its timer waits
 * for (the deal's deadline of that name). The main path follows the first message a wait state
 * expects and an exclusive gateway's default flow.
 */
final class StepTracker {
  enum State { DONE, NOW, NEXT }

  record Step(String elementId, String name, State state, String deadlineVariable) {}

  private StepTracker() {}

  static List<Step> of(byte[] bpmn, Collection<String> active, Collection<String> done) {
    BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn));
    FlowNode node = model.getModelElementsByType(StartEvent.class).stream()
        .filter(s -> s.getParentElement() instanceof io.camunda.zeebe.model.bpmn.instance.Process).findFirst().orElse(null);
    List<Step> steps = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    while (node != null && seen.add(node.getId())) {
      if (node instanceof EventBasedGateway || node instanceof ReceiveTask || node instanceof UserTask || node instanceof EndEvent) {
        State state = active.contains(node.getId()) ? State.NOW : done.contains(node.getId()) ? State.DONE : State.NEXT;
        steps.add(new Step(node.getId(), node.getName(), state, timerVariable(model, node)));
      }
      node = next(node);
    }
    // A deal that left the main path (a dispute, a cancellation) has no "now" step on it.
    return steps;
  }

  private static FlowNode next(FlowNode node) {
    Collection<SequenceFlow> outgoing = node.getOutgoing();
    if (outgoing.isEmpty()) {
      return null;
    }
    if (node instanceof EventBasedGateway) {
      return outgoing.stream().map(SequenceFlow::getTarget)
          .filter(t -> t instanceof IntermediateCatchEvent e && !e.getEventDefinitions().isEmpty()
              && e.getEventDefinitions().iterator().next() instanceof MessageEventDefinition)
          .findFirst().orElse(outgoing.iterator().next().getTarget());
    }
    if (node instanceof ExclusiveGateway gateway && gateway.getDefault() != null) {
      return gateway.getDefault().getTarget();
    }
    return outgoing.iterator().next().getTarget();
  }

  /** The variable of the timer that ends the wait: a timer after an event-based gateway or on the task's boundary. */
  private static String timerVariable(BpmnModelInstance model, FlowNode node) {
    List<TimerEventDefinition> timers = new ArrayList<>();
    if (node instanceof EventBasedGateway) {
      node.getOutgoing().forEach(f -> {
        if (f.getTarget() instanceof IntermediateCatchEvent e) {
          e.getEventDefinitions().stream().filter(TimerEventDefinition.class::isInstance).map(TimerEventDefinition.class::cast).forEach(timers::add);
        }
      });
    } else {
      model.getModelElementsByType(BoundaryEvent.class).stream().filter(b -> b.getAttachedTo() == node)
          .flatMap(b -> b.getEventDefinitions().stream()).filter(TimerEventDefinition.class::isInstance)
          .map(TimerEventDefinition.class::cast).forEach(timers::add);
    }
    return timers.stream().filter(t -> t.getTimeDate() != null).map(t -> t.getTimeDate().getTextContent().trim())
        .filter(t -> t.matches("=[A-Za-z]+")).map(t -> t.substring(1)).findFirst().orElse(null);
  }
}
