package id.rekber.membership;

/** The plans a member can choose; their price, period and benefits are in membership-benefits.dmn. */
public enum Plan {
  MONTHLY,
  YEARLY
}
