package id.rekber.escrow;

import id.rekber.inbox.OpenTasks;
import id.rekber.platform.SingleNodeCondition;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Single-node mode keeps the engine's state in memory; PostgreSQL is the system of record. At
 * start-up every deal that is still under way gets a new process instance, started before the
 * element where it waits ({@link RecoveryPoint}), with its absolute deadlines. Every worker is
 * idempotent, so an element that is run again moves no money twice.
 */
@Component
@Conditional(SingleNodeCondition.class)
class EscrowRecovery {
  private static final Logger log = LoggerFactory.getLogger(EscrowRecovery.class);

  private final DealRepository deals;
  private final EscrowOrchestration orchestration;
  private final SettlementFacts money;
  private final OpenTasks tasks;

  EscrowRecovery(DealRepository deals, EscrowOrchestration orchestration, SettlementFacts money, OpenTasks tasks) {
    this.deals = deals;
    this.orchestration = orchestration;
    this.money = money;
    this.tasks = tasks;
  }

  // First of the recoveries: it closes the previous engine's inbox tasks, which kyc.KycRecovery (later) relies on.
  @EventListener({ApplicationReadyEvent.class, id.rekber.platform.EngineReplaced.class})
  @Order(0)
  void rebuildOrchestration() {
    int stale = tasks.closeTasksOfPreviousEngine();
    int resumed = 0;
    for (Deal deal : deals.findAll()) {
      if (deal.isServiceDeal() && deal.getStatus() == DealStatus.DANA_DITAHAN) {
        // Rebuilding a running milestone is not built yet (decision 43): better stuck than on the goods path.
        log.warn("Service deal {} is working through its milestones and is not rebuilt after a restart", deal.getId());
        continue;
      }
      Optional<String> element = RecoveryPoint.of(deal, money);
      if (element.isPresent()) {
        orchestration.resume(deal, element.get());
        resumed++;
      }
    }
    if (resumed > 0 || stale > 0) {
      log.info("Rebuilt orchestration for {} deals ({} stale inbox tasks closed)", resumed, stale);
    }
  }
}
