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
import io.postage.testkit.junit.BrokerInfo;
import io.postage.testkit.junit.PostageBroker;
import io.postage.testkit.kit.RunningProcessors;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** POSTAGE_DEBUG_MODE=true logs every publish and every delivery, as Postage 1.x printed them. */
@Timeout(60)
@PostageBroker
class DebugModeTest {

    static final class Quiet extends MessageProcessor {
        final CountDownLatch received = new CountDownLatch(1);

        Quiet(Fingerprint fingerprint, Eqk eqk, ProcessorSettings settings) {
            super(fingerprint, eqk, settings);
        }

        @MessageHandler(name = "echo")
        void echo(Map<String, Object> content) {
            received.countDown();
        }
    }

    @Test
    void debugModeLogsEveryPublishAndDeliveryWithTheBody(BrokerInfo broker) throws Exception {
        Exchange exchange = Exchange.direct(broker.unique("debug-exchange")).withAutoDelete(true);
        PostageConfig debug = broker.config().toBuilder().debugMode(true).build();
        Quiet processor = new Quiet(TestFingerprints.of(broker, "debugged", "controller", "601"),
                Eqk.of(exchange, broker.unique("debug-queue"), "echo"), ProcessorSettings.of(debug));
        try (LogCapture logs = new LogCapture(); RunningProcessors running = RunningProcessors.start(processor);
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
