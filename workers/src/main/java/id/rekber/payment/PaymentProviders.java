package id.rekber.payment;

import id.rekber.platform.PaymentSandboxCondition;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Which provider answers what (decision 33): new payments and payouts go to the active provider
 * ({@code rekber.payment.provider}); everything about an existing payment or payout (status checks,
 * closing, callbacks) goes back to the provider recorded on its row. So switching a running install
 * to another provider is one property plus keys, and deals in flight finish where they started, as
 * long as the old provider's adapter is still configured.
 */
@Component
public class PaymentProviders {
  private final Map<String, PaymentProvider> byName;
  private volatile String active;

  PaymentProviders(List<PaymentProvider> providers, Environment environment) {
    this.byName = providers.stream().collect(Collectors.toMap(PaymentProvider::name, Function.identity()));
    this.active = PaymentSandboxCondition.chosenProvider(environment);
    if (!byName.containsKey(active)) {
      throw new IllegalStateException("payment provider " + active + " is chosen but not configured; configured: " + byName.keySet());
    }
  }

  /** The provider for new payments and payouts. */
  public PaymentProvider active() {
    return byName.get(active);
  }

  /** The provider that created a payment or payout; refuses a name this install cannot reach any more. */
  public PaymentProvider named(String name) {
    PaymentProvider provider = byName.get(name == null ? active : name);
    if (provider == null) {
      throw new IllegalStateException("payment provider " + name + " is not configured on this install; configure its keys to finish its payments");
    }
    return provider;
  }

  public boolean has(String name) {
    return byName.containsKey(name);
  }

  /** Test hook: the provider new payments go to (the end-to-end deal tests run once per provider in one context). */
  void activate(String name) {
    named(name);
    this.active = name;
  }
}
