/**
 * The double-entry ledger: balanced journal entries per deal, holdings, and what each party may see.
 *
 * <p>Module boundaries: see docs/modules.md; verified by ModuleStructureTest.
 */
@ApplicationModule(displayName = "Ledger", allowedDependencies = {"escrow", "identity", "platform"})
package id.rekber.ledger;

import org.springframework.modulith.ApplicationModule;
