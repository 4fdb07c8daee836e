package io.postage.reliability;

import io.postage.Eqk;
import io.postage.Fingerprint;
import io.postage.MessageHandler;
import io.postage.MessageProcessor;
import io.postage.ProcessorSettings;
import io.postage.testkit.junit.BrokerInfo;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts every {@code count} command by its {@code n} parameter, failing the first {@code failures}
 * attempts of each (a parameter; none if absent), so a test can tell handled-once from lost or doubled.
 */
final class CountingProcessor extends MessageProcessor {
    /** Successful handlings per {@code n}. */
    final Map<Integer, AtomicInteger> handled = new ConcurrentHashMap<>();
    /** Calls of the handler per {@code n}, failed ones included. */
    final Map<Integer, AtomicInteger> attempts = new ConcurrentHashMap<>();

    CountingProcessor(Fingerprint fingerprint, Eqk eqk, ProcessorSettings settings) {
        super(fingerprint, eqk, settings);
    }

    /**
     * @param name the component's name
     * @param broker the broker the test runs on
     * @return a fingerprint of a controller named {@code name} with a pid of its own on that broker
     */
    static Fingerprint fingerprint(String name, BrokerInfo broker) {
        Fingerprint real = Fingerprint.of(name, "controller", broker.config());
        return new Fingerprint(real.name(), real.type(), broker.unique("pid"), real.host(), real.user(), real.vhost());
    }

    @MessageHandler(name = "count")
    void count(Map<String, Object> content) {
        Map<?, ?> parameters = (Map<?, ?>) content.get("parameters");
        int n = ((Number) parameters.get("n")).intValue();
        int attempt = attempts.computeIfAbsent(n, key -> new AtomicInteger()).incrementAndGet();
        Object failures = parameters.get("failures");
        if (failures != null && attempt <= ((Number) failures).intValue()) {
            throw new IllegalStateException("failure " + attempt + " of message " + n);
        }
        handled.computeIfAbsent(n, key -> new AtomicInteger()).incrementAndGet();
    }

    /**
     * @param n a message's number
     * @return how many times it was handled successfully
     */
    int handledCount(int n) {
        AtomicInteger count = handled.get(n);
        return count == null ? 0 : count.get();
    }

    /**
     * @param n a message's number
     * @return how many times the handler was called for it
     */
    int attemptsAt(int n) {
        AtomicInteger count = attempts.get(n);
        return count == null ? 0 : count.get();
    }

    /**
     * Waits until {@code count} different numbers were handled, or the timeout passed.
     *
     * @param count how many numbers
     * @param timeout how long to wait at most
     * @throws InterruptedException if interrupted while waiting
     */
    void awaitHandled(int count, Duration timeout) throws InterruptedException {
        Brokers.await(() -> handled.size() >= count, timeout);
    }

    /**
     * Waits until the handler was called for {@code count} different numbers, or the timeout passed.
     *
     * @param count how many numbers
     * @param timeout how long to wait at most
     * @throws InterruptedException if interrupted while waiting
     */
    void awaitAttempted(int count, Duration timeout) throws InterruptedException {
        Brokers.await(() -> attempts.size() >= count, timeout);
    }
}
