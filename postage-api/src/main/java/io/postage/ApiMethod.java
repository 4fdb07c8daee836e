package io.postage;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One abstract method of a typed API, analysed once from its annotation and signature: the message it
 * builds from its arguments ({@link Command}, {@link Rpc} or {@link Status}), its route, and how it
 * sends and what it returns.
 */
final class ApiMethod {

    /** Sends a built message along a route and returns what the method returns. */
    @FunctionalInterface
    private interface Sending {
        Object send(ApiTarget target, Message message, Route route);
    }

    private static final Sending FIRE_AND_FORGET = (target, message, route) -> {
        target.send(message, route);
        return null;
    };

    private final ApiParameters parameters;
    private final Function<Object, Message> messageFactory;
    private final Sending sending;

    private ApiMethod(ApiParameters parameters, Function<Object, Message> messageFactory, Sending sending) {
        this.parameters = parameters;
        this.messageFactory = messageFactory;
        this.sending = sending;
    }

    /**
     * @param method an abstract method of a typed-API interface
     * @return the method, ready to call
     * @throws IllegalArgumentException naming the method if it does not have exactly one of the
     *     annotations, or its parameters or return type do not fit it
     */
    static ApiMethod of(Method method) {
        String description = method.getDeclaringClass().getSimpleName() + "." + method.getName();
        Command command = method.getAnnotation(Command.class);
        Rpc rpc = method.getAnnotation(Rpc.class);
        Status status = method.getAnnotation(Status.class);
        int annotations = (command == null ? 0 : 1) + (rpc == null ? 0 : 1) + (status == null ? 0 : 1);
        if (annotations != 1) {
            throw new IllegalArgumentException(description + " has " + (annotations == 0 ? "none" : annotations)
                    + " of @Command, @Rpc, @Status; each abstract method of a typed API has exactly one");
        }
        ApiParameters parameters = ApiParameters.of(method, description);
        if (command != null) {
            requireVoid(method, description, "@Command");
            String name = nameOf(command.value(), method);
            return new ApiMethod(parameters, arguments -> Message.command(name, arguments), FIRE_AND_FORGET);
        }
        if (status != null) {
            requireVoid(method, description, "@Status");
            if (!parameters.sendsNothing()) {
                throw new IllegalArgumentException(description + " is a @Status but takes parameters; a status carries "
                        + "none (a Route parameter is allowed)");
            }
            String name = nameOf(status.value(), method);
            return new ApiMethod(parameters, arguments -> Message.status(name), FIRE_AND_FORGET);
        }
        String name = nameOf(rpc.value(), method);
        return new ApiMethod(parameters, arguments -> Message.rpcCommand(name, arguments),
                rpcSending(method.getGenericReturnType(), optionsOf(rpc, description), name, description));
    }

    private static Sending rpcSending(Type returnType, RpcOptions options, String name, String description) {
        if (returnType == Message.class) {
            return (target, message, route) -> target.rpc(message, options.withRoute(route));
        }
        RpcOptions throwing = options.throwOnTimeout();
        if (returnType instanceof ParameterizedType future && future.getRawType() == CompletableFuture.class) {
            Type resultType = future.getActualTypeArguments()[0];
            if (resultType == Message.class) {
                return (target, message, route) -> target.rpcAsync(message, options.withRoute(route));
            }
            ResultConverter converter = ResultConverter.of(resultType, name, description);
            return (target, message, route) -> target.rpcAsync(message, throwing.withRoute(route))
                    .thenApply(converter::convert);
        }
        ResultConverter converter = ResultConverter.of(returnType, name, description);
        return (target, message, route) -> converter.convert(target.rpc(message, throwing.withRoute(route)));
    }

    private static RpcOptions optionsOf(Rpc rpc, String description) {
        RpcOptions options = RpcOptions.defaults();
        try {
            if (rpc.timeoutMillis() != -1) {
                options = options.withTimeout(Duration.ofMillis(rpc.timeoutMillis()));
            }
            if (rpc.maxRetry() != -1) {
                options = options.withMaxRetry(rpc.maxRetry());
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    description + ": " + e.getMessage() + " (-1 means the producer's default)", e);
        }
        return options;
    }

    private static void requireVoid(Method method, String description, String annotation) {
        if (method.getReturnType() != void.class) {
            throw new IllegalArgumentException(description + " is a " + annotation + " and returns "
                    + method.getGenericReturnType().getTypeName() + "; it must return void");
        }
    }

    private static String nameOf(String annotated, Method method) {
        return annotated.isEmpty() ? method.getName() : annotated;
    }

    /**
     * @param args the call's arguments ({@code null} when the method takes none)
     * @return the message the call sends, not yet stamped
     */
    Message message(Object[] args) {
        return messageFactory.apply(parameters.parameters(args));
    }

    /**
     * @param args the call's arguments
     * @return where the call sends its message
     */
    Route route(Object[] args) {
        return parameters.route(args);
    }

    /**
     * @param target what to send through
     * @param args the call's arguments
     * @return what the method returns
     */
    Object invoke(ApiTarget target, Object[] args) {
        return sending.send(target, message(args), route(args));
    }
}
