package id.rekber.studio;

import static id.rekber.support.ProcessHarness.Outcome.complete;

import id.rekber.support.ProcessHarness;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** processes/studio-approval.bpmn on its own engine: the admin's review task decides between deploying and rejecting. */
class StudioApprovalProcessTest {
  static ProcessHarness engine;

  @BeforeAll
  static void startEngine() {
    engine = ProcessHarness.start();
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  @BeforeEach
  void scripts() {
    engine.resetScripts();
    engine.onJob("studio-deploy", complete(Map.of()));
    engine.onJob("studio-reject", complete(Map.of()));
  }

  long submit() {
    return engine.startInstance(Studio.APPROVAL_PROCESS, Map.of("draftId", 7, "author", "analyst@rekber.test",
        "resourceName", "escrow-fee.dmn", "reason", "new rate"));
  }

  @Test
  void anApprovalDeploysTheDraft() {
    long instance = submit();
    engine.completeUserTask(instance, "Task_ReviewDraft", Map.of("approved", true, "reviewReason", "ok"));
    engine.assertThat(instance).hasPassedInOrder("Task_ReviewDraft", "Gateway_ReviewDecision", "Task_DeployDraft", "EndEvent_Deployed").isCompleted();
  }

  @Test
  void aRejectionOrNoDecisionClosesTheDraft() {
    long instance = submit();
    engine.completeUserTask(instance, "Task_ReviewDraft", Map.of("approved", false, "reviewReason", "no"));
    engine.assertThat(instance).hasPassedInOrder("Task_ReviewDraft", "Gateway_ReviewDecision", "Task_RejectDraft", "EndEvent_Rejected")
        .hasNotEntered("Task_DeployDraft").isCompleted();
  }
}
