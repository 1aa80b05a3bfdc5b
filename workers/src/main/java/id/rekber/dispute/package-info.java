/**
 * Dispute mediation: the party page, messages, evidence, the mediator's case panel and decisions.
 *
 * <p>Module boundaries: see docs/modules.md; verified by ModuleStructureTest.
 */
@ApplicationModule(displayName = "Dispute", allowedDependencies = {"escrow", "ledger", "inbox", "identity", "audit", "notification", "privacy", "platform"})
package id.rekber.dispute;

import org.springframework.modulith.ApplicationModule;
