package id.rekber.platform;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when Rekber runs in single-node mode (embedded engine, database and mail server). */
public class SingleNodeCondition implements Condition {
  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    return SingleNode.isActive(context.getEnvironment());
  }
}
