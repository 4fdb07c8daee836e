package io.postage;

/** How an exchange routes: by exact key, by key pattern, to every bound queue, or by headers. */
public enum ExchangeType {
    /** Routes to queues bound with exactly the message's routing key. */
    DIRECT("direct"),
    /** Routes by dotted key patterns ({@code *} one word, {@code #} any words). */
    TOPIC("topic"),
    /** Routes to every bound queue; the key is ignored. */
    FANOUT("fanout"),
    /** Routes by message header values. */
    HEADERS("headers");

    private final String wireName;

    ExchangeType(String wireName) {
        this.wireName = wireName;
    }

    /** @return the AMQP name of the type */
    public String wireName() {
        return wireName;
    }
}
