package io.postage.amqp091.internal;

import static io.postage.testkit.kit.TransportFixture.CODEC;
import static org.assertj.core.api.Assertions.assertThat;

import io.postage.Eqk;
import io.postage.Exchange;
import io.postage.ExchangeType;
import io.postage.Fingerprint;
import io.postage.Message;
import io.postage.MessageHandler;
import io.postage.MessageProcessor;
import io.postage.PostageConfig;
import io.postage.ProcessorSettings;
import io.postage.Producer;
import io.postage.QueueSpec;
import io.postage.spi.Delivery;
import io.postage.testkit.junit.BrokerInfo;
import io.postage.testkit.junit.PostageBroker;
import io.postage.testkit.kit.Inbox;
import io.postage.testkit.kit.RunningProcessors;
import io.postage.testkit.kit.TransportFixture;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A processor acknowledges a message only after its handlers finished: when the processor's connection dies
 * while a handler still runs, the broker gives the message to another consumer, marked redelivered.
 */
@Timeout(60)
@PostageBroker
class ProcessorAcksAfterHandlersTest {
    private final BrokerInfo broker;

    ProcessorAcksAfterHandlersTest(BrokerInfo broker) {
        this.broker = broker;
    }

    /** Holds every {@code work} command until released. */
    static final class SlowProcessor extends MessageProcessor {
        final BlockingQueue<Object> started = new LinkedBlockingQueue<>();
        final CountDownLatch release = new CountDownLatch(1);

        SlowProcessor(Fingerprint fingerprint, Eqk eqk, ProcessorSettings settings) {
            super(fingerprint, eqk, settings);
        }

        @MessageHandler(name = "work")
        void work(Map<String, Object> content) throws InterruptedException {
            started.add(content.get("parameters"));
            release.await(RunningProcessors.GENEROUS.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Test
    void aMessageWhoseHandlerIsStillRunningWhenTheProcessorsConnectionDiesIsRedeliveredToAnotherConsumer()
            throws Exception {
        URI uri = URI.create(broker.uri091());
        try (TransportFixture fixture = new TransportFixture(broker, broker.config());
                TcpProxy proxy = new TcpProxy(uri.getHost(), uri.getPort() == -1 ? 5672 : uri.getPort())) {
            String userInfo = uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@";
            PostageConfig throughProxy = PostageConfig.builder()
                    .uri(uri.getScheme() + "://" + userInfo + "127.0.0.1:" + proxy.port() + uri.getRawPath()).build();
            Exchange exchange = fixture.exchange(ExchangeType.DIRECT);
            QueueSpec queue = QueueSpec.named(fixture.unique("work")).withAutoDelete(true);
            Fingerprint fingerprint = Fingerprint.of("slow_worker", "controller", broker.config());
            SlowProcessor processor = new SlowProcessor(new Fingerprint(fingerprint.name(), fingerprint.type(),
                    broker.unique("pid"), fingerprint.host(), fingerprint.user(), fingerprint.vhost()),
                    Eqk.builder().exchange(exchange).queue(queue, "work").build(), ProcessorSettings.of(throughProxy));
            try (RunningProcessors running = RunningProcessors.start(processor);
                    Producer producer = Producer.builder(fingerprint).config(broker.config()).eks(exchange, "work")
                            .confirm(true).build()) {
                producer.message("work", Map.of("job", 1));
                assertThat(processor.started.poll(Inbox.ARRIVAL.toMillis(), TimeUnit.MILLISECONDS))
                        .as("the handler started").isEqualTo(Map.of("job", 1));
                Inbox other = new Inbox();
                fixture.closeLater(fixture.transport().consume(queue.name(), 1, other.acking()));
                other.expectNothing();

                proxy.dropConnections();

                Delivery redelivered = other.next();
                assertThat(redelivered.redelivered()).isTrue();
                Message message = CODEC.decode(redelivered.body());
                assertThat(message.name()).isEqualTo("work");
                assertThat(message.content()).containsEntry("parameters", Map.of("job", 1));
                processor.release.countDown();
            }
        }
    }
}
