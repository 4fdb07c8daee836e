package io.postage.demos.genericapp;

import io.postage.ApplicationKeys;
import io.postage.Fingerprint;
import io.postage.GenericApplication;
import io.postage.Message;
import io.postage.PostageConfig;
import io.postage.Producer;
import io.postage.Route;
import io.postage.RpcOptions;
import java.util.Map;

/** Talks to {@code demo_app}s by their keys: pings one, moves it to a group, greets the group. */
public final class Operator {
    private Operator() {
    }

    public static void operate(PostageConfig config) {
        try (Producer producer = Producer.builder(Fingerprint.of("operator", "application", config))
                .config(config)
                .eks(GenericApplication.APPLICATION, ApplicationKeys.roundRobin("demo_app"))
                .build()) {
            Message pong = producer.rpc("ping", Map.of());
            @SuppressWarnings("unchecked")
            Map<String, Object> app = (Map<String, Object>) pong.content().get("value");
            System.out.println("ping answered by " + app.get("name") + " pid " + app.get("pid") + " on " + app.get("host"));

            String unique = ApplicationKeys.unique((String) app.get("pid"), (String) app.get("host"));
            producer.message("join_group", Map.of("group_name", "night-shift"), Route.key(unique));
            producer.rpc("ping", Map.of(), RpcOptions.defaults().withRoute(Route.key(unique))); // join_group is done
            producer.message("hello", "good evening, night shift", Route.key(ApplicationKeys.group("demo_app", "night-shift")));
            producer.message("hello", "good morning, day shift", Route.key(ApplicationKeys.group("demo_app", "day-shift")));
        }
    }
}
