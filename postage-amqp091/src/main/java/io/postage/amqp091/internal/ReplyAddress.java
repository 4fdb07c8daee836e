package io.postage.amqp091.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an RPC reply goes, read from a request's {@code reply_to}: a queue name (RabbitMQ, Postage
 * 1.x, direct reply-to) is the routing key on the default exchange; a Qpid binding URL, which
 * Broker-J writes when an AMQP 1.0 requester named its reply address
 * ({@code direct:////TempQueue1234}, {@code direct://amq.direct//?routingkey='reply-key'}), names
 * the exchange and the routing key itself.
 *
 * @param exchange the exchange to publish the reply to
 * @param routingKey its routing key
 */
record ReplyAddress(String exchange, String routingKey) {
    private static final Pattern BINDING_URL = Pattern.compile("^(\\w+)://([^/]*)//([^?]*)(?:\\?routingkey='([^']*)')?");

    /**
     * @param replyTo a request's reply-to property
     * @return where the reply goes
     */
    static ReplyAddress parse(String replyTo) {
        Matcher url = BINDING_URL.matcher(replyTo);
        if (!url.find()) {
            return new ReplyAddress("", replyTo);
        }
        return new ReplyAddress(url.group(2), url.group(4) != null ? url.group(4) : url.group(3));
    }
}
