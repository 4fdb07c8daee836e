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

    /**
     * @return every scenario: AMQP 0-9-1 against amqp-client, AMQP 1.0 against Qpid JMS, and Postage across
     *     its two transports (no raw baseline: absolute numbers)
     */
    static List<Scenario> all() {
        return List.of(
                new Scenario("ff-prefetch-1", "fire-and-forget, prefetch 1",
                        List.of(new PostageFireAndForget(1, Transports.AMQP091), new RawFireAndForget(1, false))),
                new Scenario("ff-prefetch-250", "fire-and-forget, prefetch 250",
                        List.of(new PostageFireAndForget(250, Transports.AMQP091), new RawFireAndForget(250, false))),
                new Scenario("ff-confirm-prefetch-1", "fire-and-forget with confirms, prefetch 1",
                        List.of(new PostageFireAndForget(1, Transports.AMQP091, true), new RawFireAndForget(1, true))),
                new Scenario("ff-confirm-prefetch-250", "fire-and-forget with confirms, prefetch 250",
                        List.of(new PostageFireAndForget(250, Transports.AMQP091, true), new RawFireAndForget(250, true))),
                new Scenario("rpc-1", "RPC, 1 caller",
                        List.of(new PostageRpc(RpcReplies.SHARED, 1, Transports.AMQP091),
                                new PostageRpc(RpcReplies.PRIVATE, 1, Transports.AMQP091), new RawRpc(1))),
                new Scenario("rpc-32", "RPC, 32 callers",
                        List.of(new PostageRpc(RpcReplies.SHARED, 32, Transports.AMQP091),
                                new PostageRpc(RpcReplies.PRIVATE, 32, Transports.AMQP091), new RawRpc(32))),
                new Scenario("amqp10-ff-prefetch-250", "AMQP 1.0 fire-and-forget, prefetch 250",
                        List.of(new PostageFireAndForget(250, Transports.AMQP10), new RawJmsFireAndForget(250))),
                new Scenario("amqp10-rpc-1", "AMQP 1.0 RPC, 1 caller",
                        List.of(new PostageRpc(RpcReplies.SHARED, 1, Transports.AMQP10), new RawJmsRpc(1))),
                new Scenario("amqp10-rpc-32", "AMQP 1.0 RPC, 32 callers",
                        List.of(new PostageRpc(RpcReplies.SHARED, 32, Transports.AMQP10), new RawJmsRpc(32))),
                new Scenario("cross-ff-prefetch-250", "cross-transport fire-and-forget, prefetch 250",
                        List.of(new PostageFireAndForget(250, Transports.AMQP091_TO_10),
                                new PostageFireAndForget(250, Transports.AMQP10_TO_091))),
                new Scenario("cross-rpc-1", "cross-transport RPC, 1 caller",
                        List.of(new PostageRpc(RpcReplies.SHARED, 1, Transports.AMQP091_TO_10),
                                new PostageRpc(RpcReplies.SHARED, 1, Transports.AMQP10_TO_091))));
    }
}
