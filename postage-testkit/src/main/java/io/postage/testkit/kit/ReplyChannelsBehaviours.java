package io.postage.testkit.kit;

import static io.postage.testkit.kit.TransportFixture.CODEC;
import static io.postage.testkit.kit.TransportFixture.textOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.postage.Exchange;
import io.postage.ExchangeType;
import io.postage.Message;
import io.postage.spi.Delivery;
import io.postage.spi.MessageProperties;
import io.postage.spi.OutgoingMessage;
import io.postage.spi.ReplyChannel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RPC reply channels: shared ones matched by correlation id, private ones that take replies without properties. */
abstract class ReplyChannelsBehaviours extends KitBehaviours {

    @Test
    void aSharedReplyChannelReceivesConcurrentRepliesWithTheirCorrelationIds() throws Exception {
        Exchange exchange = exchange(ExchangeType.DIRECT);
        String requests = boundQueue(exchange, "rpc");
        closeLater(transport().consume(requests, 10, this::answer));
        Inbox replies = new Inbox();
        ReplyChannel channel = closeLater(transport().openReplyChannel(ReplyChannel.Kind.SHARED, replies));

        for (int i = 0; i < 20; i++) {
            channel.publish(exchange.name(), "rpc", new OutgoingMessage(CODEC.encode(Message.rpcCommand("echo",
                    Map.of("text", "call " + i))), MessageProperties.of(CODEC.contentType())
                    .withReplyTo(channel.replyTo()).withCorrelationId("id-" + i)));
        }

        List<Delivery> received = replies.next(20);
        assertThat(received).allSatisfy(reply -> assertThat(textOf(reply))
                .isEqualTo("re: call " + reply.properties().correlationId().orElseThrow().substring(3)));
        assertThat(received).extracting(reply -> reply.properties().correlationId().orElseThrow())
                .doesNotHaveDuplicates().hasSize(20);
        replies.expectNothing();
        received.get(0).ack();
        channel.close();
        channel.close();
    }

    @Test
    void aPrivateReplyChannelReceivesRepliesAlsoWithoutProperties() throws Exception {
        Exchange exchange = exchange(ExchangeType.DIRECT);
        String requests = boundQueue(exchange, "rpc");
        closeLater(transport().consume(requests, 1, this::answer));
        Inbox replies = new Inbox();
        ReplyChannel channel = closeLater(transport().openReplyChannel(ReplyChannel.Kind.PRIVATE, replies));
        assertThat(channel.replyTo()).isNotBlank();

        channel.publish(exchange.name(), "rpc", new OutgoingMessage(CODEC.encode(Message.rpcCommand("echo",
                Map.of("text", "private"))), MessageProperties.of(CODEC.contentType())
                .withReplyTo(channel.replyTo()).withCorrelationId("p-1")));
        Delivery reply = replies.next();
        assertThat(textOf(reply)).isEqualTo("re: private");
        assertThat(reply.properties().correlationId()).contains("p-1");

        // A Postage 1.x server answers with no properties at all.
        byte[] python = CODEC.encode(Message.result("from python"));
        transport().reply(channel.replyTo(), new OutgoingMessage(python, MessageProperties.NONE));
        Delivery bare = replies.next();
        assertThat(bare.body()).isEqualTo(python);
        assertThat(bare.properties().contentType()).isEmpty();
        assertThat(bare.properties().correlationId()).isEmpty();
        bare.ack();
        bare.reject(false);

        channel.close();
        channel.close();
    }

    /** An RPC server: answers "re: text" to the request's reply address with its correlation id. */
    private void answer(Delivery request) {
        MessageProperties properties = MessageProperties.of(CODEC.contentType());
        properties = request.properties().correlationId().map(properties::withCorrelationId).orElse(properties);
        transport().reply(request.properties().replyTo().orElseThrow(),
                new OutgoingMessage(CODEC.encode(Message.result("re: " + textOf(request))), properties));
        request.ack();
    }
}
