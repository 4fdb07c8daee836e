package io.postage.testkit.junit;

import io.postage.ConfigurationException;
import io.postage.PostageConfig;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Decides which broker a test class uses, from what the class asks for, the environment and
 * whether RabbitMQ answers; a pure function, so that every rule is tested without a broker.
 */
final class BrokerSelection {
    static final String BROKER_VARIABLE = "POSTAGE_TEST_BROKER";
    static final String URI_VARIABLE = "POSTAGE_TEST_URI";
    static final String REQUIRE_VARIABLE = "POSTAGE_TEST_REQUIRE";
    static final String DEFAULT_URI = "amqp://guest:guest@127.0.0.1:5672/%2F";

    /**
     * @param kind the kind of broker to use; never {@link BrokerKind#AUTO}
     * @param rabbitMqUri where RabbitMQ is (for {@link BrokerKind#RABBITMQ})
     * @param reason why, for the log
     */
    record Choice(BrokerKind kind, URI rabbitMqUri, String reason) {
    }

    private BrokerSelection() {
    }

    /**
     * @param requested what {@link PostageBroker} asks for
     * @param environment the environment variables
     * @param probe tells whether RabbitMQ answers at a URI
     * @return the broker to use and why
     * @throws ExtensionConfigurationException in one line, when the broker asked for is missing
     *     or a variable has a value it cannot take
     */
    static Choice select(BrokerKind requested, Map<String, String> environment, Function<URI, Reachability> probe) {
        URI uri = rabbitMqUri(environment);
        boolean required = rabbitMqRequired(environment);
        if (requested != BrokerKind.AUTO) {
            return choose(requested, "@PostageBroker(" + requested + ")", uri, probe);
        }
        Optional<String> named = variable(environment, BROKER_VARIABLE);
        if (named.isPresent()) {
            return choose(kindNamed(named.get()), BROKER_VARIABLE + "=" + named.get(), uri, probe);
        }
        Reachability rabbitMq = probe.apply(uri);
        if (rabbitMq.rabbitMq()) {
            return new Choice(BrokerKind.RABBITMQ, uri, rabbitMq.detail() + " answers there");
        }
        String missing = "no RabbitMQ answers at " + endpoint(uri) + " (" + rabbitMq.detail() + ")";
        if (required) {
            throw new ExtensionConfigurationException(REQUIRE_VARIABLE + "=rabbitmq but " + missing);
        }
        return new Choice(BrokerKind.EMBEDDED, uri, missing);
    }

    private static Choice choose(BrokerKind kind, String askedBy, URI uri, Function<URI, Reachability> probe) {
        if (kind == BrokerKind.RABBITMQ) {
            Reachability rabbitMq = probe.apply(uri);
            if (!rabbitMq.rabbitMq()) {
                throw new ExtensionConfigurationException(askedBy + " but no RabbitMQ answers at " + endpoint(uri)
                        + " (" + rabbitMq.detail() + ")");
            }
        }
        return new Choice(kind, uri, askedBy + " asks for it");
    }

    private static BrokerKind kindNamed(String value) {
        return Arrays.stream(BrokerKind.values())
                .filter(kind -> kind != BrokerKind.AUTO && kind.name().equalsIgnoreCase(value.trim()))
                .findFirst()
                .orElseThrow(() -> new ExtensionConfigurationException(BROKER_VARIABLE
                        + " must be rabbitmq, embedded or testcontainers, not \"" + value + "\""));
    }

    private static boolean rabbitMqRequired(Map<String, String> environment) {
        Optional<String> required = variable(environment, REQUIRE_VARIABLE);
        if (required.isPresent() && !required.get().trim().toLowerCase(Locale.ROOT).equals("rabbitmq")) {
            throw new ExtensionConfigurationException(REQUIRE_VARIABLE + " can only be rabbitmq, not \""
                    + required.get() + "\"");
        }
        return required.isPresent();
    }

    private static URI rabbitMqUri(Map<String, String> environment) {
        String uri = variable(environment, URI_VARIABLE).orElse(DEFAULT_URI);
        try {
            return PostageConfig.builder().uri(uri).build().uri().orElseThrow();
        } catch (ConfigurationException e) {
            throw new ExtensionConfigurationException(URI_VARIABLE + ": " + e.getMessage(), e);
        }
    }

    /** @return the URI without its password, fit for a log or a message */
    private static String endpoint(URI uri) {
        return PostageConfig.builder().uri(uri).build().endpoint();
    }

    private static Optional<String> variable(Map<String, String> environment, String name) {
        return Optional.ofNullable(environment.get(name)).filter(value -> !value.isBlank());
    }
}
