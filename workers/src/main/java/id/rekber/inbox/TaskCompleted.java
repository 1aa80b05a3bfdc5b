package id.rekber.inbox;

import java.util.Map;

/** Published when staff complete an inbox task, inside the completing transaction. */
public record TaskCompleted(String dealId, String taskName, String staffEmail, Map<String, Object> submitted) {}
