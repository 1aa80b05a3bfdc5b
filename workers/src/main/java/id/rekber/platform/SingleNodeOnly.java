package id.rekber.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * A bean that exists only in single-node mode: the dev mailbox, the engine's gate and rebase. In
 * cluster mode (a real deployment) such a bean, and any URL it serves, does not exist. (The sandbox
 * payment provider follows {@link PaymentSandbox} instead.)
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(SingleNodeCondition.class)
public @interface SingleNodeOnly {}
