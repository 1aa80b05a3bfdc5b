/**
 * Process studio: analysts' drafts of BPMN, DMN and forms, the checks a draft must pass, the
 * four-eyes approval (processes/studio-approval.bpmn) and every deployed version (docs/studio.md).
 *
 * <p>Module boundaries: see docs/modules.md; verified by ModuleStructureTest.
 */
@ApplicationModule(displayName = "Process studio", allowedDependencies = {"escrow", "dispute", "inbox", "identity", "audit", "platform"})
package id.rekber.studio;

import org.springframework.modulith.ApplicationModule;
