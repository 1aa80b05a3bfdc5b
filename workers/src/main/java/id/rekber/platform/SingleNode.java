package id.rekber.platform;

import org.springframework.core.env.Environment;

/** Which way Rekber runs: everything in-process (default) or against an external Camunda cluster. */
public final class SingleNode {
  public static final String MODE_PROPERTY = "rekber.mode";

  private SingleNode() {}

  public static boolean isActive(Environment environment) {
    return !"cluster".equalsIgnoreCase(environment.getProperty(MODE_PROPERTY, "single-node"));
  }
}
