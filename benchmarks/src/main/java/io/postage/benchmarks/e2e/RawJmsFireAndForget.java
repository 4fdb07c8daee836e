package io.postage.benchmarks.e2e;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

/**
 * The baseline of {@link PostageFireAndForget} over AMQP 1.0: Qpid JMS with its defaults and the options
 * Postage's amqp10 transport uses (a consuming connection with the same prefetch, a session in
 * individual-acknowledge mode acknowledging each message after reading it with jackson-databind; a
 * publishing connection sending non-persistent {@code BytesMessage}s to the exchange's address). The
 * exchange and queue are declared over AMQP 0-9-1 beforehand, as AMQP 1.0 cannot.
 *
 * @param prefetch the consumer's credit
 */
record RawJmsFireAndForget(int prefetch) implements Variant {
    private static final String KEY = "ff";

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
        String name = Variant.uniqueName("raw-jms-ff");
        FireAndForgetLoad load = new FireAndForgetLoad();
        Target.Declared declared = target.declare(name, KEY);
        try (declared;
                Connection consuming = target.jmsConnectionFactory(prefetch).createConnection();
                Connection publishing = target.jmsConnectionFactory(prefetch).createConnection()) {
            RawJmsConsumers.consume(RawJmsConsumers.session(consuming), target.queueAddress(name),
                    "Cannot read a message",
                    message -> load.received(Envelopes.sentNanos(Envelopes.content(RawJmsBodies.read(message)))));
            consuming.start();
            Session session = publishing.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(target.sendAddress(name, KEY)));
            producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
            return load.drive(sent -> producer.send(RawJmsBodies.write(session, Envelopes.command("ff", "message", sent))),
                    timing);
        }
    }
}
