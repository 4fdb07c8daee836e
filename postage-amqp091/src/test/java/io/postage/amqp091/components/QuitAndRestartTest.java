package io.postage.amqp091.components;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.postage.Eqk;
import io.postage.Exchange;
import io.postage.Fingerprint;
import io.postage.Producer;
import io.postage.QueueSpec;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class QuitAndRestartTest {
    private final Exchange exchange = Exchange.direct(TestBroker.unique("quit-exchange")).withAutoDelete(true);
    private final String queue = TestBroker.unique("quit-queue");

    private Producer producer() {
        return Producer.builder(Fingerprint.of("controller", "application", TestBroker.config()))
                .config(TestBroker.config()).eks(exchange, "quit").build();
    }

    @Test
    void quitProcessesEverythingSentBeforeItThenStopsTheSchedulerAndLetsGoOfTheQueue() throws Exception {
        EchoProcessor processor = new EchoProcessor(TestBroker.fingerprint("quitter", "controller", "501"),
                Eqk.builder().exchange(exchange).queue(QueueSpec.named(queue), "quit").build());
        try (Connection raw = TestBroker.rawConnection(); Producer producer = producer()) {
            Running running = Running.start(processor);
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

        Restartable(Eqk eqk) {
            super(TestBroker.fingerprint("restarter", "controller", "502"), eqk);
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
        Restartable processor = new Restartable(Eqk.builder().exchange(exchange)
                .queue(QueueSpec.named(queue).withAutoDelete(true), "quit").build());
        try (Running running = Running.start(processor); Producer producer = producer()) {
            producer.message("restart", null);

            assertThat(processor.restarted.await(10, TimeUnit.SECONDS)).as("restart() was called").isTrue();
        }
        ProcessHandle.Info self = ProcessHandle.current().info();
        assertThat(processor.commandLine()).first().isEqualTo(self.command().orElseThrow());
        assertThat(processor.commandLine()).endsWith(self.arguments().orElseThrow());
    }
}
