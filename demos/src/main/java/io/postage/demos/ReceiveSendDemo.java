package io.postage.demos;

import io.postage.Exchange;
import io.postage.MessageProcessor;
import io.postage.PostageConfig;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A demo with a receiving side and a sending side, like the Postage README's: {@code receive}
 * runs the receivers until a {@code quit} command, {@code send} sends and returns, and no role
 * does both in one process, then sends {@code quit}.
 *
 * @param name the demo's name
 * @param description one line saying what it shows
 * @param receivers the receiving processors: one for the {@code receive} role, all of them together
 * @param sender what the {@code send} role does
 * @param exchange the exchange the receivers listen to, for {@code quit}
 * @param quitKey a routing key that reaches every receiver
 */
public record ReceiveSendDemo(String name, String description, Function<DemoContext, List<MessageProcessor>> receivers,
        Consumer<PostageConfig> sender, Exchange exchange, String quitKey) implements Demo {

    @Override
    public List<String> roles() {
        return List.of("receive", "send");
    }

    @Override
    public void run(String role, DemoContext context) throws InterruptedException {
        switch (role) {
            case "receive" -> Components.runUntilQuit(receivers.apply(context).get(0));
            case "send" -> sender.accept(context.config());
            default -> {
                Thread running = Components.startInBackground(receivers.apply(context).toArray(MessageProcessor[]::new));
                sender.accept(context.config());
                Components.quit(context.config(), exchange, quitKey);
                running.join();
            }
        }
    }
}
