package io.postage.benchmarks.e2e;

import io.postage.RpcReplies;
import java.util.List;

/**
 * A load with the variants it compares, the raw baseline among them.
 *
 * @param id the id to select it with ({@code --scenarios})
 * @param title its name in the tables
 * @param variants Postage's settings and the raw client
 */
record Scenario(String id, String title, List<Variant> variants) {

    /** Scenarios not run yet, with the reason, for the tables. */
    static final List<String> PENDING = List.of(
            "AMQP 1.0 fire-and-forget and RPC vs raw Qpid JMS: not written yet (postage-amqp10 was still in"
                    + " development when these runs were)",
            "cross-transport 0-9-1 -> 1.0 and back: not written yet, for the same reason",
            "publisher confirms: Postage does not expose confirms yet (they come with the reliability issue)");

    /** @return every scenario of the AMQP 0-9-1 transport */
    static List<Scenario> all() {
        return List.of(
                new Scenario("ff-prefetch-1", "fire-and-forget, prefetch 1",
                        List.of(new PostageFireAndForget(1), new RawFireAndForget(1))),
                new Scenario("ff-prefetch-250", "fire-and-forget, prefetch 250",
                        List.of(new PostageFireAndForget(250), new RawFireAndForget(250))),
                new Scenario("rpc-1", "RPC, 1 caller",
                        List.of(new PostageRpc(RpcReplies.SHARED, 1), new PostageRpc(RpcReplies.PRIVATE, 1), new RawRpc(1))),
                new Scenario("rpc-32", "RPC, 32 callers",
                        List.of(new PostageRpc(RpcReplies.SHARED, 32), new PostageRpc(RpcReplies.PRIVATE, 32), new RawRpc(32))));
    }
}
