package io.postage.reliability;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * How often each of the numbers {@code 0..size-1} was handled, counted exactly (one counter per number), and
 * how many handlings repeated a number without the broker's redelivered flag: the ones a correct consumer
 * never shows. Thread-safe.
 */
final class Tally {
    private final AtomicIntegerArray handlings;
    private final AtomicInteger distinct = new AtomicInteger();
    private final AtomicInteger repeats = new AtomicInteger();
    private final AtomicInteger unflaggedRepeats = new AtomicInteger();
    private final AtomicInteger flagged = new AtomicInteger();

    /** @param size how many numbers, from 0 */
    Tally(int size) {
        handlings = new AtomicIntegerArray(size);
    }

    /**
     * Counts one handling.
     *
     * @param number the message's number
     * @param redelivered the broker's redelivered flag on that delivery
     */
    void handled(int number, boolean redelivered) {
        if (redelivered) {
            flagged.incrementAndGet();
        }
        if (handlings.getAndIncrement(number) == 0) {
            distinct.incrementAndGet();
            return;
        }
        repeats.incrementAndGet();
        if (!redelivered) {
            unflaggedRepeats.incrementAndGet();
        }
    }

    /** @return how many numbers there are */
    int size() {
        return handlings.length();
    }

    /** @return how many numbers were handled at least once */
    int distinct() {
        return distinct.get();
    }

    /** @return how many numbers were never handled */
    int missing() {
        return size() - distinct();
    }

    /** @return how many handlings repeated a number */
    int repeats() {
        return repeats.get();
    }

    /** @return how many handlings had the redelivered flag */
    int redelivered() {
        return flagged.get();
    }

    /** @return how many handlings repeated a number without the redelivered flag */
    int unflaggedRepeats() {
        return unflaggedRepeats.get();
    }

    /**
     * @param number a number
     * @return how often it was handled
     */
    int handlings(int number) {
        return handlings.get(number);
    }
}
