/**
 * Payments and payouts through a provider-neutral port; the sandbox provider (sub-package sandbox) exists only in single-node mode.
 *
 * <p>Module boundaries: see docs/modules.md; verified by ModuleStructureTest.
 */
@ApplicationModule(displayName = "Payment", allowedDependencies = {"escrow", "ledger", "kyc", "inbox", "identity", "notification", "privacy", "platform"})
package id.rekber.payment;

import org.springframework.modulith.ApplicationModule;
