package io.postage;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the arguments of one typed-API method become a message's {@code parameters} and its route,
 * worked out once from the method's signature: a {@link Route} parameter (at most one, anywhere) says
 * where to send and is not sent; a single other parameter of a {@code Map} type is sent as the
 * parameters; otherwise the parameters are a JSON object from parameter name to argument, in
 * declaration order (names need {@code javac -parameters}).
 */
final class ApiParameters {
    private static final int NONE = -1;

    private final String description;
    private final List<String> names;
    private final int[] positions;
    private final boolean mapAsParameters;
    private final int routePosition;

    private ApiParameters(String description, List<String> names, int[] positions, boolean mapAsParameters,
            int routePosition) {
        this.description = description;
        this.names = names;
        this.positions = positions;
        this.mapAsParameters = mapAsParameters;
        this.routePosition = routePosition;
    }

    /**
     * @param method a typed-API method
     * @param description how to name the method in errors
     * @return its parameter mapping
     * @throws IllegalArgumentException if it takes two routes, or its parameter names were not compiled in
     */
    static ApiParameters of(Method method, String description) {
        Parameter[] parameters = method.getParameters();
        int routePosition = NONE;
        List<String> names = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i].getType() == Route.class) {
                if (routePosition != NONE) {
                    throw new IllegalArgumentException(description + " takes two Route parameters; take at most one");
                }
                routePosition = i;
            } else {
                names.add(parameters[i].getName());
                positions.add(i);
            }
        }
        boolean mapAsParameters = positions.size() == 1
                && Map.class.isAssignableFrom(parameters[positions.get(0)].getType());
        if (!mapAsParameters) {
            for (int position : positions) {
                requireName(parameters[position], description);
            }
        }
        return new ApiParameters(description, List.copyOf(names),
                positions.stream().mapToInt(Integer::intValue).toArray(), mapAsParameters, routePosition);
    }

    private static void requireName(Parameter parameter, String description) {
        if (!parameter.isNamePresent()) {
            throw new IllegalArgumentException(description + ": the names of its parameters are not available (found "
                    + parameter.getName() + "), and they are the keys of the parameters sent. Compile the interface "
                    + "with javac -parameters (Maven: <parameters>true</parameters> in maven-compiler-plugin), "
                    + "or take a single Map parameter");
        }
    }

    /** @return whether the method takes no argument but an optional route */
    boolean sendsNothing() {
        return positions.length == 0;
    }

    /**
     * @param args the call's arguments ({@code null} when the method takes none, as a proxy passes them)
     * @return the parameters to send: the map argument, or a JSON object from name to argument
     */
    Object parameters(Object[] args) {
        if (mapAsParameters) {
            return args[positions[0]];
        }
        Map<String, Object> parameters = LinkedHashMap.newLinkedHashMap(positions.length);
        for (int i = 0; i < positions.length; i++) {
            parameters.put(names.get(i), args[positions[i]]);
        }
        return parameters;
    }

    /**
     * @param args the call's arguments ({@code null} when the method takes none)
     * @return the route argument, or {@link Route#defaults()} if the method takes none
     */
    Route route(Object[] args) {
        if (routePosition == NONE) {
            return Route.defaults();
        }
        return Objects.requireNonNull((Route) args[routePosition],
                () -> "The Route argument of " + description + " is null; pass Route.defaults() instead");
    }
}
