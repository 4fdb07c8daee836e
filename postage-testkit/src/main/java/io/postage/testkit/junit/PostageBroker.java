package io.postage.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against a broker: a {@link BrokerInfo} or a {@link io.postage.PostageConfig}
 * parameter of its constructor, lifecycle or test methods gets the broker chosen for it. The broker
 * is shared by every test of the JVM, so tests keep apart by naming what they declare with
 * {@link BrokerInfo#unique(String)}.
 *
 * {@snippet :
 * @PostageBroker
 * class EchoTest {
 *     @Test
 *     void echoes(BrokerInfo broker) {
 *         Exchange echo = Exchange.direct(broker.unique("echo")).withAutoDelete(true);
 *         try (Producer producer = Producer.builder(Fingerprint.of("sender", "application"))
 *                 .config(broker.config()).eks(echo, "echo").build()) {
 *             ...
 *         }
 *     }
 * }
 * }
 *
 * <p>The environment steers {@link BrokerKind#AUTO}: {@code POSTAGE_TEST_BROKER=rabbitmq|embedded|testcontainers}
 * picks a kind, {@code POSTAGE_TEST_URI} says where RabbitMQ is, and {@code POSTAGE_TEST_REQUIRE=rabbitmq}
 * (for CI) fails the tests when no RabbitMQ answers instead of falling back to the embedded broker.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(PostageBrokerExtension.class)
public @interface PostageBroker {

    /** @return the kind of broker; {@link BrokerKind#AUTO} lets the machine decide */
    BrokerKind value() default BrokerKind.AUTO;
}
