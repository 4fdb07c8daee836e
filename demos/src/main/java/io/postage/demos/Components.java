package io.postage.demos;

import io.postage.Exchange;
import io.postage.Fingerprint;
import io.postage.MessageProcessor;
import io.postage.MicroScheduler;
import io.postage.PostageConfig;
import io.postage.Producer;
import java.time.Duration;

/** Runs processors the way the Postage demos do: in a scheduler, until a {@code quit} command. */
public final class Components {
    private static final Duration START = Duration.ofSeconds(30);

    private Components() {
    }

    /**
     * Runs the processors until one receives {@code quit}.
     *
     * @param processors the processors
     */
    public static void runUntilQuit(MessageProcessor... processors) {
        try (MicroScheduler scheduler = MicroScheduler.create()) {
            for (MessageProcessor processor : processors) {
                scheduler.add(processor);
            }
            scheduler.run();
        }
    }

    /**
     * Starts the processors in the background and waits until they receive, so that what is sent
     * next reaches them.
     *
     * @param processors the processors
     * @return the thread running them; it ends when one receives {@code quit}
     */
    public static Thread startInBackground(MessageProcessor... processors) {
        Thread thread = Thread.ofPlatform().name("demo-components").start(() -> runUntilQuit(processors));
        for (MessageProcessor processor : processors) {
            processor.awaitStarted(START);
        }
        return thread;
    }

    /**
     * Sends Postage's built-in {@code quit} command, which stops the processors that receive it.
     *
     * @param config where the broker is
     * @param exchange the exchange the processors listen to
     * @param key a routing key that reaches them
     */
    public static void quit(PostageConfig config, Exchange exchange, String key) {
        try (Producer producer = Producer.builder(Fingerprint.of("postage-demo", "launcher", config))
                .config(config).eks(exchange, key).build()) {
            producer.message("quit", null);
        }
    }
}
