package id.rekber.platform;

/**
 * The relay started a process instance for {@code reference}; published in the transaction that
 * marks the command sent, so the owner records the instance key with it.
 */
public record ProcessInstanceStarted(String processId, String reference, long processInstanceKey) {}
