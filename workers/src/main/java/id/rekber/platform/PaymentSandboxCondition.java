package id.rekber.platform;

import java.util.Set;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when the sandbox is the payment provider; throws {@link PaymentProviderRequired} when none is. */
public class PaymentSandboxCondition implements Condition {
  public static final String PROPERTY = "rekber.payment.provider";
  public static final String SANDBOX = "sandbox";
  /** The explicit demo switch without which cluster mode refuses the sandbox (decision 31). */
  public static final String ALLOW_IN_CLUSTER = "rekber.payment.sandbox.allow-in-cluster";
  /** Providers this build contains. */
  static final Set<String> KNOWN = Set.of(SANDBOX, "midtrans", "xendit");
  /** The sandbox's demo server key (PaymentProperties' default): refused in cluster mode even behind the demo switch. */
  public static final String DEMO_SERVER_KEY = "SB-Mid-server-DEMO-ONLY-not-a-secret";

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    return SANDBOX.equals(chosenProvider(context.getEnvironment()));
  }

  public static boolean sandboxAllowedInCluster(Environment environment) {
    return environment.getProperty(ALLOW_IN_CLUSTER, Boolean.class, false);
  }

  /** The configured provider; refuses a missing choice in cluster mode, the sandbox there without the demo switch, and any unknown name. */
  public static String chosenProvider(Environment environment) {
    String configured = environment.getProperty(PROPERTY, "").strip().toLowerCase();
    if (configured.isEmpty()) {
      if (SingleNode.isActive(environment)) {
        return SANDBOX;
      }
      throw new PaymentProviderRequired(
          PROPERTY + " is required in cluster mode (REKBER_PAYMENT_PROVIDER); known providers: " + KNOWN
              + ". Choose sandbox only for a demo stack: it can mark any order as paid.");
    }
    if (!KNOWN.contains(configured)) {
      throw new PaymentProviderRequired(PROPERTY + " '" + configured + "' is not a provider of this build; known providers: " + KNOWN);
    }
    if (SANDBOX.equals(configured) && !SingleNode.isActive(environment) && !sandboxAllowedInCluster(environment)) {
      throw new PaymentProviderRequired(
          PROPERTY + "=sandbox is refused in cluster mode: the sandbox can mark any order as paid. Only a demo stack may set "
              + ALLOW_IN_CLUSTER + "=true (REKBER_PAYMENT_SANDBOX_ALLOW_IN_CLUSTER) as well.");
    }
    if (SANDBOX.equals(configured) && !SingleNode.isActive(environment)
        && DEMO_SERVER_KEY.equals(environment.getProperty("rekber.payment.sandbox-server-key", DEMO_SERVER_KEY))) {
      throw new PaymentProviderRequired(
          "the sandbox's demo server key is refused in cluster mode: anyone with this repository can sign its callbacks."
              + " Set REKBER_PAYMENT_SANDBOX_SERVER_KEY (scripts/new-env.sh).");
    }
    return configured;
  }
}
