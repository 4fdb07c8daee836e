package io.postage;

import io.postage.spi.Delivery;
import io.postage.spi.MessageProperties;
import io.postage.spi.OutgoingMessage;
import io.postage.spi.Transport;
import java.lang.System.Logger.Level;

/** The {@link Reply} of one RPC delivery: to its reply-to address, with its correlation id copied back. */
final class DeliveryReply implements Reply {
    private static final System.Logger LOG = System.getLogger(DeliveryReply.class.getName());

    private final Transport transport;
    private final MessageCodec codec;
    private final Fingerprint fingerprint;
    private final Delivery request;

    DeliveryReply(Transport transport, MessageCodec codec, Fingerprint fingerprint, Delivery request) {
        this.transport = transport;
        this.codec = codec;
        this.fingerprint = fingerprint;
        this.request = request;
    }

    @Override
    public void send(Message reply) {
        MessageProperties requested = request.properties();
        if (requested.replyTo().isEmpty()) {
            LOG.log(Level.WARNING, "An RPC call from queue {0} has no reply-to address: reply {1} dropped",
                    request.queue(), reply);
            return;
        }
        MessageProperties properties = MessageProperties.of(codec.contentType());
        if (requested.correlationId().isPresent()) {
            properties = properties.withCorrelationId(requested.correlationId().get());
        }
        transport.reply(requested.replyTo().get(),
                new OutgoingMessage(codec.encode(reply.withFingerprint(fingerprint)), properties));
    }
}
