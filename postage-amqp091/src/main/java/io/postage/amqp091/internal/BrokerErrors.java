package io.postage.amqp091.internal;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.ShutdownSignalException;
import io.postage.TransportException;
import java.util.concurrent.TimeoutException;

/** Turns the RabbitMQ client's exceptions into {@link TransportException}s that carry the broker's own words. */
final class BrokerErrors {
    private static final int NOT_FOUND = 404;

    private BrokerErrors() {
    }

    /**
     * @param operation what failed, naming the exchange or queue: {@code Cannot declare queue 'jobs'}
     * @param failure the client's exception
     * @return {@code operation: reason}, such as {@code Cannot declare queue 'jobs': PRECONDITION_FAILED - ...}
     */
    static TransportException failure(String operation, Exception failure) {
        return new TransportException(operation + ": " + reason(failure), failure);
    }

    /**
     * @param failure the client's exception
     * @return the broker's reply text when the broker closed the channel or connection, else a short reason
     */
    static String reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ShutdownSignalException signal) {
                return reason(signal);
            }
        }
        if (failure instanceof TimeoutException) {
            return "the broker did not answer within " + ConnectionOpener.RPC_TIMEOUT.toSeconds() + " s";
        }
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }

    /**
     * @param failure the client's exception
     * @return whether the broker closed the channel with {@code 404 NOT_FOUND}
     */
    static boolean notFound(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ShutdownSignalException signal) {
                return !signal.isHardError() && signal.getReason() instanceof AMQP.Channel.Close close
                        && close.getReplyCode() == NOT_FOUND;
            }
        }
        return false;
    }

    private static String reason(ShutdownSignalException signal) {
        if (signal.isInitiatedByApplication()) {
            return signal.isHardError() ? "the connection is closed" : "the channel is closed";
        }
        return switch (signal.getReason()) {
            case AMQP.Channel.Close close -> close.getReplyText();
            case AMQP.Connection.Close close -> "the broker closed the connection (" + close.getReplyText() + ")";
            case null, default -> "the connection to the broker is lost"
                    + (signal.getCause() == null ? "" : " (" + signal.getCause().getMessage() + ")");
        };
    }
}
