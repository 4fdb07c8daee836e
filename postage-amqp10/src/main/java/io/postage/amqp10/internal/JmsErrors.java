package io.postage.amqp10.internal;

import io.postage.PublishException;
import io.postage.TransportException;
import jakarta.jms.InvalidDestinationException;
import org.apache.qpid.jms.provider.exceptions.ProviderClosedException;
import org.apache.qpid.jms.provider.exceptions.ProviderConnectionRemotelyClosedException;
import org.apache.qpid.jms.provider.exceptions.ProviderFailedException;
import org.apache.qpid.jms.provider.exceptions.ProviderIOException;
import org.apache.qpid.jms.provider.exceptions.ProviderResourceClosedException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns Qpid JMS's exceptions into {@link TransportException}s that carry the broker's reason on one line. */
final class JmsErrors {
    /** Qpid JMS ends a broker's error text with its AMQP condition. */
    private static final Pattern CONDITION = Pattern.compile("(?s)(.*?)\\s*\\[condition = ([^\\]]+)]\\s*");
    private static final int MAX_REASON = 300;

    private JmsErrors() {
    }

    /**
     * @param operation what failed, naming the exchange or queue: {@code Cannot consume queue 'jobs'}
     * @param failure the client's exception
     * @return {@code operation: reason}
     */
    static TransportException failure(String operation, Exception failure) {
        return new TransportException(operation + ": " + reason(failure), failure);
    }

    /**
     * @param exchange the exchange published to
     * @param routingKey the routing key
     * @param failure why Qpid JMS failed an asynchronous send
     * @return {@link PublishException.Reason#LOST} if the link, session or connection closed first, else
     *     {@link PublishException.Reason#REFUSED} (a rejected, released or modified outcome), with the broker's reason
     */
    static PublishException publishFailure(String exchange, String routingKey, Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PublishException known) {
                return known;
            }
            if (cause instanceof ProviderIOException || cause instanceof ProviderClosedException
                    || cause instanceof ProviderFailedException || cause instanceof ProviderResourceClosedException
                    || cause instanceof ProviderConnectionRemotelyClosedException) {
                return new PublishException(exchange, routingKey, PublishException.Reason.LOST, reason(failure), failure);
            }
        }
        return new PublishException(exchange, routingKey, PublishException.Reason.REFUSED, reason(failure), failure);
    }

    /**
     * @param failure the client's exception
     * @return the AMQP condition and the broker's text, such as {@code amqp:not-found - ...}, on one line
     */
    static String reason(Throwable failure) {
        String text = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        Matcher matcher = CONDITION.matcher(text);
        if (matcher.matches()) {
            text = matcher.group(2) + " - " + matcher.group(1);
        } else if (failure instanceof InvalidDestinationException) {
            text = "not found - " + text;
        }
        text = text.replaceAll("\\s+", " ").strip();
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON) + "...";
    }
}
