package io.postage;

import java.util.Map;

/**
 * A class-based handler, Postage 1.x's {@code Handler}: a nested class of a processor, annotated
 * like a handler method, instantiated for each message it handles (so it may keep per-message
 * state in fields) and given access to the processor. It needs a no-argument constructor.
 *
 * {@snippet :
 * class EchoProcessor extends MessageProcessor {
 *     int echoed;
 *
 *     @MessageHandler(name = "echo")
 *     static final class Echo extends Handler<EchoProcessor> {
 *         @Override
 *         public void call() {
 *             processor().echoed++;
 *             System.out.println(content().get("parameters"));
 *         }
 *     }
 * }
 * }
 *
 * @param <P> the processor class it belongs to
 */
public abstract class Handler<P extends MessageProcessor> {
    private P processor;
    private Object argument;
    private Message message;
    private Reply reply;

    /** For subclasses. */
    protected Handler() {
    }

    final void bind(P processor, Object argument, Message message, Reply reply) {
        this.processor = processor;
        this.argument = argument;
        this.message = message;
        this.reply = reply;
    }

    /**
     * Handles the message.
     *
     * @throws Exception handled as an exception of a handler method
     */
    public abstract void call() throws Exception;

    /** @return the processor that received the message */
    protected final P processor() {
        return processor;
    }

    /**
     * @return what a handler method would receive: the (filtered) content, or the whole wire map for
     *     a full-body handler
     */
    @SuppressWarnings("unchecked")
    protected final Map<String, Object> content() {
        return (Map<String, Object>) argument;
    }

    /** @return the whole message */
    protected final Message message() {
        return message;
    }

    /**
     * @return the reply of the RPC call being handled
     * @throws IllegalStateException if the message is not an RPC call
     */
    protected final Reply reply() {
        if (reply == null) {
            throw new IllegalStateException("Only an @RpcHandler can reply: " + message + " is not an RPC call");
        }
        return reply;
    }
}
