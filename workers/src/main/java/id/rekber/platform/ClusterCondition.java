package id.rekber.platform;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when Rekber runs against an external Camunda cluster, i.e. not in single-node mode. */
public class ClusterCondition implements Condition {
  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    return !SingleNode.isActive(context.getEnvironment());
  }
}
