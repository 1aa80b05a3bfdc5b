package id.rekber.support;

/** The demo users of the Keycloak realm (password "rekber-demo"; staff also need a one-time code, {@link StaffOtp}); V4 seeds their profiles. */
public final class DemoUsers {
  public static final String BUDI = "budi@rekber.test";
  public static final String SARI = "sari@rekber.test";
  public static final String RINA = "rina@rekber.test";
  public static final String JOKO = "joko@rekber.test";
  public static final String ADMIN = "admin@rekber.test";
  /** A second admin, for four-eyes approvals (decision 38). */
  public static final String ADMIN2 = "admin2@rekber.test";
  public static final String MEDIATOR = "mediator@rekber.test";
  public static final String COMPLIANCE = "compliance@rekber.test";
  public static final String ANALYST = "analyst@rekber.test";

  private DemoUsers() {}
}
