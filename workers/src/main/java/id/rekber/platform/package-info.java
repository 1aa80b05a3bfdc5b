/**
 * Shared kernel: domain refusals and their mapping to problem details, languages, the public URL, model deployment, the single-node mode switch and file-type checks.
 *
 * <p>Module boundaries: see docs/modules.md; verified by ModuleStructureTest.
 */
@ApplicationModule(displayName = "Platform (shared kernel)", allowedDependencies = {})
package id.rekber.platform;

import org.springframework.modulith.ApplicationModule;
