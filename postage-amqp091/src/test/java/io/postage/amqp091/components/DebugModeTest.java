package io.postage.amqp091.components;

import static org.assertj.core.api.Assertions.assertThat;

import io.postage.Eqk;
import io.postage.Exchange;
import io.postage.Fingerprint;
import io.postage.MessageHandler;
import io.postage.MessageProcessor;
import io.postage.PostageConfig;
import io.postage.ProcessorSettings;
import io.postage.Producer;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** POSTAGE_DEBUG_MODE=true logs every publish and every delivery, as Postage 1.x printed them. */
@Timeout(60)
class DebugModeTest {
    private final Exchange exchange = Exchange.direct(TestBroker.unique("debug-exchange")).withAutoDelete(true);
    private final PostageConfig debug = TestBroker.config().toBuilder().debugMode(true).build();

    static final class Quiet extends MessageProcessor {
        final CountDownLatch received = new CountDownLatch(1);

        Quiet(Eqk eqk, ProcessorSettings settings) {
            super(TestBroker.fingerprint("debugged", "controller", "601"), eqk, settings);
        }

        @MessageHandler(name = "echo")
        void echo(Map<String, Object> content) {
            received.countDown();
        }
    }

    @Test
    void debugModeLogsEveryPublishAndDeliveryWithTheBody() throws Exception {
        Quiet processor = new Quiet(Eqk.of(exchange, TestBroker.unique("debug-queue"), "echo"),
                ProcessorSettings.of(debug));
        try (LogCapture logs = new LogCapture(); Running running = Running.start(processor);
                Producer producer = Producer.builder(Fingerprint.of("echo_send", "application", debug))
                        .config(debug).eks(exchange, "echo").build()) {
            producer.message("echo", "traced");

            assertThat(processor.received.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(logs.messages())
                    .anySatisfy(line -> assertThat(line)
                            .startsWith("--> Producer[echo_send]: basic_publish() to (" + exchange.name() + ", echo)")
                            .contains("    name: echo").contains("    content: {parameters=traced}"))
                    .anySatisfy(line -> assertThat(line).startsWith("<-- Quiet: _msg_consumer() from ")
                            .contains("    fingerprint: {name=echo_send"));
        }
    }
}
