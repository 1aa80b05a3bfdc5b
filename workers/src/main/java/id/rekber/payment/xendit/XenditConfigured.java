package id.rekber.payment.xendit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/** Beans of the Xendit adapter: present when Xendit is active or its secret key is set (decision 33). */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Conditional(XenditCondition.class)
@interface XenditConfigured {}
