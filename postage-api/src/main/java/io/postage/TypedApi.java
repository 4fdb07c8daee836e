package io.postage;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/**
 * The proxy behind {@link Producer#api(Class)}: analyses the interface once, then sends each call of an
 * annotated method through its {@link ApiMethod}. Default methods run as written; {@code equals} is
 * identity, {@code hashCode} the identity hash, {@code toString} names the interface and the producer.
 */
final class TypedApi implements InvocationHandler {
    private final Class<?> api;
    private final ApiTarget target;
    private final Map<Method, ApiMethod> methods;

    private TypedApi(Class<?> api, ApiTarget target, Map<Method, ApiMethod> methods) {
        this.api = api;
        this.target = target;
        this.methods = methods;
    }

    /**
     * @param api an interface whose abstract methods are annotated {@link Command}, {@link Rpc} or {@link Status}
     * @param target what the calls are sent through
     * @param <T> the interface
     * @return a proxy implementing it
     * @throws IllegalArgumentException if it is not an interface, or naming the first method that does not fit
     */
    static <T> T create(Class<T> api, ApiTarget target) {
        if (!api.isInterface() || api.isAnnotation()) {
            throw new IllegalArgumentException(api.getName() + " is not an interface; a typed API is an interface "
                    + "whose methods are annotated @Command, @Rpc or @Status");
        }
        Map<Method, ApiMethod> methods = new HashMap<>();
        for (Method method : api.getMethods()) {
            if (Modifier.isStatic(method.getModifiers()) || method.isSynthetic() || isObjectMethod(method)) {
                continue;
            }
            if (method.isDefault()) {
                requireNotAnnotated(method);
            } else {
                methods.put(method, ApiMethod.of(method));
            }
        }
        TypedApi handler = new TypedApi(api, target, Map.copyOf(methods));
        return api.cast(Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, handler));
    }

    private static void requireNotAnnotated(Method method) {
        if (method.isAnnotationPresent(Command.class) || method.isAnnotationPresent(Rpc.class)
                || method.isAnnotationPresent(Status.class)) {
            throw new IllegalArgumentException(method.getDeclaringClass().getSimpleName() + "." + method.getName()
                    + " is a default method and annotated; only abstract methods send messages");
        }
    }

    private static boolean isObjectMethod(Method method) {
        return switch (method.getName()) {
            case "equals" -> method.getParameterCount() == 1 && method.getParameterTypes()[0] == Object.class;
            case "hashCode", "toString" -> method.getParameterCount() == 0;
            default -> false;
        };
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        ApiMethod apiMethod = methods.get(method);
        if (apiMethod != null) {
            return apiMethod.invoke(target, args);
        }
        if (method.isDefault()) {
            return InvocationHandler.invokeDefault(proxy, method, args);
        }
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            case "toString" -> toString();
            default -> throw new IllegalStateException("No typed-API method for " + method);
        };
    }

    @Override
    public String toString() {
        return api.getSimpleName() + " via " + target;
    }
}
