package io.postage.amqp10.internal;

import io.postage.TransportException;
import jakarta.jms.InvalidDestinationException;
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
