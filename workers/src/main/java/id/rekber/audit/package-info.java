/**
 * The audit trail: who did what, when, with what outcome.
 *
 * <p>Module boundaries: see docs/modules.md; verified by ModuleStructureTest.
 */
@ApplicationModule(displayName = "Audit", allowedDependencies = {"platform"})
package id.rekber.audit;

import org.springframework.modulith.ApplicationModule;
