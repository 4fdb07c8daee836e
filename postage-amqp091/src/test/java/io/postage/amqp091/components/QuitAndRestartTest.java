package io.postage.amqp091.components;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.postage.Eqk;
import io.postage.Exchange;
import io.postage.Fingerprint;
import io.postage.Producer;
import io.postage.QueueSpec;
import io.postage.testkit.junit.BrokerInfo;
import io.postage.testkit.junit.PostageBroker;
import io.postage.testkit.kit.RunningProcessors;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
@PostageBroker
class QuitAndRestartTest {
    private final BrokerInfo broker;
    private final Exchange exchange;
    private final String queue;

    QuitAndRestartTest(BrokerInfo broker) {
        this.broker = broker;
        this.exchange = Exchange.direct(broker.unique("quit-exchange")).withAutoDelete(true);
        this.queue = broker.unique("quit-queue");
    }

    private Producer producer() {
        return Producer.builder(Fingerprint.of("controller", "application", broker.config()))
                .config(broker.config()).eks(exchange, "quit").build();
    }

    @Test
    void quitProcessesEverythingSentBeforeItThenStopsTheSchedulerAndLetsGoOfTheQueue() throws Exception {
        EchoProcessor processor = new EchoProcessor(broker, TestFingerprints.of(broker, "quitter", "controller", "501"),
                Eqk.builder().exchange(exchange).queue(QueueSpec.named(queue), "quit").build());
        try (Connection raw = RawAmqp.connect(broker); Producer producer = producer()) {
            RunningProcessors running = RunningProcessors.start(processor);
            for (int i = 0; i < 3; i++) {
                producer.message("echo", i);
            }
            producer.message("quit", null);

            running.awaitExit();

            assertThat(processor.echoed).containsExactly(0, 1, 2);
            Channel channel = raw.createChannel();
            assertThat(channel.queueDeclarePassive(queue).getMessageCount()).as("all acknowledged").isZero();
            assertThat(channel.queueDeclarePassive(queue).getConsumerCount()).as("connection closed").isZero();
            channel.queueDelete(queue);
        }
    }

    static final class Restartable extends EchoProcessor {
        final CountDownLatch restarted = new CountDownLatch(1);

        Restartable(BrokerInfo broker, Eqk eqk) {
            super(broker, TestFingerprints.of(broker, "restarter", "controller", "502"), eqk);
        }

        @Override
        protected void restart() {
            restarted.countDown();
        }

        List<String> commandLine() {
            return restartCommand();
        }
    }

    @Test
    void restartAcknowledgesAndReExecutesTheSameCommandLine() throws Exception {
        Restartable processor = new Restartable(broker, Eqk.builder().exchange(exchange)
                .queue(QueueSpec.named(queue).withAutoDelete(true), "quit").build());
        try (RunningProcessors running = RunningProcessors.start(processor); Producer producer = producer()) {
            producer.message("restart", null);

            assertThat(processor.restarted.await(10, TimeUnit.SECONDS)).as("restart() was called").isTrue();
        }
        ProcessHandle.Info self = ProcessHandle.current().info();
        assertThat(processor.commandLine()).first().isEqualTo(self.command().orElseThrow());
        assertThat(processor.commandLine()).endsWith(self.arguments().orElseThrow());
    }
}
