package id.rekber.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * A bean of the sandbox payment provider (provider, checkout page, callbacks, faults). It exists
 * when {@code rekber.payment.provider=sandbox}: the default in single-node mode, and a deliberate
 * choice in cluster mode (a demo stack). Any URL such a bean serves exists only then.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(PaymentSandboxCondition.class)
public @interface PaymentSandbox {}
