package id.rekber.payment.midtrans;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * Beans of the Midtrans adapter: present when Midtrans is the active provider, or when its server
 * key is set (an install that switched away keeps finishing its Midtrans deals, decision 33).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Conditional(MidtransCondition.class)
@interface MidtransConfigured {}
