package id.rekber.dispute;

import id.rekber.audit.AuditEvent;
import id.rekber.audit.AuditTrail;
import id.rekber.inbox.TaskCompleted;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A mediator's or admin's decision, as the inbox reports it: who, when and why go into the audit
 * trail and the dispute's timeline, and both parties get a mail with the reason.
 */
@Component
class DisputeDecisions {
  private final AuditTrail audit;
  private final DisputeTimeline timeline;
  private final DisputeNotifications notifications;
  private final Clock clock;

  DisputeDecisions(AuditTrail audit, DisputeTimeline timeline, DisputeNotifications notifications, Clock clock) {
    this.audit = audit;
    this.timeline = timeline;
    this.notifications = notifications;
    this.clock = clock;
  }

  @EventListener
  void taskCompleted(TaskCompleted completed) {
    if (!DisputeCaseContext.isDisputeProcess(completed.processId()) || completed.dealId() == null) {
      return;
    }
    String outcome = String.valueOf(completed.submitted().get("outcome"));
    String reason = String.valueOf(completed.submitted().getOrDefault("reason", "")).trim();
    boolean split = "SPLIT".equals(outcome);
    Long toBuyer = split ? DisputeService.wholeRupiah(completed.submitted().get("buyerAmount")) : null;
    Long toSeller = split ? DisputeService.wholeRupiah(completed.submitted().get("sellerAmount")) : null;
    audit.record(new AuditEvent(clock.instant(), completed.staffEmail(), "dispute.decision", "deal", completed.dealId(), outcome,
        null, null, completed.taskName() + " (task " + completed.taskKey() + ")"
            + (split ? " buyer " + toBuyer + " seller " + toSeller : "") + ": " + reason));
    timeline.add(completed.dealId(), "DECISION_" + outcome, completed.staffEmail(), "STAFF", reason);
    notifications.decided(completed.dealId(), completed.taskKey(), outcome, toBuyer, toSeller, reason);
  }
}
