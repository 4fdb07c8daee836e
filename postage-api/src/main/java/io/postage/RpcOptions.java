package io.postage;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Per-call settings of an RPC: route, timeout per attempt, number of retries, and whether a final
 * timeout throws. What is not set comes from the {@link Producer}.
 *
 * {@snippet :
 * Message reply = producer.rpc("echo", params, RpcOptions.defaults()
 *         .withTimeout(Duration.ofSeconds(2))
 *         .withMaxRetry(0)
 *         .throwOnTimeout());
 * }
 */
public final class RpcOptions {
    private static final RpcOptions DEFAULTS = new RpcOptions(Route.defaults(), null, -1, false);

    private final Route route;
    private final Duration timeout;
    private final int maxRetry;
    private final boolean throwOnTimeout;

    private RpcOptions(Route route, Duration timeout, int maxRetry, boolean throwOnTimeout) {
        this.route = route;
        this.timeout = timeout;
        this.maxRetry = maxRetry;
        this.throwOnTimeout = throwOnTimeout;
    }

    /** @return the producer's route, timeout and retries; a final timeout returns a result */
    public static RpcOptions defaults() {
        return DEFAULTS;
    }

    /**
     * @param route where to send the call (the first pair of the resolved route, as in Postage 1.x)
     * @return a copy with that route
     */
    public RpcOptions withRoute(Route route) {
        return new RpcOptions(Objects.requireNonNull(route, "route"), timeout, maxRetry, throwOnTimeout);
    }

    /**
     * @param timeout how long each attempt waits for its reply
     * @return a copy with that timeout
     */
    public RpcOptions withTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("An RPC timeout must be positive, not " + timeout);
        }
        return new RpcOptions(route, timeout, maxRetry, throwOnTimeout);
    }

    /**
     * @param maxRetry how many times a timed-out call is sent again (0 for no retry)
     * @return a copy with that number of retries
     */
    public RpcOptions withMaxRetry(int maxRetry) {
        if (maxRetry < 0) {
            throw new IllegalArgumentException("maxRetry must not be negative, not " + maxRetry);
        }
        return new RpcOptions(route, timeout, maxRetry, throwOnTimeout);
    }

    /** @return a copy whose final timeout throws {@link RpcTimeoutException} instead of returning a result */
    public RpcOptions throwOnTimeout() {
        return new RpcOptions(route, timeout, maxRetry, true);
    }

    /** @return the route */
    public Route route() {
        return route;
    }

    /** @return the timeout per attempt, if set */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** @return the number of retries, if set */
    public Optional<Integer> maxRetry() {
        return maxRetry < 0 ? Optional.empty() : Optional.of(maxRetry);
    }

    /** @return whether a final timeout throws {@link RpcTimeoutException} */
    public boolean throwsOnTimeout() {
        return throwOnTimeout;
    }
}
