package id.rekber.payment.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigUtils;
import org.springframework.context.annotation.ClassPathBeanDefinitionScanner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.support.GenericWebApplicationContext;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

/**
 * The sandbox payment provider can mark any order as paid, so it exists only where it was chosen
 * ({@code rekber.payment.provider=sandbox}, the single-node default). The dev mailbox stays
 * single-node only even when a cluster demo stack chooses the sandbox.
 */
class SandboxOnlyWhereChosenTest {
  private static final String[] SCANNED = {"id.rekber.payment.sandbox", "id.rekber.notification"};
  private static final int SANDBOX_BEANS = 7; // with the faults and their switchboard

  @Test
  void singleNodeModeRegistersTheSandboxByDefault() {
    assertThat(sandboxBeansIn("single-node", null)).isEqualTo(SANDBOX_BEANS);
  }

  @Test
  void clusterModeRegistersTheSandboxOnlyWhenChosen() {
    assertThat(sandboxBeansIn("cluster", "sandbox")).isEqualTo(SANDBOX_BEANS);
    assertThat(sandboxBeansIn("cluster", " Sandbox ")).isEqualTo(SANDBOX_BEANS);
  }

  @Test
  void clusterModeWithTheSandboxServesItsUrlsButNoDevMailbox() throws Exception {
    try (GenericWebApplicationContext context = webContext("cluster", "sandbox")) {
      MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
      mvc.perform(get("/sandbox/api/faults")).andExpect(status().isOk());
      mvc.perform(get("/api/dev/mails")).andExpect(status().isNotFound());
    }
  }

  @Test
  void theDevMailboxStaysSingleNodeOnly() {
    assertThat(singleNodeOnlyBeansIn("id.rekber.notification", "single-node", null)).isEqualTo(1);
    assertThat(singleNodeOnlyBeansIn("id.rekber.notification", "cluster", "sandbox")).isZero();
  }

  private static int singleNodeOnlyBeansIn(String pkg, String mode, String provider) {
    try (GenericWebApplicationContext context = new GenericWebApplicationContext()) {
      configure(context, mode, provider);
      ClassPathBeanDefinitionScanner scanner = new ClassPathBeanDefinitionScanner(context, false, context.getEnvironment());
      scanner.setIncludeAnnotationConfig(false);
      scanner.addIncludeFilter((reader, factory) -> reader.getAnnotationMetadata().hasAnnotation("id.rekber.platform.SingleNodeOnly"));
      return scanner.scan(pkg);
    }
  }

  private static int sandboxBeansIn(String mode, String provider) {
    try (GenericWebApplicationContext context = new GenericWebApplicationContext()) {
      configure(context, mode, provider);
      ClassPathBeanDefinitionScanner scanner = new ClassPathBeanDefinitionScanner(context, true, context.getEnvironment());
      scanner.setIncludeAnnotationConfig(false);
      return scanner.scan("id.rekber.payment.sandbox");
    }
  }

  /** Only the conditional controllers (sandbox, dev mailbox) of the scanned packages, with the mode's rules. */
  private static GenericWebApplicationContext webContext(String mode, String provider) {
    GenericWebApplicationContext context = new GenericWebApplicationContext();
    configure(context, mode, provider);
    context.setServletContext(new MockServletContext());
    AnnotationConfigUtils.registerAnnotationConfigProcessors(context);
    context.registerBean(Mvc.class);
    context.registerBean(SandboxFaults.class);
    ClassPathBeanDefinitionScanner scanner = new ClassPathBeanDefinitionScanner(context, false, context.getEnvironment());
    scanner.addIncludeFilter((reader, factory) -> reader.getClassMetadata().getClassName().endsWith("FaultController")
        || reader.getAnnotationMetadata().hasAnnotation("id.rekber.platform.SingleNodeOnly"));
    scanner.scan(SCANNED);
    context.refresh();
    return context;
  }

  private static void configure(GenericWebApplicationContext context, String mode, String provider) {
    // As the demo compose stack sets it; without it cluster mode refuses the sandbox (PaymentProviderRequiredTest).
    Map<String, Object> properties = new HashMap<>(Map.of("rekber.mode", mode, "rekber.payment.sandbox.allow-in-cluster", "true",
        "rekber.payment.sandbox-server-key", "a-generated-sandbox-key"));
    if (provider != null) {
      properties.put("rekber.payment.provider", provider);
    }
    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("mode", properties));
  }

  @EnableWebMvc
  static class Mvc {}
}
