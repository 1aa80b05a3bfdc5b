package id.rekber.audit;

import java.time.Instant;

public record AuditEvent(
    Instant occurredAt, String actor, String action, String objectType, String objectId, String outcome,
    Integer httpStatus, String remoteAddr, String detail) {}
