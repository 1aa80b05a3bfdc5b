/**
 * Members and staff as Keycloak knows them, the current user, and the security filter chains.
 *
 * <p>Module boundaries: see docs/modules.md; verified by ModuleStructureTest.
 */
@ApplicationModule(displayName = "Identity", allowedDependencies = {"audit", "privacy", "platform"})
package id.rekber.identity;

import org.springframework.modulith.ApplicationModule;
