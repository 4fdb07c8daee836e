package io.postage.amqp10.internal;

import io.postage.ConfigurationException;
import java.util.Arrays;
import java.util.Locale;

/** The brokers the transport knows, as the {@value Endpoint#DIALECT} URI option names them. */
enum DialectKind {
    /** RabbitMQ 3.x with the {@code rabbitmq_amqp1_0} plugin. */
    RABBITMQ("rabbitmq"),
    /** Apache Qpid Broker-J. */
    QPID_BROKER_J("qpid-broker-j"),
    /** Any other AMQP 1.0 broker. */
    GENERIC("generic");

    private final String id;

    DialectKind(String id) {
        this.id = id;
    }

    /**
     * @param id the option's value
     * @return the dialect it names
     * @throws ConfigurationException if it names none
     */
    static DialectKind of(String id) {
        return Arrays.stream(values()).filter(kind -> kind.id.equals(id.strip().toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new ConfigurationException(Endpoint.DIALECT + " must be one of rabbitmq, qpid-broker-j, "
                        + "generic, not \"" + id + "\""));
    }

    /**
     * @param product the broker's {@code product} open property
     * @return the dialect for it; {@link #GENERIC} for a broker not known here
     */
    static DialectKind ofProduct(String product) {
        if (product.equals("RabbitMQ")) {
            return RABBITMQ;
        }
        return product.startsWith("Apache Qpid Broker-J") ? QPID_BROKER_J : GENERIC;
    }
}
