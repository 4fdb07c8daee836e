package io.postage.amqp10.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Qpid's binding URL, the form Qpid Broker-J gives an AMQP 0-9-1 {@code reply_to} that came from AMQP 1.0
 * (and accepts back): {@code class://exchange//queue?routingkey='key'}, such as
 * {@code direct:////TempQueue<uuid>} or {@code direct://amq.direct//?routingkey='reply-key'}.
 *
 * @param exchange the exchange, empty for the default exchange
 * @param queue the queue, possibly empty
 * @param routingKey the routing key, if the URL names one
 */
record BindingUrl(String exchange, String queue, Optional<String> routingKey) {
    private static final Pattern FORM = Pattern.compile("^(\\w+)://([^/]*)//([^?]*)(?:\\?routingkey='([^']*)')?");

    /**
     * @param text a reply address
     * @return its parts, if it is a binding URL
     */
    static Optional<BindingUrl> parse(String text) {
        Matcher matcher = FORM.matcher(text);
        if (!matcher.find()) {
            return Optional.empty();
        }
        return Optional.of(new BindingUrl(matcher.group(2), matcher.group(3), Optional.ofNullable(matcher.group(4))));
    }

    /** @return the routing key a message to this URL carries: the one named, else the queue's name */
    String key() {
        return routingKey.filter(key -> !key.isEmpty()).orElse(queue);
    }
}
