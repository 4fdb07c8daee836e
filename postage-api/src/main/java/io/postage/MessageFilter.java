package io.postage;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a {@link ContentFilter} on the content before the annotated handler gets it; repeat it to
 * chain filters, applied in declaration order. A filter that throws {@link FilterError} skips the
 * handler for that message.
 *
 * {@snippet :
 * @MessageFilter(RequireText.class)
 * @MessageHandler(name = "echo")
 * void echo(Map<String, Object> content) { ... }
 * }
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@Repeatable(MessageFilters.class)
public @interface MessageFilter {

    /** @return the filter class, instantiated once per processor class */
    Class<? extends ContentFilter> value();
}
