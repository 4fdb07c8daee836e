package io.postage;

import io.postage.internal.DeclarationOrder;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The handlers of one processor class, keyed by (category, type, name), built once per class from
 * its annotations: methods in declaration order, superclasses first (so the built-in {@code quit}
 * and {@code restart} come first), then nested {@link Handler} classes.
 */
final class DispatchTable {

    private static final ClassValue<DispatchTable> TABLES = new ClassValue<>() {
        @Override
        protected DispatchTable computeValue(Class<?> type) {
            return new DispatchTable(type);
        }
    };

    /** Category, then type, then name: looked up without allocating a key per message. */
    private final Map<Category, Map<String, Map<String, List<HandlerInvoker>>>> handlers = new EnumMap<>(Category.class);

    private DispatchTable(Class<?> processorClass) {
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> type = processorClass; type != Object.class; type = type.getSuperclass()) {
            hierarchy.add(0, type);
        }
        Set<String> registered = new HashSet<>();
        for (Class<?> type : hierarchy) {
            MethodHandles.Lookup lookup = lookupIn(type);
            for (Method method : DeclarationOrder.methodsOf(type)) {
                String signature = method.getName() + MethodType.methodType(method.getReturnType(),
                        method.getParameterTypes()).toMethodDescriptorString();
                handlerAnnotation(method, method.toString()).ifPresent(annotation -> {
                    if (registered.add(signature)) {
                        register(annotation, HandlerInvoker.forMethod(lookup, method, annotation, filters(method, lookup)));
                    }
                });
            }
            for (Class<?> nested : type.getDeclaredClasses()) {
                if (Handler.class.isAssignableFrom(nested)) {
                    handlerAnnotation(nested, nested.getName()).ifPresent(annotation -> register(annotation,
                            HandlerInvoker.forClass(lookupIn(nested), nested, annotation, filters(nested, lookup))));
                }
            }
        }
    }

    /**
     * @param processorClass a processor class
     * @return its table, built on first use
     */
    static DispatchTable of(Class<? extends MessageProcessor> processorClass) {
        return TABLES.get(processorClass);
    }

    /**
     * @param message a fire-and-forget message
     * @return every handler registered for its type and name, in registration order
     */
    List<HandlerInvoker> messageHandlers(Message message) {
        return registered(Category.MESSAGE, message);
    }

    /**
     * @param message an RPC call
     * @return the last handler registered for its type and name
     */
    Optional<HandlerInvoker> rpcHandler(Message message) {
        List<HandlerInvoker> found = registered(Category.RPC, message);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1));
    }

    private List<HandlerInvoker> registered(Category category, Message message) {
        return handlers.getOrDefault(category, Map.of()).getOrDefault(message.type(), Map.of())
                .getOrDefault(message.name(), List.of());
    }

    private void register(Annotation annotation, HandlerInvoker invoker) {
        switch (annotation) {
            case MessageHandler h -> register(Category.MESSAGE, h.type(), h.name(), invoker);
            case MessageHandlerFullBody h -> register(Category.MESSAGE, h.type(), h.name(), invoker);
            case RpcHandler h -> register(Category.RPC, h.type(), h.name(), invoker);
            default -> throw new IllegalStateException("Not a handler annotation: " + annotation);
        }
    }

    private void register(Category category, String type, String name, HandlerInvoker invoker) {
        handlers.computeIfAbsent(category, c -> new HashMap<>()).computeIfAbsent(type, t -> new HashMap<>())
                .computeIfAbsent(name, n -> new ArrayList<>()).add(invoker);
    }

    private static Optional<Annotation> handlerAnnotation(java.lang.reflect.AnnotatedElement element, String where) {
        List<Annotation> found = new ArrayList<>();
        for (Class<? extends Annotation> type : List.of(MessageHandler.class, MessageHandlerFullBody.class, RpcHandler.class)) {
            Annotation annotation = element.getAnnotation(type);
            if (annotation != null) {
                found.add(annotation);
            }
        }
        if (found.size() > 1) {
            throw new IllegalStateException(where + " has " + found.size()
                    + " handler annotations; a handler has exactly one of @MessageHandler, @MessageHandlerFullBody, @RpcHandler");
        }
        return found.stream().findFirst();
    }

    private static List<ContentFilter> filters(java.lang.reflect.AnnotatedElement element, MethodHandles.Lookup lookup) {
        List<ContentFilter> filters = new ArrayList<>();
        for (MessageFilter filter : element.getAnnotationsByType(MessageFilter.class)) {
            try {
                MethodHandle constructor = lookupIn(filter.value())
                        .findConstructor(filter.value(), MethodType.methodType(void.class));
                filters.add((ContentFilter) constructor.invoke());
            } catch (Throwable e) {
                throw new IllegalStateException("Cannot create filter " + filter.value().getName()
                        + ": a ContentFilter needs an accessible no-argument constructor", e);
            }
        }
        return List.copyOf(filters);
    }

    static MethodHandles.Lookup lookupIn(Class<?> type) {
        try {
            return MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Postage cannot call the handlers of " + type.getName() + ": open its package to"
                    + " io.postage in module-info.java (opens " + type.getPackageName() + " to io.postage;)", e);
        }
    }

    static boolean isStatic(Method method) {
        return Modifier.isStatic(method.getModifiers());
    }
}
