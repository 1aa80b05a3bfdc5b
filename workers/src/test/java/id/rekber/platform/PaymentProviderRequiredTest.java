package id.rekber.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.MapPropertySource;

/** A context with a sandbox bean starts only when the sandbox is the chosen payment provider. */
class PaymentProviderRequiredTest {

  @Test
  void clusterModeWithoutAProviderStopsTheStartWithAClearMessage() {
    assertThat(startFailure("cluster", null))
        .isInstanceOf(PaymentProviderRequired.class)
        .hasMessageContaining("rekber.payment.provider is required in cluster mode")
        .hasMessageContaining("REKBER_PAYMENT_PROVIDER");
  }

  @Test
  void anUnknownProviderStopsTheStartInEitherMode() {
    for (String mode : new String[] {"cluster", "single-node"}) {
      assertThat(startFailure(mode, "doku"))
          .isInstanceOf(PaymentProviderRequired.class)
          .hasMessageContaining("'doku' is not a provider of this build");
    }
  }

  @Test
  void clusterModeRefusesTheSandboxWithoutTheDemoSwitch() {
    assertThat(startFailure("cluster", "sandbox"))
        .isInstanceOf(PaymentProviderRequired.class)
        .hasMessageContaining("sandbox is refused in cluster mode")
        .hasMessageContaining("REKBER_PAYMENT_SANDBOX_ALLOW_IN_CLUSTER");
    assertThat(startFailure("cluster", "sandbox", "false")).isInstanceOf(PaymentProviderRequired.class);
  }

  @Test
  void clusterModeRefusesTheSandboxsDemoServerKeyEvenBehindTheSwitch() {
    Throwable thrown = catchThrowable(() -> start("cluster", "sandbox", "true", null).close());
    assertThat(NestedExceptionUtils.getMostSpecificCause(thrown))
        .isInstanceOf(PaymentProviderRequired.class)
        .hasMessageContaining("demo server key")
        .hasMessageContaining("REKBER_PAYMENT_SANDBOX_SERVER_KEY");
  }

  @Test
  void theSandboxStartsWhereChosenOrByDefaultInSingleNode() {
    try (AnnotationConfigApplicationContext context = start("cluster", "sandbox", "true")) {
      assertThat(context.getBeansOfType(SandboxBean.class)).hasSize(1);
    }
    try (AnnotationConfigApplicationContext context = start("single-node", null)) {
      assertThat(context.getBeansOfType(SandboxBean.class)).hasSize(1);
    }
  }

  /** The most specific cause of the failed start (Spring may wrap it). */
  private static Throwable startFailure(String mode, String provider) {
    return startFailure(mode, provider, null);
  }

  private static Throwable startFailure(String mode, String provider, String allowInCluster) {
    Throwable thrown = catchThrowable(() -> start(mode, provider, allowInCluster).close());
    assertThat(thrown).as("the start must fail").isNotNull();
    return NestedExceptionUtils.getMostSpecificCause(thrown);
  }

  private static AnnotationConfigApplicationContext start(String mode, String provider) {
    return start(mode, provider, null);
  }

  private static AnnotationConfigApplicationContext start(String mode, String provider, String allowInCluster) {
    return start(mode, provider, allowInCluster, "a-generated-sandbox-key");
  }

  private static AnnotationConfigApplicationContext start(String mode, String provider, String allowInCluster, String sandboxKey) {
    AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
    Map<String, Object> properties = new HashMap<>(Map.of("rekber.mode", mode));
    if (sandboxKey != null) {
      properties.put("rekber.payment.sandbox-server-key", sandboxKey);
    }
    if (provider != null) {
      properties.put("rekber.payment.provider", provider);
    }
    if (allowInCluster != null) {
      properties.put("rekber.payment.sandbox.allow-in-cluster", allowInCluster);
    }
    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
    context.register(SandboxBean.class);
    context.refresh();
    return context;
  }

  @PaymentSandbox
  static class SandboxBean {}
}
