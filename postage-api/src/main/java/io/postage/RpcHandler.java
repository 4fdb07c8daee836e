package io.postage;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a processor method that answers RPC calls of one type and name. When several match, the
 * last registered answers. If the method throws, the caller receives an exception result naming it.
 *
 * {@snippet :
 * @RpcHandler(name = "echo")
 * Message echo(Map<String, Object> content) {
 *     return Message.result(content.get("parameters"));
 * }
 * }
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RpcHandler {

    /** @return the message type, {@code command} unless set */
    String type() default Message.COMMAND;

    /** @return the message name */
    String name();
}
