package io.postage.demos.genericapp;

import io.postage.ApplicationKeys;
import io.postage.GenericApplication;
import io.postage.demos.Demo;
import io.postage.demos.ReceiveSendDemo;
import java.util.List;

/** Postage 1.2's generic application: keys, groups and ping. */
public final class GenericApplicationDemo {
    private GenericApplicationDemo() {
    }

    /** @return the demo: {@code receive} runs a demo_app, {@code send} runs the operator */
    public static Demo demo() {
        return new ReceiveSendDemo("generic-application",
                "a GenericApplication answers ping, joins a group when told, greets its groups, quits on quit",
                context -> List.of(new DemoApplication(context.settings())), Operator::operate,
                GenericApplication.APPLICATION, ApplicationKeys.fanout("demo_app"));
    }
}
