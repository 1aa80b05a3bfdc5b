package id.rekber.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * A bean that exists only in cluster mode ({@code rekber.mode=cluster}): code that talks to a real
 * Camunda 8 orchestration cluster through its REST API (Camunda user tasks, element-instance search,
 * deployed process XML), which the embedded engine of single-node mode does not offer.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(ClusterCondition.class)
public @interface ClusterOnly {}
