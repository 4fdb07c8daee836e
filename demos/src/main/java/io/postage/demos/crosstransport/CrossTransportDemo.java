package io.postage.demos.crosstransport;

import io.postage.Fingerprint;
import io.postage.PostageConfig;
import io.postage.ProcessorSettings;
import io.postage.Producer;
import io.postage.Route;
import io.postage.RpcOptions;
import io.postage.demos.Components;
import io.postage.demos.Demo;
import io.postage.demos.DemoContext;
import java.util.List;

/**
 * A desk on AMQP 0-9-1 and a desk on AMQP 1.0, one broker between them: each sends the other a
 * command and calls it over RPC, and prints what it heard or got back.
 */
public final class CrossTransportDemo implements Demo {

    @Override
    public String name() {
        return "cross-transport";
    }

    @Override
    public String description() {
        return "an AMQP 0-9-1 component and an AMQP 1.0 component exchange commands and RPC through one broker";
    }

    @Override
    public List<String> roles() {
        return List.of();
    }

    @Override
    public void run(String role, DemoContext context) throws InterruptedException {
        PostageConfig amqp091 = context.config("amqp091");
        PostageConfig amqp10 = context.config("amqp10");
        Thread desks = Components.startInBackground(
                new Desk("desk091", ProcessorSettings.of(amqp091)), new Desk("desk10", ProcessorSettings.of(amqp10)));
        try (Producer from091 = producer("desk091", amqp091); Producer from10 = producer("desk10", amqp10)) {
            from091.message("hello", "hello from the 0-9-1 side", Route.key("desk10"));
            from10.message("hello", "hello from the 1.0 side", Route.key("desk091"));
            System.out.println("[amqp091] desk091 asked desk10, got: "
                    + from091.rpc("ask", "how are you?", rpcTo("desk10")).content().get("value"));
            System.out.println("[amqp10] desk10 asked desk091, got: "
                    + from10.rpc("ask", "and you?", rpcTo("desk091")).content().get("value"));
            from091.message("quit", null, Route.key("desk091"));
            from10.message("quit", null, Route.key("desk10"));
        }
        desks.join();
    }

    private static Producer producer(String name, PostageConfig config) {
        return Producer.builder(Fingerprint.of(name, "desk", config)).config(config).eks(Desk.CROSS, name).build();
    }

    private static RpcOptions rpcTo(String desk) {
        return RpcOptions.defaults().withRoute(Route.key(desk));
    }
}
