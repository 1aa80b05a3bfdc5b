package id.rekber.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import id.rekber.platform.UserTaskConverter;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListener;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListeners;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskSchedule;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeVersionTag;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The analysts' models use Camunda user tasks; the embedded engine gets job-worker user tasks. */
class UserTaskConverterTest {
  @Test
  void removesOnlyTheCamundaUserTaskMarker() throws Exception {
    byte[] source = Files.readAllBytes(Path.of("../processes/payout.bpmn"));
    assertThat(read(source).getModelElementsByType(ZeebeUserTask.class)).isNotEmpty();

    BpmnModelInstance converted = read(UserTaskConverter.toJobWorkerUserTasks(source));

    assertThat(converted.getModelElementsByType(ZeebeUserTask.class)).isEmpty();
    UserTask review = converted.getModelElementById("Task_ReviewFailedPayout");
    assertThat(review.getSingleExtensionElement(ZeebeFormDefinition.class).getFormId()).isEqualTo("failed-payout-review");
    assertThat(review.getSingleExtensionElement(ZeebeAssignmentDefinition.class).getCandidateGroups()).isEqualTo("admin");
    assertThat(review.getSingleExtensionElement(ZeebeTaskSchedule.class).getDueDate()).contains("P1D");
    // Version binding and the process's version tag survive the conversion (decision 26).
    assertThat(review.getSingleExtensionElement(ZeebeFormDefinition.class).getBindingType()).isEqualTo(ZeebeBindingType.deployment);
    Process payout = converted.getModelElementById("payout");
    assertThat(payout.getSingleExtensionElement(ZeebeVersionTag.class).getValue()).isEqualTo("1.0.0");
  }

  @Test
  void stripsTaskListenersWhichJobWorkerUserTasksCannotHave() throws Exception {
    for (String model : new String[] {"payout", "kyc-approval", "dispute-mediation"}) {
      byte[] source = Files.readAllBytes(Path.of("../processes/" + model + ".bpmn"));
      assertThat(read(source).getModelElementsByType(ZeebeTaskListener.class)).as(model).isNotEmpty();

      BpmnModelInstance converted = read(UserTaskConverter.toJobWorkerUserTasks(source));

      assertThat(converted.getModelElementsByType(ZeebeTaskListeners.class)).as(model).isEmpty();
      assertThat(converted.getModelElementsByType(ZeebeTaskListener.class)).as(model).isEmpty();
      assertThat(converted.getModelElementsByType(UserTask.class)).as(model).isNotEmpty();
    }
  }

  @Test
  void leavesModelsWithoutUserTasksUntouched() throws Exception {
    byte[] source = Files.readAllBytes(Path.of("../processes/escrow-lifecycle.bpmn"));
    assertThat(UserTaskConverter.toJobWorkerUserTasks(source)).isSameAs(source);
  }

  private static BpmnModelInstance read(byte[] bpmn) {
    return Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn));
  }
}
