/**
 * Staff tasks (mediator, compliance, admin inboxes): listing, claiming and completing user tasks behind the Inbox port; features plug in their case panels through CaseContext.
 *
 * <p>Module boundaries: see docs/modules.md; verified by ModuleStructureTest.
 */
@ApplicationModule(displayName = "Staff inbox", allowedDependencies = {"identity", "audit", "platform"})
package id.rekber.inbox;

import org.springframework.modulith.ApplicationModule;
