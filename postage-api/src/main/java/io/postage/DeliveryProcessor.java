package io.postage;

import io.postage.internal.DebugLog;
import io.postage.internal.FailedDeliveries;
import io.postage.spi.Delivery;
import io.postage.spi.Transport;
import java.lang.System.Logger.Level;

/**
 * Processes one delivery with Postage 1.x's semantics: decode (an undecodable body is dead-lettered),
 * run every matching message handler or the last matching RPC handler (whose exception is answered
 * with an exception result), then settle: ack after the handlers; dead-letter on {@link RejectMessage}
 * or a failed RPC handler; retry an unmanaged exception of a message handler as the
 * {@link RetryPolicy} allows, then dead-letter it ({@link FailedDeliveries}); requeue when a handler was
 * interrupted (a shutdown, not a fault of the message).
 */
final class DeliveryProcessor {
    private static final System.Logger LOG = System.getLogger(MessageProcessor.class.getName());

    private final MessageProcessor processor;
    private final DispatchTable table;
    private final MessageCodec codec;
    private final Transport transport;
    private final DebugLog debug;
    private final FailedDeliveries failures;

    DeliveryProcessor(MessageProcessor processor, MessageCodec codec, Transport transport, DebugLog debug,
            FailedDeliveries failures) {
        this.processor = processor;
        this.table = DispatchTable.of(processor.getClass());
        this.codec = codec;
        this.transport = transport;
        this.debug = debug;
        this.failures = failures;
    }

    /**
     * @param delivery the delivery; settled when this returns or throws
     * @throws TransportException if settling fails (the connection was lost: the broker redelivers it)
     * @throws ExitScheduler after acking, when a handler asked the scheduler to exit
     * @throws AckAndRestart after acking, when a handler asked for a restart
     */
    void process(Delivery delivery) {
        Message message;
        try {
            message = codec.decode(delivery.body());
        } catch (DecodeException e) {
            failures.deadLetter(delivery, "undecodable body (" + e.reason() + "): " + e.getMessage(), null);
            return;
        }
        debug.delivery(delivery.queue(), message::toWire);
        try {
            if (message.category() == Category.RPC) {
                runRpcHandler(message, delivery);
            } else {
                runMessageHandlers(message, delivery);
            }
        } catch (ExitScheduler | AckAndRestart signal) {
            delivery.ack();
            throw signal;
        } catch (RejectMessage e) {
            failures.deadLetter(delivery, "rejected by a handler: " + e.getMessage(), null);
            return;
        } catch (InterruptedException e) {
            LOG.log(Level.WARNING, "{0} was interrupted (stopped by its scheduler?) handling a message from queue {1};"
                    + " the message goes back to the queue", processor, delivery.queue());
            delivery.reject(true);
            Thread.currentThread().interrupt(); // after the settlement, which an interrupt could break
            return;
        } catch (Exception e) {
            if (message.category() == Category.RPC) {
                failures.deadLetter(delivery, "RPC handler failed (answered with an exception result): " + e, e);
            } else {
                failures.retryOrDeadLetter(delivery, "unmanaged exception handling " + message + ": " + e, e);
            }
            return;
        }
        // Outside the handlers' try: a failed ack (a lost connection) is not the handlers' failure.
        delivery.ack();
    }

    private void runMessageHandlers(Message message, Delivery delivery) throws Exception {
        for (HandlerInvoker handler : table.messageHandlers(message)) {
            invoke(handler, message, null, delivery);
        }
    }

    private void runRpcHandler(Message message, Delivery delivery) throws Exception {
        var handler = table.rpcHandler(message);
        if (handler.isEmpty()) {
            LOG.log(Level.DEBUG, () -> processor + " has no RPC handler for " + message + "; no reply sent");
            return;
        }
        Reply reply = new DeliveryReply(transport, codec, processor.fingerprint(), delivery);
        try {
            Object returned = invoke(handler.get(), message, reply, delivery);
            if (returned != null) {
                reply.send(returned instanceof Message answer ? answer : Message.result(returned));
            }
        } catch (ExitScheduler | AckAndRestart | RejectMessage | InterruptedException signal) {
            throw signal; // interrupted: no answer, the requeued request gets one when handled again
        } catch (Exception e) {
            reply.send(Message.exception(e));
            throw e;
        }
    }

    /** Runs one handler; a {@link FilterError} skips it and returns null. */
    private Object invoke(HandlerInvoker handler, Message message, Reply reply, Delivery delivery) throws Exception {
        try {
            return handler.invoke(processor, message, reply, delivery);
        } catch (FilterError e) {
            LOG.log(Level.DEBUG, () -> "Filter of " + handler + " refused " + message + ": " + e.getMessage());
            return null;
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("Handler " + handler + " threw " + e, e);
        }
    }
}
