package id.rekber.platform;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The embedded engine has no REST API, and Camunda user tasks can only be completed through REST.
 * Before deploying to it, every Camunda user task is turned into a job-worker user task by removing
 * its {@code zeebe:userTask} marker. Candidate groups, due date and the linked form stay on the
 * element and reach the job as headers.
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
    return Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8);
  }
}
