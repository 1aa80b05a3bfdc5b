package id.rekber.payment;

import id.rekber.platform.PaymentSandboxCondition;
import id.rekber.platform.SingleNode;
import java.util.Map;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** {@code /actuator/info}: which provider takes new payments; never a key. */
@Component
class PaymentProviderInfo implements InfoContributor {
  private final PaymentProviders providers;
  private final Environment environment;

  PaymentProviderInfo(PaymentProviders providers, Environment environment) {
    this.providers = providers;
    this.environment = environment;
  }

  @Override
  public void contribute(Info.Builder builder) {
    String name = providers.active().name();
    if (PaymentSandboxCondition.SANDBOX.equals(name) && !SingleNode.isActive(environment)) {
      name += " (demo switch)";
    }
    builder.withDetail("payment", Map.of("provider", name));
  }
}
