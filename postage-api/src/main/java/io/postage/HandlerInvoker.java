package io.postage;

import io.postage.spi.Delivery;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

/**
 * One registered handler, ready to call: its filters, and a method handle of type
 * {@code (Object processor, Object argument, Message message, Reply reply, Delivery delivery) Object} adapted
 * once from the handler method's own parameters (content or wire map, {@link Message}, {@link Reply},
 * {@link DeliveryInfo}, in any order). A {@link DeliveryInfo} is made only for the handlers that take one.
 */
final class HandlerInvoker {
    private static final MethodType INVOKER_TYPE =
            MethodType.methodType(Object.class, Object.class, Object.class, Message.class, Reply.class, Delivery.class);
    private static final int ARGUMENT = 1;
    private static final int MESSAGE = 2;
    private static final int REPLY = 3;
    private static final int DELIVERY = 4;
    private static final MethodHandle RUN_HANDLER_CLASS;
    private static final MethodHandle DELIVERY_INFO;

    static {
        try {
            RUN_HANDLER_CLASS = MethodHandles.lookup().findStatic(HandlerInvoker.class, "runHandlerClass",
                    MethodType.methodType(Object.class, MethodHandle.class, Object.class, Object.class, Message.class,
                            Reply.class, Delivery.class));
            DELIVERY_INFO = MethodHandles.lookup().findStatic(HandlerInvoker.class, "deliveryInfo",
                    MethodType.methodType(DeliveryInfo.class, Delivery.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String description;
    private final boolean fullBody;
    private final List<ContentFilter> filters;
    private final MethodHandle invoker;

    private HandlerInvoker(String description, boolean fullBody, List<ContentFilter> filters, MethodHandle invoker) {
        this.description = description;
        this.fullBody = fullBody;
        this.filters = filters;
        this.invoker = invoker;
    }

    static HandlerInvoker forMethod(MethodHandles.Lookup lookup, Method method, Annotation annotation,
            List<ContentFilter> filters) {
        String description = method.getDeclaringClass().getSimpleName() + "." + method.getName();
        if (DispatchTable.isStatic(method)) {
            throw new IllegalStateException("Handler " + description + " is static; handlers are instance methods");
        }
        Class<?>[] parameters = method.getParameterTypes();
        int[] reorder = new int[parameters.length + 1];
        Class<?>[] adaptedParameters = new Class<?>[parameters.length + 1];
        adaptedParameters[0] = Object.class;
        boolean[] used = new boolean[DELIVERY + 1];
        for (int i = 0; i < parameters.length; i++) {
            int source = sourceOf(parameters[i], annotation instanceof RpcHandler, description);
            if (used[source]) {
                throw new IllegalStateException("Handler " + description + " takes two parameters for the same thing ("
                        + parameters[i].getSimpleName() + ")");
            }
            used[source] = true;
            reorder[i + 1] = source;
            adaptedParameters[i + 1] = INVOKER_TYPE.parameterType(source);
        }
        try {
            MethodHandle handle = lookup.unreflect(method);
            for (int i = 0; i < parameters.length; i++) {
                if (reorder[i + 1] == DELIVERY) {
                    handle = MethodHandles.filterArguments(handle, i + 1, DELIVERY_INFO);
                }
            }
            handle = handle.asType(MethodType.methodType(Object.class, adaptedParameters));
            return new HandlerInvoker(description, annotation instanceof MessageHandlerFullBody, filters,
                    MethodHandles.permuteArguments(handle, INVOKER_TYPE, reorder));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Postage cannot call handler " + description, e);
        }
    }

    static HandlerInvoker forClass(MethodHandles.Lookup lookup, Class<?> handlerClass, Annotation annotation,
            List<ContentFilter> filters) {
        try {
            MethodHandle constructor = lookup.findConstructor(handlerClass, MethodType.methodType(void.class));
            return new HandlerInvoker(handlerClass.getSimpleName(), annotation instanceof MessageHandlerFullBody, filters,
                    MethodHandles.insertArguments(RUN_HANDLER_CLASS, 0, constructor));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException("Handler class " + handlerClass.getName()
                    + " needs a no-argument constructor that Postage can call", e);
        }
    }

    private static int sourceOf(Class<?> parameter, boolean rpc, String description) {
        if (parameter == Reply.class) {
            if (!rpc) {
                throw new IllegalStateException("Handler " + description + " takes a Reply but is not an @RpcHandler");
            }
            return REPLY;
        }
        if (parameter == Message.class) {
            return MESSAGE;
        }
        if (parameter == DeliveryInfo.class) {
            return DELIVERY;
        }
        if (parameter.isAssignableFrom(Map.class)) {
            return ARGUMENT;
        }
        throw new IllegalStateException("Handler " + description + " has a parameter of type " + parameter.getName()
                + ": handlers take the content (Map<String, Object>), the Message, a DeliveryInfo and, for RPC, a Reply");
    }

    @SuppressWarnings("unchecked")
    private static Object runHandlerClass(MethodHandle constructor, Object processor, Object argument, Message message,
            Reply reply, Delivery delivery) throws Throwable {
        Handler<MessageProcessor> handler = (Handler<MessageProcessor>) constructor.invoke();
        handler.bind((MessageProcessor) processor, argument, message, reply);
        handler.call();
        return null;
    }

    private static DeliveryInfo deliveryInfo(Delivery delivery) {
        return new DeliveryInfo(delivery.queue(), delivery.redelivered());
    }

    /**
     * Runs the filters, then the handler.
     *
     * @param processor the processor the handler belongs to
     * @param message the message
     * @param reply the reply, for RPC handlers; null for message handlers
     * @param delivery how the message arrived
     * @return what the handler returned, or null
     * @throws FilterError if a filter refused the message
     * @throws Throwable whatever the handler threw
     */
    Object invoke(MessageProcessor processor, Message message, Reply reply, Delivery delivery) throws Throwable {
        Object argument = fullBody ? message.toWire() : message.content();
        for (ContentFilter filter : filters) {
            argument = filter.filter(argument);
        }
        return (Object) invoker.invokeExact((Object) processor, argument, message, reply, delivery);
    }

    @Override
    public String toString() {
        return description;
    }
}
