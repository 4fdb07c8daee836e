package io.postage;

import io.postage.internal.DebugLog;
import io.postage.spi.Delivery;
import io.postage.spi.Transport;
import java.lang.System.Logger.Level;

/**
 * Processes one delivery with Postage 1.x's semantics: decode (an undecodable body is rejected
 * without requeue and logged), run every matching message handler or the last matching RPC handler
 * (whose exception is answered with an exception result), then settle: ack after the handlers,
 * reject without requeue on {@link RejectMessage} or an unmanaged exception.
 */
final class DeliveryProcessor {
    private static final System.Logger LOG = System.getLogger(MessageProcessor.class.getName());

    private final MessageProcessor processor;
    private final DispatchTable table;
    private final MessageCodec codec;
    private final Transport transport;
    private final DebugLog debug;

    DeliveryProcessor(MessageProcessor processor, MessageCodec codec, Transport transport, DebugLog debug) {
        this.processor = processor;
        this.table = DispatchTable.of(processor.getClass());
        this.codec = codec;
        this.transport = transport;
        this.debug = debug;
    }

    /**
     * @param delivery the delivery; settled when this returns or throws
     * @throws ExitScheduler after acking, when a handler asked the scheduler to exit
     * @throws AckAndRestart after acking, when a handler asked for a restart
     */
    void process(Delivery delivery) {
        Message message;
        try {
            message = codec.decode(delivery.body());
        } catch (DecodeException e) {
            reject(delivery, "it cannot be decoded (" + e.reason() + "): " + e.getMessage());
            return;
        }
        debug.delivery(delivery.queue(), message::toWire);
        try {
            if (message.category() == Category.RPC) {
                runRpcHandler(message, delivery);
            } else {
                runMessageHandlers(message, delivery);
            }
            delivery.ack();
        } catch (ExitScheduler | AckAndRestart signal) {
            delivery.ack();
            throw signal;
        } catch (RejectMessage e) {
            reject(delivery, "a handler rejected it: " + e.getMessage());
        } catch (Exception e) {
            LOG.log(Level.ERROR, "Unmanaged exception in " + processor + " handling " + message
                    + "; the message is rejected without requeue", e);
            delivery.reject(false);
        }
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
        } catch (ExitScheduler | AckAndRestart | RejectMessage signal) {
            throw signal;
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

    private void reject(Delivery delivery, String why) {
        LOG.log(Level.WARNING, "{0} rejected a message from queue {1} without requeue: {2}", processor,
                delivery.queue(), why);
        delivery.reject(false);
    }
}
