/**
 * Personal data under UU PDP 27/2022: encryption at rest with rotating keys, blind indexes and masking.
 *
 * <p>Module boundaries: see docs/modules.md; verified by ModuleStructureTest.
 */
@ApplicationModule(displayName = "Personal data protection", allowedDependencies = {"platform"})
package id.rekber.privacy;

import org.springframework.modulith.ApplicationModule;
