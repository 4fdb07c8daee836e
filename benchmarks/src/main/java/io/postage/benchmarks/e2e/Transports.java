package io.postage.benchmarks.e2e;

/**
 * Which of Postage's transports the producer and the processor of a Postage variant use.
 *
 * @param producer the producer's transport id ({@link Target#AMQP091} or {@link Target#AMQP10})
 * @param processor the processor's transport id
 */
record Transports(String producer, String processor) {
    /** Both sides on AMQP 0-9-1. */
    static final Transports AMQP091 = new Transports(Target.AMQP091, Target.AMQP091);
    /** Both sides on AMQP 1.0. */
    static final Transports AMQP10 = new Transports(Target.AMQP10, Target.AMQP10);
    /** A 0-9-1 producer calling a 1.0 processor. */
    static final Transports AMQP091_TO_10 = new Transports(Target.AMQP091, Target.AMQP10);
    /** A 1.0 producer calling a 0-9-1 processor. */
    static final Transports AMQP10_TO_091 = new Transports(Target.AMQP10, Target.AMQP091);

    /** @return {@code ""} when both sides use one transport, else such as {@code " 0-9-1 -> 1.0"} */
    String label() {
        return producer.equals(processor) ? "" : " " + version(producer) + " -> " + version(processor);
    }

    private static String version(String transport) {
        return transport.equals(Target.AMQP10) ? "1.0" : "0-9-1";
    }
}
