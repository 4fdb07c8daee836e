package io.postage.benchmarks.e2e;

import java.util.concurrent.ThreadLocalRandom;

/** One side of a scenario: Postage in some setting, or the raw client it is compared with. */
interface Variant {

    /** @return the name in the tables, such as {@code postage SHARED} or {@code raw amqp-client} */
    String name();

    /** @return whether this is the raw baseline the scenario's ratios divide by */
    boolean baseline();

    /**
     * Connects, declares what it needs, runs the load for the warm-up and the measurement, and cleans up.
     *
     * @param target the broker
     * @param timing how long to load
     * @return what the measurement recorded
     * @throws Exception if the variant cannot run on this broker
     */
    Sample run(Target target, Timing timing) throws Exception;

    /**
     * @param what what the name is for, such as {@code ff}
     * @return a queue or exchange name no other run uses
     */
    static String uniqueName(String what) {
        return "bench-" + what + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    }
}
