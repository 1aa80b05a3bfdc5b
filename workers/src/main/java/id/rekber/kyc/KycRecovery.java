package id.rekber.kyc;

import id.rekber.platform.EngineCommands;
import id.rekber.platform.SingleNodeCondition;
import io.camunda.client.CamundaClient;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Single-node mode keeps the engine in memory: after a restart every open KYC submission gets a new
 * kyc-approval instance, started before the element where it waited (the checks, the officer's
 * review, or the wait for resubmission with its absolute deadline). Workers are idempotent.
 */
@Component
@Conditional(SingleNodeCondition.class)
class KycRecovery {
  private static final Logger log = LoggerFactory.getLogger(KycRecovery.class);

  private final KycSubmissionRepository submissions;
  private final CamundaClient client;
  private final JdbcTemplate jdbc;
  private final EngineCommands commands;

  KycRecovery(KycSubmissionRepository submissions, CamundaClient client, JdbcTemplate jdbc, EngineCommands commands) {
    this.commands = commands;
    this.submissions = submissions;
    this.client = client;
    this.jdbc = jdbc;
  }

  // After EscrowRecovery has closed the previous engine's inbox tasks.
  @EventListener({ApplicationReadyEvent.class, id.rekber.platform.EngineReplaced.class})
  @Order(100)
  void rebuildOrchestration() {
    List<KycSubmission> open = submissions.findAll().stream().filter(s -> s.getStatus().isOpen()).toList();
    open.forEach(this::resume);
    if (!open.isEmpty()) {
      log.info("Rebuilt kyc-approval for {} open KYC submissions", open.size());
    }
  }

  void resume(KycSubmission s) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("submissionId", s.getId().toString());
    String element =
        switch (s.getStatus()) {
          case IN_REVIEW -> {
            variables.put("riskDecision", s.getRiskDecision());
            variables.put("riskReasons", s.getRiskReasons() == null ? List.of() : Arrays.asList(s.getRiskReasons().split(",")));
            yield KycProcess.REVIEW_TASK;
          }
          case RESUBMISSION_REQUESTED -> {
            variables.put("resubmitBy", s.getResubmitBy().toString());
            yield "Task_AwaitResubmission";
          }
          default -> "Task_CheckNik";
        };
    commands.supersedePendingStarts(KycProcess.PROCESS_ID, s.getId().toString());
    long key = client.newCreateInstanceCommand().bpmnProcessId(KycProcess.PROCESS_ID).latestVersion().variables(variables)
        .startBeforeElement(element).send().join().getProcessInstanceKey();
    jdbc.update("UPDATE kyc_submission SET process_instance_key = ? WHERE id = ?", key, s.getId());
  }
}
