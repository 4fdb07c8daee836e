package io.postage;

import java.util.concurrent.CompletableFuture;

/**
 * What a typed API sends through: the three operations of {@link Producer} it needs, so the proxy can
 * be exercised without a broker.
 */
interface ApiTarget {

    /**
     * @param message a command or status
     * @param route where to send it
     */
    void send(Message message, Route route);

    /**
     * @param request an RPC command
     * @param options route, timeout, retries
     * @return the result
     */
    Message rpc(Message request, RpcOptions options);

    /**
     * @param request an RPC command
     * @param options route, timeout, retries
     * @return the future result
     */
    CompletableFuture<Message> rpcAsync(Message request, RpcOptions options);

    /**
     * @param producer the producer
     * @return a target that sends through it and shows it in {@code toString()}
     */
    static ApiTarget of(Producer producer) {
        return new ApiTarget() {
            @Override
            public void send(Message message, Route route) {
                producer.send(message, route);
            }

            @Override
            public Message rpc(Message request, RpcOptions options) {
                return producer.rpc(request, options);
            }

            @Override
            public CompletableFuture<Message> rpcAsync(Message request, RpcOptions options) {
                return producer.rpcAsync(request, options);
            }

            @Override
            public String toString() {
                return producer.toString();
            }
        };
    }
}
