package id.rekber.payment.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
 * The sandbox payment provider can mark any order as paid, so it must not exist in a real
 * deployment: in cluster mode none of its beans is created and none of its URLs is served.
 */
class SandboxOnlyInSingleNodeModeTest {
  private static final String[] SINGLE_NODE_ONLY = {"id.rekber.payment.sandbox", "id.rekber.notification"};

  @Test
  void clusterModeRegistersNoSandboxBean() {
    assertThat(sandboxBeansIn("cluster")).isZero();
  }

  @Test
  void singleNodeModeRegistersTheSandbox() {
    assertThat(sandboxBeansIn("single-node")).isEqualTo(7); // with the faults and their switchboard
  }

  @Test
  void clusterModeServesNoSandboxUrl() throws Exception {
    try (GenericWebApplicationContext context = webContext("cluster")) {
      MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
      mvc.perform(get("/sandbox/checkout/ORDER-1")).andExpect(status().isNotFound());
      mvc.perform(post("/sandbox/checkout/ORDER-1/pay")).andExpect(status().isNotFound());
      mvc.perform(post("/sandbox/api/bank-accounts")).andExpect(status().isNotFound());
      mvc.perform(put("/sandbox/api/faults")).andExpect(status().isNotFound());
      mvc.perform(post("/api/webhooks/sandbox/payments")).andExpect(status().isNotFound());
      mvc.perform(get("/api/dev/mails")).andExpect(status().isNotFound());
    }
  }

  private static int sandboxBeansIn(String mode) {
    try (GenericWebApplicationContext context = new GenericWebApplicationContext()) {
      withMode(context, mode);
      ClassPathBeanDefinitionScanner scanner = new ClassPathBeanDefinitionScanner(context, true, context.getEnvironment());
      scanner.setIncludeAnnotationConfig(false);
      return scanner.scan("id.rekber.payment.sandbox");
    }
  }

  private static GenericWebApplicationContext webContext(String mode) {
    GenericWebApplicationContext context = new GenericWebApplicationContext();
    withMode(context, mode);
    context.setServletContext(new MockServletContext());
    AnnotationConfigUtils.registerAnnotationConfigProcessors(context);
    context.registerBean(Mvc.class);
    // Only the single-node-only controllers of these packages could match; in cluster mode none does.
    ClassPathBeanDefinitionScanner scanner = new ClassPathBeanDefinitionScanner(context, false, context.getEnvironment());
    scanner.addIncludeFilter((reader, factory) -> reader.getAnnotationMetadata().hasAnnotation("id.rekber.platform.SingleNodeOnly"));
    scanner.scan(SINGLE_NODE_ONLY);
    context.refresh();
    return context;
  }

  private static void withMode(GenericWebApplicationContext context, String mode) {
    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("mode", Map.of("rekber.mode", mode)));
  }

  @EnableWebMvc
  static class Mvc {}
}
