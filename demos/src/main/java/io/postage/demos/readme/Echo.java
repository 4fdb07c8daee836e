package io.postage.demos.readme;

import io.postage.*;
import java.util.Map;

public final class Echo {
    static final Exchange ECHO = Exchange.direct("echo-exchange");

    static final class EchoReceiver extends MessageProcessor {
        EchoReceiver() {
            super(Fingerprint.of("echo_receive", "controller"), Eqk.of(ECHO, "echo-queue", "echo"));
        }

        @MessageHandler(name = "echo")
        void echo(Map<String, Object> content) {
            System.out.println(content.get("parameters"));
        }

        @RpcHandler(name = "echo")
        Message echoRpc(Map<String, Object> content) {
            return Message.result(content.get("parameters"));
        }
    }

    public static void main(String[] args) {
        MicroScheduler scheduler = MicroScheduler.create();
        EchoReceiver receiver = new EchoReceiver();
        scheduler.add(receiver);
        Thread.ofVirtual().start(scheduler::run);
        receiver.awaitStarted(java.time.Duration.ofSeconds(10));

        try (Producer producer = Producer.builder(Fingerprint.of("echo_send", "application"))
                .eks(ECHO, "echo").build()) {
            producer.message("echo", "A test message");
            Message reply = producer.rpc("echo", "RPC test message");
            System.out.println(reply.isSuccess() ? reply.content().get("value") : "RPC failed");
            producer.message("quit", null); // the built-in command: the receiver stops, run() returns
        }
    }
}
