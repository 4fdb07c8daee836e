package io.postage;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a typed API ({@link Producer#api(Class)}) that sends a fire-and-forget command:
 * Python's {@code message_<name>(...)}. The method returns {@code void}; its arguments become the
 * command's parameters, and a {@link Route} argument, if any, says where to send it.
 *
 * {@snippet :
 * interface EchoApi {
 *     @Command("echo")
 *     void echo(String text);          // sends {"parameters": {"text": ...}}
 * }
 * }
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Command {

    /** @return the command name; the method's name if empty */
    String value() default "";
}
