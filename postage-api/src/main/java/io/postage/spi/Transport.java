package io.postage.spi;

import io.postage.Exchange;
import io.postage.QueueSpec;
import io.postage.UnsupportedFeatureException;
import java.util.concurrent.CompletableFuture;

/**
 * One connection to a broker, as Postage needs it: declare topology, publish, consume with manual
 * settlement, and carry RPC requests and replies. Both AMQP 0-9-1 and AMQP 1.0 implement it; where a
 * protocol cannot do something itself (AMQP 1.0 cannot declare exchanges, queues or bindings), the
 * transport does it another way (a management interface) or fails with a precise
 * {@link io.postage.TransportException}.
 *
 * <p>Contract:
 * <ul>
 * <li>Every method is thread-safe: many threads may publish at once.</li>
 * <li>Declarations are idempotent: declaring what exists with the same settings does nothing.</li>
 * <li>Deliveries are settled manually ({@link Delivery#ack()} / {@link Delivery#reject(boolean)});
 *     a delivery not settled when its subscription closes goes back to the queue.</li>
 * <li>Failures are {@link io.postage.TransportException}s whose message names the operation, the
 *     exchange or queue, and the broker's reason; credentials never appear in them.</li>
 * </ul>
 */
public interface Transport extends AutoCloseable {

    /**
     * Declares an exchange (or, when {@code passive}, checks that it exists).
     *
     * @param exchange the exchange; the default exchange {@code ""} is never declared
     */
    void declareExchange(Exchange exchange);

    /**
     * Declares a queue.
     *
     * @param queue the queue; an empty name asks the broker to choose one
     * @return the queue's actual name
     */
    String declareQueue(QueueSpec queue);

    /**
     * Binds a queue to an exchange.
     *
     * @param queue the queue name
     * @param exchange the exchange name
     * @param routingKey the binding key
     */
    void bindQueue(String queue, String exchange, String routingKey);

    /**
     * Removes a binding; removing a binding that does not exist does nothing.
     *
     * @param queue the queue name
     * @param exchange the exchange name
     * @param routingKey the binding key
     */
    void unbindQueue(String queue, String exchange, String routingKey);

    /**
     * Publishes a message.
     *
     * @param exchange the exchange name ({@code ""} for the default exchange)
     * @param routingKey the routing key
     * @param message the encoded message and its properties
     */
    void publish(String exchange, String routingKey, OutgoingMessage message);

    /**
     * Publishes a message and tells when the broker has taken responsibility for it: AMQP 0-9-1
     * publisher confirms, an AMQP 1.0 disposition. Many confirmed publishes may be pending at once (the
     * transport pipelines them); {@link #publish} stays the fast, unconfirmed path.
     *
     * <p>Contract: what fails before the message is sent (the transport is closed, the exchange does not
     * exist) throws a {@link io.postage.TransportException} at once. Everything after completes the future:
     * normally once the broker confirmed, or exceptionally with a {@link io.postage.PublishException} whose
     * reason says what happened ({@code REFUSED}, {@code UNROUTABLE} when {@code options} ask for
     * mandatory routing and no queue took the message, {@code LOST} when the channel or connection closed
     * first; the caller may publish again). The future never waits forever unless the broker does: callers
     * put their own timeout on it. It completes on a transport thread: do not block in its callbacks.
     *
     * @param exchange the exchange name ({@code ""} for the default exchange)
     * @param routingKey the routing key
     * @param message the encoded message and its properties
     * @param options what to ask of the broker besides the confirm
     * @return completes when the broker confirmed the message
     * @throws io.postage.UnsupportedFeatureException if the broker cannot confirm, or cannot report
     *     unroutable messages when {@code options} ask for it; this default implementation always throws it
     */
    default CompletableFuture<Void> publishConfirmed(String exchange, String routingKey, OutgoingMessage message,
            PublishOptions options) {
        throw new UnsupportedFeatureException("This transport (" + getClass().getName()
                + ") cannot confirm publishes; build the producer without confirm(true) and mandatory(true)");
    }

    /**
     * Starts consuming a queue.
     *
     * @param queue the queue name
     * @param prefetch how many unsettled deliveries the broker may send at once (at least 1)
     * @param handler receives the deliveries, one at a time
     * @return the subscription; close it to stop consuming
     */
    Subscription consume(String queue, int prefetch, DeliveryHandler handler);

    /**
     * Opens a reply address for RPC calls.
     *
     * @param kind shared by many calls (replies matched by correlation id) or private to one call at a time
     * @param onReply receives the replies, one at a time; they need no settlement (acking them does nothing)
     * @return the reply channel
     */
    ReplyChannel openReplyChannel(ReplyChannel.Kind kind, DeliveryHandler onReply);

    /**
     * Sends an RPC reply to the address a request named in its {@code replyTo} property, in
     * whatever form the requester's protocol wrote it.
     *
     * @param replyTo the request's reply address
     * @param reply the encoded reply; its properties should carry the request's correlation id
     */
    void reply(String replyTo, OutgoingMessage reply);

    /** Closes the connection; idempotent. Subscriptions and reply channels close with it. */
    @Override
    void close();
}
