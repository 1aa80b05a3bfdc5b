package id.rekber.support;

/** The demo users of the Keycloak realm (password "rekber-demo"); V4 seeds their profiles. */
public final class DemoUsers {
  public static final String BUDI = "budi@rekber.test";
  public static final String SARI = "sari@rekber.test";
  public static final String RINA = "rina@rekber.test";
  public static final String JOKO = "joko@rekber.test";
  public static final String ADMIN = "admin@rekber.test";
  public static final String MEDIATOR = "mediator@rekber.test";
  public static final String COMPLIANCE = "compliance@rekber.test";

  private DemoUsers() {}
}
