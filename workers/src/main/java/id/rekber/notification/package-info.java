/**
 * Mails to members through a transactional outbox, and the dev mailbox in single-node mode.
 *
 * <p>Module boundaries: see docs/modules.md; verified by ModuleStructureTest.
 */
@ApplicationModule(displayName = "Notification", allowedDependencies = {"identity", "platform"})
package id.rekber.notification;

import org.springframework.modulith.ApplicationModule;
