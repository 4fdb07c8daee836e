package io.postage.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.postage.ConnectionState;
import io.postage.Eqk;
import io.postage.Exchange;
import io.postage.Fingerprint;
import io.postage.Message;
import io.postage.PostageConfig;
import io.postage.ProcessorSettings;
import io.postage.Producer;
import io.postage.QueueSpec;
import io.postage.RpcOptions;
import io.postage.TransportException;
import io.postage.testkit.junit.BrokerInfo;
import io.postage.testkit.junit.PostageBroker;
import io.postage.testkit.kit.RunningProcessors;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 8's restart test: a producer sends {@value #MESSAGES} numbered messages while the broker restarts
 * ({@code rabbitmqctl stop_app}, a pause, {@code start_app}) or drops every connection
 * ({@code close_all_connections}); a processor with manual acks consumes them. Every number must arrive, a
 * number arrives twice only with the redelivered flag, and the processor consumes again within
 * {@value #RECOVERY_LIMIT_SECONDS} s of the broker being back. The producer republishes what failed to
 * publish (at least once), as a user would.
 *
 * <p>Stand-in until publisher confirms are on main: without them a publish the client handed to the socket
 * just before the broker stopped is lost without anyone knowing (the figures show how many:
 * {@code lostBeforeResend}). So once the deliveries stop, the sender sends again the numbers that did not
 * arrive, as an application without confirms has to reconcile; with confirms the producer will republish
 * only what the broker did not confirm, and the resend goes. The queue is a durable quorum queue, which keeps every message
 * over a restart; a second, non-durable queue bound at run time ({@code queueBind}) answers an RPC after
 * the recovery, so that queue, binding, consumer and the producer's reply queue are shown to be back.
 *
 * <p>RabbitMQ only: the test drives the node with {@code rabbitmqctl} (see {@link RabbitNode}).
 */
@PostageBroker
@Tag("slow")
class BrokerRestartTest {
    private static final int MESSAGES = 20_000;
    private static final int RECOVERY_LIMIT_SECONDS = 15;
    /** The producer's pace: the disruption must fall in the middle of the sending, not after it. */
    private static final Duration PER_MESSAGE = Duration.ofNanos(400_000);
    private static final Duration DOWN_TIME = Duration.ofSeconds(3);
    private static final Duration DRAIN = Duration.ofSeconds(30);
    /** How long without a delivery means that nothing more is coming. */
    private static final Duration QUIET = Duration.ofSeconds(2);

    @Test
    @Timeout(150)
    void everyNumberArrivesAndConsumingResumesAfterTheBrokerRestarts(BrokerInfo broker) throws Exception {
        RabbitNode node = RabbitNode.of(broker);
        run(broker, "stop_app/start_app", () -> {
            try {
                node.stopApp();
                Thread.sleep(DOWN_TIME);
            } finally {
                node.startApp();
            }
        });
    }

    @Test
    @Timeout(150)
    void everyNumberArrivesAndConsumingResumesAfterTheBrokerClosesAllConnections(BrokerInfo broker) throws Exception {
        RabbitNode node = RabbitNode.of(broker);
        run(broker, "close_all_connections", node::closeAllConnections);
    }

    /** What disturbs the broker; returns once the broker is back. */
    @FunctionalInterface
    private interface Disruption {
        void apply() throws InterruptedException;
    }

    private static void run(BrokerInfo broker, String what, Disruption disruption) throws Exception {
        PostageConfig config = broker.config();
        Exchange exchange = Exchange.direct(broker.unique("restart")).withDurable(true).withAutoDelete(false);
        QueueSpec numbers = new QueueSpec(broker.unique("restart-numbers"), true, false, false,
                Map.of("x-queue-type", "quorum"));
        QueueSpec pings = QueueSpec.named(broker.unique("restart-pings"));
        NumberedProcessor processor = new NumberedProcessor(Fingerprint.of("restart-consumer", "application"),
                Eqk.builder().exchange(exchange).queue(numbers, "numbered").build(),
                ProcessorSettings.of(config).withPrefetch(20));
        List<ConnectionState> processorStates = new CopyOnWriteArrayList<>();
        processor.onStateChange(processorStates::add);
        try (RunningProcessors running = RunningProcessors.start(processor);
                Producer producer = Producer.builder(Fingerprint.of("restart-producer", "application"))
                        .config(config).eks(exchange, "numbered").rpcTimeout(Duration.ofSeconds(5)).build()) {
            processor.queueBind(exchange, pings, "ping");
            assertThat(producer.rpc("ping", Map.of(), RpcOptions.defaults().withTimeout(Duration.ofSeconds(5)).withMaxRetry(0)).isSuccess())
                    .as("ping before").isTrue();
            List<ConnectionState> producerStates = new CopyOnWriteArrayList<>();
            producer.onStateChange(producerStates::add);

            AtomicInteger sent = new AtomicInteger();
            AtomicInteger failedPublishes = new AtomicInteger();
            Thread sender = Thread.ofPlatform().name("restart-sender").start(() -> send(producer, sent, failedPublishes));
            while (sent.get() < MESSAGES / 4 && sender.isAlive()) {
                Thread.sleep(10);
            }
            long disrupted = System.nanoTime();
            disruption.apply();
            long back = System.nanoTime();
            while (processor.lastDeliveryNanos() <= back && System.nanoTime() - back < seconds(RECOVERY_LIMIT_SECONDS * 2)) {
                Thread.sleep(10);
            }
            double recoverySeconds = (processor.lastDeliveryNanos() - back) / 1e9;
            sender.join(DRAIN);
            awaitQuiet(processor);
            List<Integer> missing = missing(processor);
            for (int n : missing) {
                publish(producer, n, failedPublishes);
            }
            awaitQuiet(processor);
            Message pong = producer.rpc("ping", Map.of(), RpcOptions.defaults().withTimeout(Duration.ofSeconds(5)).withMaxRetry(2));

            int lost = missing(processor).size();
            System.out.printf(Locale.ROOT, "figures: restart test (%s, %s): sent=%d received=%d lost=%d duplicates=%d"
                    + " duplicatesWithoutRedelivered=%d failedPublishesRetried=%d disruptionSeconds=%.1f"
                    + " recoverySeconds=%.2f lostBeforeResend=%d processorStates=%s producerStates=%s%n", what, broker.product(), MESSAGES,
                    processor.deliveries(), lost, processor.duplicates(), processor.duplicatesWithoutRedelivered(),
                    failedPublishes.get(), (back - disrupted) / 1e9, recoverySeconds, missing.size(), processorStates, producerStates);

            assertThat(sender.isAlive()).as("the producer finished").isFalse();
            assertThat(sent.get()).isEqualTo(MESSAGES);
            assertThat(missing(processor)).as("numbers lost").isEmpty();
            assertThat(processor.duplicatesWithoutRedelivered()).as("duplicates without the redelivered flag").isZero();
            assertThat(recoverySeconds).as("seconds until the processor consumed again").isBetween(0.0,
                    (double) RECOVERY_LIMIT_SECONDS);
            assertThat(pong.isSuccess()).as("an RPC through the queue bound at run time, after the recovery").isTrue();
            assertThat(processorStates).as("the processor's states").contains(ConnectionState.RECOVERING)
                    .endsWith(ConnectionState.CONNECTED);
            assertThat(producerStates).as("the producer's states").contains(ConnectionState.RECOVERING)
                    .endsWith(ConnectionState.CONNECTED);
            assertThat(processor.state()).isEqualTo(ConnectionState.CONNECTED);
        } finally {
            processor.close();
            deleteQuietly(broker, numbers.name(), exchange.name());
        }
        assertThat(processor.state()).isEqualTo(ConnectionState.CLOSED);
    }

    /** Publishes the numbers at a steady pace. */
    private static void send(Producer producer, AtomicInteger sent, AtomicInteger failedPublishes) {
        long start = System.nanoTime();
        for (int n = 0; n < MESSAGES; n++) {
            LockSupport.parkNanos(start + n * PER_MESSAGE.toNanos() - System.nanoTime());
            publish(producer, n, failedPublishes);
            sent.incrementAndGet();
        }
    }

    /** Publishes a number, again and again while the publish fails (at least once). */
    private static void publish(Producer producer, int n, AtomicInteger failedPublishes) {
        while (true) {
            try {
                producer.message("numbered", Map.of("n", n));
                return;
            } catch (TransportException e) {
                failedPublishes.incrementAndGet();
                LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            }
        }
    }

    /** Waits until every number arrived, or nothing arrived for {@link #QUIET}, or {@link #DRAIN} is over. */
    private static void awaitQuiet(NumberedProcessor processor) throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN.toNanos();
        while (processor.distinct() < MESSAGES && System.nanoTime() < deadline
                && System.nanoTime() - processor.lastDeliveryNanos() < QUIET.toNanos()) {
            Thread.sleep(50);
        }
    }

    private static List<Integer> missing(NumberedProcessor processor) {
        return IntStream.range(0, MESSAGES).filter(n -> !processor.got(n)).boxed().toList();
    }

    private static long seconds(int seconds) {
        return Duration.ofSeconds(seconds).toNanos();
    }

    /** Removes the durable queue and exchange the test declared. */
    private static void deleteQuietly(BrokerInfo broker, String queue, String exchange) {
        ConnectionFactory factory = new ConnectionFactory();
        try {
            factory.setUri(broker.uri091());
            try (Connection connection = factory.newConnection("restart-test-cleanup")) {
                Channel channel = connection.createChannel();
                channel.queueDelete(queue);
                channel.exchangeDelete(exchange);
            }
        } catch (Exception e) {
            System.getLogger(BrokerRestartTest.class.getName()).log(System.Logger.Level.WARNING,
                    "Cannot delete " + queue + " and " + exchange + ": " + e);
        }
    }
}
