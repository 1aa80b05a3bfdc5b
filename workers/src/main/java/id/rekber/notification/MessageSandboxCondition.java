package id.rekber.notification;

import id.rekber.platform.SingleNode;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The sandbox SMS/WhatsApp sender runs in single-node mode, and in cluster mode only when a demo
 * stack sets {@value #ALLOW_IN_CLUSTER} (as it does for the payment sandbox, decision 31): without
 * a real vendor nobody could verify a phone, so nobody could sell.
 */
class MessageSandboxCondition implements Condition {
  static final String ALLOW_IN_CLUSTER = "rekber.phone-verification.sandbox.allow-in-cluster";

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    return SingleNode.isActive(context.getEnvironment())
        || context.getEnvironment().getProperty(ALLOW_IN_CLUSTER, Boolean.class, false);
  }

  /** The opposite: a cluster without the demo switch gets {@link NoMessageProvider}. */
  static class Absent implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return !new MessageSandboxCondition().matches(context, metadata);
    }
  }
}
