package io.postage;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a typed API ({@link Producer#api(Class)}) that sends a status message
 * ({@link Message#status(String)}). The method returns {@code void} and takes no parameters but an
 * optional {@link Route}.
 *
 * {@snippet :
 * interface WorkerApi {
 *     @Status("online")
 *     void online();
 * }
 * }
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Status {

    /** @return the status; the method's name if empty */
    String value() default "";
}
