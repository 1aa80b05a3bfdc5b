package id.rekber.inbox;

import java.util.Map;

/**
 * Published when staff complete an inbox task, inside the completing transaction, after the engine
 * accepted the completion. Listeners record who decided what (audit, timeline, mails).
 */
public record TaskCompleted(
    long taskKey,
    String processId,
    String elementId,
    long processInstanceKey,
    String dealId,
    String taskName,
    String staffEmail,
    Map<String, Object> submitted) {}
