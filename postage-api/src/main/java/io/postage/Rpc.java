package io.postage;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a typed API ({@link Producer#api(Class)}) that calls a remote command: Python's
 * {@code rpc_<name>(...)}. Its arguments become the call's parameters, a {@link Route} argument, if
 * any, says where to send it, and its return type says what the caller gets:
 * <ul>
 * <li>{@link Message}: the result message as it came, a {@code TimeoutError} exception result after
 *     the last timeout (like {@link Producer#rpc(String, Object)});</li>
 * <li>{@code CompletableFuture<Message>}: the same, without waiting;</li>
 * <li>{@code void}, or a type {@code T} among {@code String}, {@code boolean}, {@code int},
 *     {@code long}, {@code double} (or their boxes), {@code Map<String, Object>},
 *     {@code List<Object>} and {@code Object}: the {@code value} of a success result, converted;
 *     an error or exception result throws {@link RemoteException}, the last timeout
 *     {@link RpcTimeoutException};</li>
 * <li>{@code CompletableFuture<T>}: the same, without waiting.</li>
 * </ul>
 *
 * {@snippet :
 * interface EchoApi {
 *     @Rpc(value = "echo", timeoutMillis = 2000, maxRetry = 0)
 *     String echo(String text);
 * }
 * }
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Rpc {

    /** @return the command name; the method's name if empty */
    String value() default "";

    /** @return how long each attempt waits for its reply, in milliseconds; -1 for the producer's default */
    long timeoutMillis() default -1;

    /** @return how many times a timed-out call is sent again; -1 for the producer's default */
    int maxRetry() default -1;
}
