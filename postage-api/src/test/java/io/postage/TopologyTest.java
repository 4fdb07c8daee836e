package io.postage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TopologyTest {

    @Test
    void exchangesDefaultToPostage1Settings() {
        Exchange exchange = Exchange.direct("echo-exchange");

        assertThat(exchange.type()).isEqualTo(ExchangeType.DIRECT);
        assertThat(exchange.durable()).isTrue();
        assertThat(exchange.autoDelete()).isFalse();
        assertThat(exchange.passive()).isFalse();
        assertThat(exchange.arguments()).isEmpty();
        assertThat(Exchange.topic("t").type().wireName()).isEqualTo("topic");
        assertThat(Exchange.fanout("f").withDurable(false).durable()).isFalse();
    }

    @Test
    void namedQueuesHavePostage1DefaultFlagsAndServerNamedOnesArePrivate() {
        QueueSpec named = QueueSpec.named("echo-queue");
        QueueSpec mine = QueueSpec.serverNamed();

        assertThat(named).isEqualTo(new QueueSpec("echo-queue", false, false, false, Map.of()));
        assertThat(mine.isServerNamed()).isTrue();
        assertThat(mine.exclusive()).isTrue();
        assertThat(mine.autoDelete()).isTrue();
        assertThatThrownBy(() -> QueueSpec.named("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eqkBuilderBindsEachQueueToTheExchangeNamedBefore() {
        Exchange echo = Exchange.direct("echo-exchange");
        Exchange logs = Exchange.fanout("logs");

        Eqk eqk = Eqk.builder()
                .exchange(echo).queue("echo-queue", "echo-rk").queue(QueueSpec.serverNamed(), "echo-rk")
                .exchange(logs).queue("log-queue", "")
                .build();

        assertThat(eqk.bindings()).containsExactly(
                new Binding(echo, QueueSpec.named("echo-queue"), "echo-rk"),
                new Binding(echo, QueueSpec.serverNamed(), "echo-rk"),
                new Binding(logs, QueueSpec.named("log-queue"), ""));
        assertThat(Eqk.of(echo, "echo-queue", "echo-rk").plus(Eqk.of(logs, "log-queue", "")).bindings()).hasSize(2);
    }

    @Test
    void eqkBuilderRefusesAQueueBeforeAnyExchange() {
        assertThatThrownBy(() -> Eqk.builder().queue("q", "k"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exchange(...)");
    }

    @Test
    void aQueueWithADeadLetterQueueNamesTheExchangeAndQueuePostageDeclares() {
        QueueSpec jobs = QueueSpec.named("jobs").withDurable(true).withDeadLetterQueue();

        assertThat(jobs.deadLetter()).contains("jobs.dlx");
        assertThat(jobs.deadLetterExchangeSpec()).contains(Exchange.fanout("jobs.dlx"));
        assertThat(jobs.deadLetterQueueSpec()).contains(QueueSpec.named("jobs.dlq").withDurable(true));
        assertThat(jobs.withAutoDelete(true).deadLetterQueueSpec().orElseThrow().autoDelete())
                .as("dead letters outlive an auto-deleted queue").isFalse();
        assertThat(jobs.withAutoDelete(true).deadLetterExchangeSpec().orElseThrow().autoDelete()).isFalse();
        assertThat(jobs.withDurable(false).deadLetterQueueSpec().orElseThrow().durable()).isFalse();
        assertThat(QueueSpec.named("q").withDeadLetterExchange("dlx").deadLetterQueueSpec()).isEmpty();
        assertThat(QueueSpec.named("q").withDeadLetterExchange("dlx").deadLetterExchangeSpec()).isEmpty();
        assertThat(QueueSpec.named("q").withExclusive(true).withDeadLetterQueue("x", "dead").deadLetterQueueSpec()
                .orElseThrow().exclusive()).as("anyone may read the dead letters").isFalse();
        assertThatThrownBy(() -> QueueSpec.serverNamed().withDeadLetterQueue())
                .hasMessageContaining("withDeadLetterQueue(exchange, queue)");
    }
}
