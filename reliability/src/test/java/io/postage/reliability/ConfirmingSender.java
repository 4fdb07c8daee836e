package io.postage.reliability;

import io.postage.Producer;
import io.postage.TransportException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends the numbers 0 to {@code count - 1} as {@code numbered} commands through a confirming producer, at a
 * steady pace, with up to {@value #IN_FLIGHT} publishes awaiting their confirm, and publishes again every
 * number whose publish failed (nack, lost connection, timeout): delivery at least once, as the user of
 * confirms does it. Runs on a thread of its own; {@link #confirmed()} reaches {@code count} when done.
 */
final class ConfirmingSender implements Runnable {
    private static final int IN_FLIGHT = 500;
    private static final Duration RETRY_PAUSE = Duration.ofMillis(100);

    private final Producer producer;
    private final int count;
    private final Duration perMessage;
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
    private final BlockingQueue<Integer> retries = new LinkedBlockingQueue<>();
    private final Set<Integer> republished = ConcurrentHashMap.newKeySet();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger confirmed = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();

    /**
     * @param producer a producer built with {@code confirm(true)}
     * @param count how many numbers to send
     * @param perMessage the pace
     */
    ConfirmingSender(Producer producer, int count, Duration perMessage) {
        this.producer = producer;
        this.count = count;
        this.perMessage = perMessage;
    }

    @Override
    public void run() {
        long start = System.nanoTime();
        try {
            for (int n = 0; n < count; n++) {
                LockSupport.parkNanos(start + n * perMessage.toNanos() - System.nanoTime());
                for (Integer retry = retries.poll(); retry != null; retry = retries.poll()) {
                    publish(retry);
                }
                publish(n);
                sent.incrementAndGet();
            }
            while (confirmed.get() < count) {
                Integer retry = retries.poll(RETRY_PAUSE.toMillis(), TimeUnit.MILLISECONDS);
                if (retry != null) {
                    publish(retry);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void publish(int n) throws InterruptedException {
        inFlight.acquire();
        try {
            producer.messageAsync("numbered", Map.of("n", n)).whenComplete((ignored, failure) -> {
                inFlight.release();
                if (failure == null) {
                    confirmed.incrementAndGet();
                } else {
                    failed(n);
                }
            });
        } catch (TransportException e) {
            // Not even sent: the connection stayed down longer than the recovery policy's operation wait.
            inFlight.release();
            failed(n);
            Thread.sleep(RETRY_PAUSE);
        }
    }

    private void failed(int n) {
        failures.incrementAndGet();
        republished.add(n);
        retries.add(n);
    }

    /** @return how many numbers were sent a first time */
    int sent() {
        return sent.get();
    }

    /** @return how many publishes the broker confirmed */
    int confirmed() {
        return confirmed.get();
    }

    /** @return how many publishes failed and were retried */
    int failures() {
        return failures.get();
    }

    /**
     * @param n a number
     * @return whether it was published more than once (a failed publish the broker may have kept anyway)
     */
    boolean republished(int n) {
        return republished.contains(n);
    }
}
