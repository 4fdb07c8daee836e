package io.postage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** An {@link ApiTarget} that records what a typed API sends and answers RPC calls with a set reply. */
final class RecordingTarget implements ApiTarget {

    /** One message handed to the target, with its route or RPC options. */
    record Sent(Message message, Route route, RpcOptions options) {
    }

    final List<Sent> sent = new ArrayList<>();
    private Message reply = Message.result(null);
    private RuntimeException failure;

    RecordingTarget answering(Message reply) {
        this.reply = reply;
        return this;
    }

    RecordingTarget failingWith(RuntimeException failure) {
        this.failure = failure;
        return this;
    }

    Sent last() {
        return sent.get(sent.size() - 1);
    }

    @Override
    public void send(Message message, Route route) {
        sent.add(new Sent(message, route, null));
    }

    @Override
    public Message rpc(Message request, RpcOptions options) {
        sent.add(new Sent(request, options.route(), options));
        if (failure != null) {
            throw failure;
        }
        return reply;
    }

    @Override
    public CompletableFuture<Message> rpcAsync(Message request, RpcOptions options) {
        sent.add(new Sent(request, options.route(), options));
        return failure != null ? CompletableFuture.failedFuture(failure) : CompletableFuture.completedFuture(reply);
    }

    @Override
    public String toString() {
        return "Producer[test]";
    }
}
