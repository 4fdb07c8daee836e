package io.postage;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Turns the result of a typed-API RPC call into the value its method returns, chosen once from the
 * method's return type: the {@code value} of a success result, converted to {@code String},
 * {@code boolean}, {@code int}, {@code long}, {@code double} (or their boxes), {@code Map<String, Object>},
 * {@code List<Object>}, {@code Object}, or nothing for {@code void}; integral numbers are converted
 * between {@code int} and {@code long} when they fit. An error or exception result throws
 * {@link RemoteException}.
 */
final class ResultConverter {

    private enum Target {
        NOTHING, STRING, BOOLEAN, INT, LONG, DOUBLE, MAP, LIST, ANY
    }

    private static final Map<Type, Target> BY_CLASS = Map.ofEntries(
            Map.entry(void.class, Target.NOTHING), Map.entry(Void.class, Target.NOTHING),
            Map.entry(String.class, Target.STRING),
            Map.entry(boolean.class, Target.BOOLEAN), Map.entry(Boolean.class, Target.BOOLEAN),
            Map.entry(int.class, Target.INT), Map.entry(Integer.class, Target.INT),
            Map.entry(long.class, Target.LONG), Map.entry(Long.class, Target.LONG),
            Map.entry(double.class, Target.DOUBLE), Map.entry(Double.class, Target.DOUBLE),
            Map.entry(Map.class, Target.MAP), Map.entry(List.class, Target.LIST),
            Map.entry(Object.class, Target.ANY));

    private final String call;
    private final String description;
    private final Type type;
    private final Target target;

    private ResultConverter(String call, String description, Type type, Target target) {
        this.call = call;
        this.description = description;
        this.type = type;
        this.target = target;
    }

    /**
     * @param type the type to convert to
     * @param call the remote command's name
     * @param description how to name the method in errors
     * @return a converter to that type
     * @throws IllegalArgumentException if the type is not one a result value converts to
     */
    static ResultConverter of(Type type, String call, String description) {
        Target target = BY_CLASS.get(type instanceof ParameterizedType parameterized && isJsonContainer(parameterized)
                ? parameterized.getRawType()
                : type);
        if (target == null) {
            throw new IllegalArgumentException(description + " returns " + type.getTypeName() + "; an @Rpc method "
                    + "returns Message, CompletableFuture<Message>, void, String, boolean, int, long, double (or their "
                    + "boxes), Map<String, Object>, List<Object>, Object, or a CompletableFuture of one of them");
        }
        return new ResultConverter(call, description, type, target);
    }

    /** @return whether the type is {@code Map<String, Object>} or {@code List<Object>} (a {@code ?} does too) */
    private static boolean isJsonContainer(ParameterizedType type) {
        Type[] arguments = type.getActualTypeArguments();
        if (type.getRawType() == Map.class) {
            return isAny(arguments[0], String.class) && isAny(arguments[1], Object.class);
        }
        return type.getRawType() == List.class && isAny(arguments[0], Object.class);
    }

    private static boolean isAny(Type argument, Class<?> expected) {
        return argument == expected || argument instanceof WildcardType wildcard
                && wildcard.getLowerBounds().length == 0 && wildcard.getUpperBounds()[0] == Object.class;
    }

    /**
     * @param result the result message
     * @return its value, converted (null for {@code void})
     * @throws RemoteException if it is an error or exception result
     * @throws DecodeException if its value does not convert to the return type
     */
    Object convert(Message result) {
        if (!result.isSuccess()) {
            throw new RemoteException(call, result);
        }
        Object value = result.content().get("value");
        if (target == Target.NOTHING) {
            return null;
        }
        if (value == null) {
            if (type instanceof Class<?> c && c.isPrimitive()) {
                throw mismatch(value);
            }
            return null;
        }
        return switch (target) {
            case STRING -> require(String.class, value);
            case BOOLEAN -> require(Boolean.class, value);
            case INT -> (int) integral(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case LONG -> integral(value, Long.MIN_VALUE, Long.MAX_VALUE);
            case DOUBLE -> require(Number.class, value).doubleValue();
            case MAP -> require(Map.class, value);
            case LIST -> require(List.class, value);
            case ANY, NOTHING -> value;
        };
    }

    private <V> V require(Class<V> expected, Object value) {
        if (!expected.isInstance(value)) {
            throw mismatch(value);
        }
        return expected.cast(value);
    }

    private long integral(Object value, long min, long max) {
        BigInteger number = switch (value) {
            case Integer i -> BigInteger.valueOf(i);
            case Long l -> BigInteger.valueOf(l);
            case BigInteger b -> b;
            default -> throw mismatch(value);
        };
        if (number.compareTo(BigInteger.valueOf(min)) < 0 || number.compareTo(BigInteger.valueOf(max)) > 0) {
            throw mismatch(value);
        }
        return number.longValue();
    }

    private DecodeException mismatch(Object value) {
        String found = value == null ? "null" : value + " (" + value.getClass().getSimpleName() + ")";
        return new DecodeException(DecodeException.Reason.WRONG_TYPE, "RPC " + call + " returned " + found + ", which "
                + description + " cannot return as " + type.getTypeName());
    }
}
