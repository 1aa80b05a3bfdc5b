package id.rekber.payment.xendit;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

class XenditCondition implements Condition {
  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    var env = context.getEnvironment();
    return XenditPaymentProvider.NAME.equalsIgnoreCase(env.getProperty("rekber.payment.provider", "").strip())
        || StringUtils.hasText(env.getProperty("rekber.payment.xendit.secret-key"));
  }
}
