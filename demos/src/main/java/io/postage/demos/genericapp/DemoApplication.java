package io.postage.demos.genericapp;

import io.postage.Fingerprint;
import io.postage.GenericApplication;
import io.postage.MessageHandler;
import io.postage.ProcessorSettings;
import java.util.List;
import java.util.Map;

/** A Postage 1.2 generic application that answers {@code ping}, joins groups, and greets. */
public class DemoApplication extends GenericApplication {

    public DemoApplication(ProcessorSettings settings) {
        super(Fingerprint.of("demo_app", "application", settings.config()), List.of("day-shift"), settings);
    }

    @MessageHandler(name = "hello")
    void hello(Map<String, Object> content) {
        System.out.println("demo_app " + fingerprint().pid() + " in " + groups() + " got: " + content.get("parameters"));
    }
}
