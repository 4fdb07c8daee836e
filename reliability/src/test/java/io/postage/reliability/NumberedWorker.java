package io.postage.reliability;

import io.postage.DeliveryInfo;
import io.postage.Eqk;
import io.postage.Fingerprint;
import io.postage.MessageHandler;
import io.postage.MessageProcessor;
import io.postage.ProcessorSettings;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A processor whose {@code work} handler takes a number, pauses, then counts the number in its {@link Tally}
 * with the delivery's redelivered flag; it also counts the handlers started and finished.
 */
class NumberedWorker extends MessageProcessor {
    /** The command it handles; its parameters are the number. */
    static final String WORK = "work";

    private final Tally tally;
    private final Duration pause;
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();

    /**
     * @param name its fingerprint's name
     * @param eqk what it consumes
     * @param settings its settings
     * @param tally where it counts the numbers it handled
     * @param pause how long each handler takes
     */
    NumberedWorker(String name, Eqk eqk, ProcessorSettings settings, Tally tally, Duration pause) {
        super(Fingerprint.of(name, "controller", settings.config()), eqk, settings);
        this.tally = tally;
        this.pause = pause;
    }

    @MessageHandler(name = WORK)
    private void work(Map<String, Object> content, DeliveryInfo delivery) throws InterruptedException {
        started.incrementAndGet();
        if (pause.isPositive()) {
            Thread.sleep(pause);
        }
        tally.handled(((Number) content.get("parameters")).intValue(), delivery.redelivered());
        finished.incrementAndGet();
    }

    /** @return how many handlers started */
    int started() {
        return started.get();
    }

    /** @return how many handlers ran to their end */
    int finished() {
        return finished.get();
    }
}
