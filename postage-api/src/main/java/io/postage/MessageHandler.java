package io.postage;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a processor method that handles fire-and-forget messages of one type and name. It receives
 * the message's content (a {@code Map<String, Object>}); every matching handler runs, in
 * registration order.
 *
 * {@snippet :
 * @MessageHandler(name = "echo")
 * void echo(Map<String, Object> content) {
 *     System.out.println(content.get("parameters"));
 * }
 * }
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface MessageHandler {

    /** @return the message type, {@code command} unless set */
    String type() default Message.COMMAND;

    /** @return the message name */
    String name();
}
