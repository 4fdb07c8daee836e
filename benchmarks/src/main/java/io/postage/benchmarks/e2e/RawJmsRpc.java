package io.postage.benchmarks.e2e;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.util.Map;

/**
 * The baseline of {@link PostageRpc} over AMQP 1.0: an echo server and a {@link RawJmsRpcClient} on bare
 * Qpid JMS with its defaults, the server's credit being the number of callers, its session in
 * individual-acknowledge mode as in Postage's amqp10 transport; the bodies the same envelopes read and
 * written with jackson-databind. The exchange and queue are declared over AMQP 0-9-1 beforehand.
 *
 * @param callers how many callers at once
 */
record RawJmsRpc(int callers) implements Variant {
    private static final String KEY = "rpc";

    @Override
    public String name() {
        return "raw Qpid JMS";
    }

    @Override
    public boolean baseline() {
        return true;
    }

    @Override
    public Sample run(Target target, Timing timing) throws Exception {
        String name = Variant.uniqueName("raw-jms-rpc");
        Target.Declared declared = target.declare(name, KEY);
        try (declared;
                Connection serving = target.jmsConnectionFactory(callers).createConnection();
                RawJmsRpcClient client = RawJmsRpcClient.open(target)) {
            serve(serving, target.queueAddress(name));
            Destination address = client.destination(target.sendAddress(name, KEY));
            return new RpcLoad().drive(callers, sent -> {
                Map<String, Object> reply = client.call(address, Envelopes.command("echo", "rpc", sent));
                if (!"success".equals(reply.get("type"))) {
                    throw new IllegalStateException("The call failed: " + reply);
                }
            }, timing);
        }
    }

    private static void serve(Connection connection, String address) throws Exception {
        Session session = RawJmsConsumers.session(connection);
        MessageProducer replies = session.createProducer(null);
        replies.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        RawJmsConsumers.consume(session, address, "Cannot answer a request", request -> {
            Map<String, Object> content = Envelopes.content(RawJmsBodies.read(request));
            Message reply = RawJmsBodies.write(session, Envelopes.result(content.get("parameters")));
            reply.setJMSCorrelationID(request.getJMSCorrelationID());
            replies.send(request.getJMSReplyTo(), reply);
        });
        connection.start();
    }
}
