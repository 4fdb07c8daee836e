package io.postage;

/**
 * Answers the RPC call an {@link RpcHandler} is handling: Postage 1.x's {@code reply_func}. It may be
 * called once; code may go on after it.
 *
 * {@snippet :
 * @RpcHandler(name = "echo")
 * void echo(Map<String, Object> content, Reply reply) {
 *     reply.result(content.get("parameters"));
 * }
 * }
 */
@FunctionalInterface
public interface Reply {

    /**
     * Sends a reply message, usually a result.
     *
     * @param reply the reply
     */
    void send(Message reply);

    /**
     * Sends a successful result.
     *
     * @param value any JSON value
     */
    default void result(Object value) {
        send(Message.result(value));
    }

    /**
     * Sends an error result.
     *
     * @param message what went wrong
     */
    default void error(String message) {
        send(Message.error(message));
    }
}
