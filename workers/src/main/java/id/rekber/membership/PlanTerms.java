package id.rekber.membership;

import id.rekber.escrow.MemberBenefits;

/** What a plan costs per period and what it gives (one row of membership-benefits.dmn). */
public record PlanTerms(Plan plan, long price, int periodMonths, MemberBenefits benefits) {}
