package id.rekber.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * A bean that exists only in cluster mode: what needs Camunda user tasks, the REST API or task
 * listeners, none of which the embedded engine of single-node mode has.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(ClusterCondition.class)
public @interface ClusterOnly {}
