package id.rekber.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Cluster mode runs the sandbox provider only behind the demo switch (decision 31); every start then
 * says so at ERROR level, so that a deployment copied from the demo stack cannot miss it.
 */
@Component
@ClusterOnly
@PaymentSandbox
class SandboxInClusterWarning {
  private static final Logger log = LoggerFactory.getLogger(SandboxInClusterWarning.class);

  @EventListener(ApplicationReadyEvent.class)
  void warn() {
    log.error(
        "DEMO ONLY: the sandbox payment provider is active in cluster mode ({}=true); anyone can mark any order as paid"
            + " at /sandbox/. Choose a real provider and remove the switch before real money flows.",
        PaymentSandboxCondition.ALLOW_IN_CLUSTER);
  }
}
