/**
 * The member portal: deal pages, profile, the money trail and the error pages.
 *
 * <p>Module boundaries: see docs/modules.md; verified by ModuleStructureTest.
 */
@ApplicationModule(displayName = "Web portal", allowedDependencies = {"escrow", "membership", "identity", "kyc", "ledger", "notification", "payment", "platform", "trust"})
package id.rekber.web;

import org.springframework.modulith.ApplicationModule;
