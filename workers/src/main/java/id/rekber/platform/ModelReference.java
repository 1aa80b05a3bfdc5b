package id.rekber.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code static final String} constant that names something in the models under
 * {@code processes/} and {@code forms/}. {@code ModelContractTest} checks that each one exists there,
 * so renaming an element, message or form in a model without the code fails the build.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ModelReference {
  Kind value();

  enum Kind {
    /** A BPMN process id. */
    PROCESS,
    /** A BPMN element id (task, event, gateway). */
    ELEMENT,
    /** A BPMN message name. */
    MESSAGE,
    /** A Camunda Form id. */
    FORM,
    /** A DMN decision id. */
    DECISION
  }
}
