/**
 * The deal and its escrow lifecycle process: terms, fees, deadlines, buying limits, the deal's timeline and recovery after a restart.
 *
 * <p>Module boundaries: see docs/modules.md; verified by ModuleStructureTest.
 */
@ApplicationModule(displayName = "Escrow", allowedDependencies = {"kyc", "identity", "inbox", "notification", "platform"})
package id.rekber.escrow;

import org.springframework.modulith.ApplicationModule;
