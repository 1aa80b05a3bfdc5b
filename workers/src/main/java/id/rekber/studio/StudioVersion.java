package id.rekber.studio;

import java.time.Instant;

/** One deployed version of a process, decision or form. */
public record StudioVersion(long definitionKey, String resourceName, String kind, String modelId, int version,
    String versionTag, String deployedBy, Instant deployedAt, Long draftId) {}
