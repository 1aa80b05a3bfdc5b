package id.rekber.support;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * {@code rekber.test.provider-stubs}: the base URL of the WireMock server playing Midtrans, Iris and
 * Xendit ({@link ProviderStubs}), started on first use. The test profile points the adapters at it,
 * so the shared full-stack context has all three providers configured and the sandbox active.
 */
public class ProviderStubsEnvironment implements EnvironmentPostProcessor {
  static final String PROPERTY = "rekber.test.provider-stubs";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    environment.getPropertySources().addLast(new PropertySource<>(PROPERTY) {
      @Override
      public Object getProperty(String name) {
        return PROPERTY.equals(name) ? ProviderStubs.baseUrl() : null;
      }
    });
  }
}
