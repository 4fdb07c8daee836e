package io.postage.testkit.junit;

/**
 * What a probe found at a broker address.
 *
 * @param rabbitMq whether RabbitMQ answered there
 * @param detail the RabbitMQ version that answered, or why none did
 */
record Reachability(boolean rabbitMq, String detail) {

    static Reachability rabbitMq(String version) {
        return new Reachability(true, "RabbitMQ " + version);
    }

    static Reachability none(String why) {
        return new Reachability(false, why);
    }
}
