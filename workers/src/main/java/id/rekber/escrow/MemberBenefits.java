package id.rekber.escrow;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * What an active premium membership gives its member (processes/membership-benefits.dmn): the escrow
 * fee rate with its minimum and cap, payout right after release, a shorter mediator SLA and staff
 * tasks first in the inbox.
 */
public record MemberBenefits(
    String plan,
    BigDecimal feeRate,
    long feeMinimum,
    long feeCap,
    boolean instantPayout,
    Duration mediationSla,
    boolean inboxPriority) {}
