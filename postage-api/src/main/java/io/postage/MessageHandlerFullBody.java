package io.postage;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Like {@link MessageHandler}, but the method receives the whole envelope (its wire map, or the
 * {@link Message}) instead of the content only.
 *
 * {@snippet :
 * @MessageHandlerFullBody(name = "echo")
 * void echo(Message message) {
 *     System.out.println(message.fingerprint().orElseThrow().name() + " says " + message.content());
 * }
 * }
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface MessageHandlerFullBody {

    /** @return the message type, {@code command} unless set */
    String type() default Message.COMMAND;

    /** @return the message name */
    String name();
}
