package id.rekber.platform;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when Rekber runs against an external Camunda 8 orchestration cluster ({@code rekber.mode=cluster}). */
public class ClusterCondition implements Condition {
  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    return !SingleNode.isActive(context.getEnvironment());
  }
}
