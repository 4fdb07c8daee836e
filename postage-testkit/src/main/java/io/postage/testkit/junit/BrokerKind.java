package io.postage.testkit.junit;

/** Which broker {@link PostageBroker} tests run on. */
public enum BrokerKind {
    /**
     * Chosen for the machine: {@code POSTAGE_TEST_BROKER} if set; otherwise the RabbitMQ at
     * {@code POSTAGE_TEST_URI} (default {@code amqp://guest:guest@127.0.0.1:5672/%2F}) if it answers;
     * otherwise {@link #EMBEDDED} — unless {@code POSTAGE_TEST_REQUIRE=rabbitmq}, which makes a
     * missing RabbitMQ a failure.
     */
    AUTO,
    /** The RabbitMQ at {@code POSTAGE_TEST_URI} (or the local one); a failure if it does not answer. */
    RABBITMQ,
    /** The Qpid Broker-J embedded in the test JVM: AMQP 0-9-1 and 1.0 on one port, nothing to install. */
    EMBEDDED,
    /**
     * RabbitMQ in a Docker container started by Testcontainers (add
     * {@code org.testcontainers:testcontainers-rabbitmq} to the tests); the tests are skipped, with
     * the reason, where Testcontainers or Docker is missing.
     */
    TESTCONTAINERS
}
