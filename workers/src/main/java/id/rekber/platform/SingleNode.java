package id.rekber.platform;

import org.springframework.core.env.Environment;

/**
 * Which way Rekber runs: everything in-process (default) or against an external Camunda cluster.
 * The in-process infrastructure itself is the {@code rekber-single-node} module (an
 * auto-configuration with the same rule), which must then be on the class path.
 */
public final class SingleNode {
  public static final String MODE_PROPERTY = "rekber.mode";

  private SingleNode() {}

  public static boolean isActive(Environment environment) {
    String mode = environment.getProperty(MODE_PROPERTY, "single-node").strip();
    if ("single-node".equalsIgnoreCase(mode)) {
      return true;
    }
    if ("cluster".equalsIgnoreCase(mode)) {
      return false;
    }
    throw new IllegalStateException(MODE_PROPERTY + " must be single-node or cluster, not '" + mode + "'");
  }
}
