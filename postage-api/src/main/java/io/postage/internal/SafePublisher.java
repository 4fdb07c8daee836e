package io.postage.internal;

import io.postage.PublishException;
import io.postage.TransportException;
import io.postage.UnsupportedFeatureException;
import io.postage.spi.OutgoingMessage;
import io.postage.spi.PublishOptions;
import io.postage.spi.Transport;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes the copies of failed messages as safely as the transport allows, before their original is
 * acknowledged: confirmed and mandatory (an unroutable copy fails), else confirmed, else plain where the
 * transport cannot confirm (remembered after the first refusal). Waits for the broker's confirm.
 */
final class SafePublisher {
    private static final long CONFIRM_SECONDS = 30;

    private final Transport transport;
    private volatile PublishOptions options = PublishOptions.MANDATORY;
    private volatile boolean confirms = true;

    SafePublisher(Transport transport) {
        this.transport = transport;
    }

    /**
     * @param exchange the exchange ({@code ""} for the default exchange)
     * @param routingKey the routing key
     * @param message the copy
     * @throws TransportException if the broker did not take it, did not confirm it, or could route it nowhere
     */
    void publish(String exchange, String routingKey, OutgoingMessage message) {
        while (confirms) {
            try {
                transport.publishConfirmed(exchange, routingKey, message, options).get(CONFIRM_SECONDS, TimeUnit.SECONDS);
                return;
            } catch (UnsupportedFeatureException e) {
                if (options.mandatory()) {
                    options = PublishOptions.CONFIRMED;
                } else {
                    confirms = false;
                }
            } catch (ExecutionException e) {
                throw e.getCause() instanceof TransportException failure ? failure
                        : new TransportException("Cannot publish to exchange '" + exchange + "': " + e.getCause(),
                                e.getCause());
            } catch (TimeoutException e) {
                throw new PublishException(exchange, routingKey, PublishException.Reason.TIMED_OUT,
                        "no confirm within " + CONFIRM_SECONDS + " s", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransportException("Interrupted while publishing to exchange '" + exchange + "'", e);
            }
        }
        transport.publish(exchange, routingKey, message);
    }
}
