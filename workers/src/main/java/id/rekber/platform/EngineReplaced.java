package id.rekber.platform;

import java.time.Instant;

/**
 * Published (synchronously) after the embedded engine was replaced by a fresh one and the models
 * were deployed to it: single-node mode only ({@link EngineRebase}). The new engine knows no
 * process instance, job or timer. Whatever rebuilds orchestration from PostgreSQL at start-up
 * listens for this event as well as for {@code ApplicationReadyEvent}, in the same order. Listeners
 * run on the rebase's thread while the engine gate still holds other callers back, so their engine
 * commands go through and nobody else's race them.
 *
 * @param rebase how many times the engine has been replaced since the application started (1, 2, …)
 * @param at when, by the application clock
 */
public record EngineReplaced(int rebase, Instant at) {}
