package io.postage.testkit.kit;

import io.postage.Eqk;
import io.postage.Fingerprint;
import io.postage.MessageHandler;
import io.postage.MessageProcessor;
import io.postage.ProcessorSettings;
import io.postage.RejectMessage;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The processor of the kit's retry and dead-letter behaviours: {@code flaky} fails the number of times
 * its {@code failures} parameter says, then records its {@code id}; {@code broken} always fails;
 * {@code refuse} rejects; {@code record} records its parameters. Every attempt is counted per {@code id}.
 */
class RetryingProcessor extends MessageProcessor {
    final BlockingQueue<Object> recorded = new LinkedBlockingQueue<>();
    final Map<Object, AtomicInteger> attempts = new ConcurrentHashMap<>();

    RetryingProcessor(Fingerprint fingerprint, Eqk eqk, ProcessorSettings settings) {
        super(fingerprint, eqk, settings);
    }

    /**
     * @param id a message's id parameter
     * @return how many times a handler was called for it
     */
    int attemptsAt(Object id) {
        AtomicInteger count = attempts.get(id);
        return count == null ? 0 : count.get();
    }

    @MessageHandler(name = "flaky")
    void flaky(Map<String, Object> content) {
        Map<?, ?> parameters = (Map<?, ?>) content.get("parameters");
        int attempt = count(parameters.get("id"));
        if (attempt <= ((Number) parameters.get("failures")).intValue()) {
            throw new IllegalStateException("flaky failure " + attempt);
        }
        recorded.add(parameters.get("id"));
    }

    @MessageHandler(name = "broken")
    void broken(Map<String, Object> content) {
        Object id = content.get("parameters");
        throw new IllegalStateException("broken handler, attempt " + count(id));
    }

    @MessageHandler(name = "refuse")
    void refuse(Map<String, Object> content) {
        count(content.get("parameters"));
        throw new RejectMessage("refused on purpose");
    }

    @MessageHandler(name = "record")
    void record(Map<String, Object> content) {
        recorded.add(content.get("parameters"));
    }

    private int count(Object id) {
        return attempts.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
    }
}
