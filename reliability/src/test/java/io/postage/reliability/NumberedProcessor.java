package io.postage.reliability;

import io.postage.DeliveryInfo;
import io.postage.Eqk;
import io.postage.Fingerprint;
import io.postage.Message;
import io.postage.MessageHandler;
import io.postage.MessageProcessor;
import io.postage.ProcessorSettings;
import io.postage.RpcHandler;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Consumes {@code numbered} commands ({@code {"n": 17}}) with manual acks (after the handler) and counts
 * what arrives: each number, the duplicates, the duplicates without the redelivered flag, and when the
 * last delivery came. Answers the {@code ping} RPC with {@code pong}, and {@code slow-ping} too, half a second
 * later.
 */
final class NumberedProcessor extends MessageProcessor {
    private static final Duration SLOW_PING = Duration.ofMillis(500);
    private final Map<Integer, Boolean> received = new ConcurrentHashMap<>();
    private final AtomicInteger deliveries = new AtomicInteger();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final Set<Integer> duplicatedWithoutRedelivered = ConcurrentHashMap.newKeySet();
    private final AtomicLong lastDeliveryNanos = new AtomicLong();

    NumberedProcessor(Fingerprint fingerprint, Eqk eqk, ProcessorSettings settings) {
        super(fingerprint, eqk, settings);
    }

    @MessageHandler(name = "numbered")
    void numbered(Map<String, Object> content, DeliveryInfo info) {
        int number = ((Number) ((Map<?, ?>) content.get("parameters")).get("n")).intValue();
        deliveries.incrementAndGet();
        if (received.putIfAbsent(number, Boolean.TRUE) != null) {
            duplicates.incrementAndGet();
            if (!info.redelivered()) {
                duplicatedWithoutRedelivered.add(number);
            }
        }
        lastDeliveryNanos.set(System.nanoTime());
    }

    @RpcHandler(name = "ping")
    Message ping() {
        return Message.result("pong");
    }

    @RpcHandler(name = "slow-ping")
    Message slowPing() throws InterruptedException {
        Thread.sleep(SLOW_PING);
        return Message.result("pong");
    }

    /** @return how many different numbers arrived */
    int distinct() {
        return received.size();
    }

    /** @return how many deliveries arrived, duplicates included */
    int deliveries() {
        return deliveries.get();
    }

    /** @return how many deliveries repeated a number */
    int duplicates() {
        return duplicates.get();
    }

    /** @return the numbers that arrived again without the broker's redelivered flag */
    Set<Integer> duplicatedWithoutRedelivered() {
        return Set.copyOf(duplicatedWithoutRedelivered);
    }

    /**
     * @param number a number sent
     * @return whether it arrived
     */
    boolean got(int number) {
        return received.containsKey(number);
    }

    /** @return {@link System#nanoTime()} of the last delivery, 0 before the first */
    long lastDeliveryNanos() {
        return lastDeliveryNanos.get();
    }
}
