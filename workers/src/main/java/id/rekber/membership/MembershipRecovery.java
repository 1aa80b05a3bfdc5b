package id.rekber.membership;

import id.rekber.platform.EngineCommands;
import id.rekber.platform.EngineReplaced;
import id.rekber.platform.SingleNodeCondition;
import io.camunda.client.CamundaClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Single-node mode keeps the engine in memory: after a restart (or an engine rebase) every open
 * membership gets a new membership instance, started where it waited: the first invoice, the
 * period's reminder (whose task is idempotent, so a reminder already sent is not sent again), or
 * grace. The database holds the dates; the timers are derived from them.
 */
@Component
@Conditional(SingleNodeCondition.class)
class MembershipRecovery {
  private static final Logger log = LoggerFactory.getLogger(MembershipRecovery.class);

  private final JdbcTemplate jdbc;
  private final MembershipStore store;
  private final CamundaClient client;
  private final EngineCommands commands;
  private final MembershipProperties properties;

  MembershipRecovery(JdbcTemplate jdbc, MembershipStore store, CamundaClient client, EngineCommands commands, MembershipProperties properties) {
    this.jdbc = jdbc;
    this.store = store;
    this.client = client;
    this.commands = commands;
    this.properties = properties;
  }

  @EventListener({ApplicationReadyEvent.class, EngineReplaced.class})
  @Order(110)
  void rebuildOrchestration() {
    List<UUID> open = jdbc.queryForList("SELECT user_id FROM membership WHERE status <> 'ENDED'", UUID.class);
    int resumed = 0;
    for (UUID user : open) {
      resumed += store.find(user).map(this::resume).orElse(false) ? 1 : 0;
    }
    if (resumed > 0) {
      log.info("Rebuilt the membership process for {} open memberships", resumed);
    }
  }

  boolean resume(Membership m) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("userId", m.userId().toString());
    String element;
    if (Membership.PENDING.equals(m.status())) {
      var first = store.pendingFirst(m.userId());
      if (first.isEmpty()) {
        return false;
      }
      variables.put("orderId", first.get().orderId());
      commands.supersedePendingStarts(MembershipProcess.PROCESS_ID, first.get().orderId());
      element = "Task_CreateInvoice";
    } else {
      variables.putAll(MembershipProcess.timers(m.periodEnd(), properties));
      variables.put("orderId", MembershipWorkers.renewalOrderId(m.userId(), m.periodEnd()));
      element = Membership.GRACE.equals(m.status()) ? "Task_StartGrace" : "Event_ReminderDue";
    }
    client.newCreateInstanceCommand().bpmnProcessId(MembershipProcess.PROCESS_ID).latestVersion().variables(variables)
        .startBeforeElement(element).send().join();
    return true;
  }
}
