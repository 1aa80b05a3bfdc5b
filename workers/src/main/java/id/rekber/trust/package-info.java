/**
 * Trust: the public number check ("cek rekening"), fraud reports and their appeals
 * (processes/fraud-report.bpmn), and members' reputation (reviews after a completed deal, the
 * public profile).
 *
 * <p>Module boundaries: see docs/modules.md; verified by ModuleStructureTest.
 */
@ApplicationModule(displayName = "Trust", allowedDependencies = {"escrow", "kyc", "identity", "inbox", "audit", "notification", "privacy", "platform"})
package id.rekber.trust;

import org.springframework.modulith.ApplicationModule;
