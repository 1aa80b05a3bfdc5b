/**
 * KYC approval: submissions, automated checks, the risk decision, compliance review, tiers and the blocklist.
 *
 * <p>Module boundaries: see docs/modules.md; verified by ModuleStructureTest.
 */
@ApplicationModule(displayName = "KYC", allowedDependencies = {"inbox", "privacy", "audit", "identity", "notification", "platform"})
package id.rekber.kyc;

import org.springframework.modulith.ApplicationModule;
