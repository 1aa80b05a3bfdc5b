/**
 * Premium membership: monthly or yearly plans paid through the payment provider, renewed by the
 * membership process, with the benefits of processes/membership-benefits.dmn.
 *
 * <p>Module boundaries: see docs/modules.md; verified by ModuleStructureTest.
 */
@ApplicationModule(displayName = "Membership", allowedDependencies = {"payment", "ledger", "escrow", "inbox", "identity", "notification", "platform"})
package id.rekber.membership;

import org.springframework.modulith.ApplicationModule;
