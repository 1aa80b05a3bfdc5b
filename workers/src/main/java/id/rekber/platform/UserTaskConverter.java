package id.rekber.platform;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListeners;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The embedded engine has no REST API, and Camunda user tasks can only be completed through REST.
 * Before deploying to it, every Camunda user task is turned into a job-worker user task by removing
 * its {@code zeebe:userTask} marker. Candidate groups, due date and the linked form stay on the
 * element and reach the job as headers. Task listeners ({@code zeebe:taskListeners}) exist only for
 * Camunda user tasks, so they are removed too: in single-node mode the inbox itself applies the rules
 * the cluster's listeners apply (docs/architecture.md, "Task listeners").
 */
public final class UserTaskConverter {
  private UserTaskConverter() {}

  public static byte[] toJobWorkerUserTasks(byte[] bpmn) {
    BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn));
    List<ZeebeUserTask> markers = List.copyOf(model.getModelElementsByType(ZeebeUserTask.class));
    if (markers.isEmpty()) {
      return bpmn;
    }
    for (ZeebeUserTask marker : markers) {
      marker.getParentElement().removeChildElement(marker);
    }
    for (ZeebeTaskListeners listeners : List.copyOf(model.getModelElementsByType(ZeebeTaskListeners.class))) {
      listeners.getParentElement().removeChildElement(listeners);
    }
    return Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8);
  }
}
