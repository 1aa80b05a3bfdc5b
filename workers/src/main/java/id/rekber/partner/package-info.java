/**
 * Partner API for marketplaces, forums and social shops: deals created on behalf of their users,
 * readable only by the partner that created them, and signed webhooks on every deal event.
 *
 * <p>Module boundaries: see docs/modules.md; verified by ModuleStructureTest.
 */
@ApplicationModule(displayName = "Partner API", allowedDependencies = {"escrow", "payment", "identity", "platform"})
package id.rekber.partner;

import org.springframework.modulith.ApplicationModule;
